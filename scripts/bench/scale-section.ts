// What the scale step generated, as a small table.
import type { Section } from './report.js';
import type { ScaleNetwork } from './scale-data.js';

/** Lists the generated networks, and says why comments are missing when they are. */
export function scaleDataSection(networks: readonly ScaleNetwork[], seconds: number, hasComments: boolean): Section {
  const comments = (n: ScaleNetwork) => (hasComments ? `${n.spec.comments.toLocaleString('en')} in ${n.spec.initiatives.toLocaleString('en')} threads` : 'n/a (no comments table yet)');
  return {
    title: 'Generated data',
    columns: ['network / site', 'initiatives', 'users', 'neighbourhoods', 'comments'],
    rows: networks.map((n) => [
      n.siteKey,
      n.spec.initiatives.toLocaleString('en'),
      n.spec.users.toLocaleString('en'),
      String(n.spec.neighbourhoods),
      comments(n),
    ]),
    notes: [
      `Generated inside SQLite with INSERT … SELECT over recursive CTEs in ${seconds.toFixed(1)} s (search-index and counter triggers included); ids in the format of worker/src/db/ids.ts (time-sortable), five years of history, statuses idea 20% · gathering 15% · planning 15% · active 20% · completed 15% · paused 5% · archived 10%.`,
      'Each network has one site that shows all its neighbourhoods; generators in scripts/bench/scale-data.ts.',
      'Similar ids: the sampled initiative’s are searched by the statement the worker runs when an initiative is written; every other initiative keeps the newest earlier ones of its neighbourhood (its page reads them the same way).',
    ],
    failures: [],
  };
}
