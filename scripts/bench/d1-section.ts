// D1 work per view, as a table: round trips, statements and rows read against rows returned.
import { measureView, meetsTargets, type ViewCost } from './d1-work.js';
import type { Endpoint } from './endpoints.js';
import { verdict } from './format.js';
import type { Section } from './report.js';

/** One site's hot endpoints, labelled (e.g. the demo site or a generated network). */
export interface ViewSet {
  label: string;
  endpoints: Endpoint[];
}

/** Prices every served endpoint of every set through the real app and D1. */
export async function measureD1Work(db: D1Database, sets: readonly ViewSet[]): Promise<{ section: Section; costs: Map<string, ViewCost> }> {
  const rows: string[][] = [];
  const costs = new Map<string, ViewCost>();
  for (const set of sets) {
    for (const endpoint of set.endpoints) {
      const cost = await measureView(db, endpoint);
      costs.set(`${set.label}/${endpoint.name}`, cost);
      if (cost.status !== 200) {
        rows.push([set.label, endpoint.name, `n/a (HTTP ${cost.status}: not built yet)`, '', '', '', '']);
        continue;
      }
      rows.push([
        set.label,
        endpoint.name,
        String(cost.roundTrips),
        String(cost.statements.length),
        String(cost.rowsRead),
        String(cost.rowsReturned),
        verdict(meetsTargets(cost)),
      ]);
    }
  }
  const notes: string[] = [];
  for (const set of sets) {
    const list = costs.get(`${set.label}/list`);
    const search = costs.get(`${set.label}/list q=`);
    if (list && search?.status === 200 && !search.statements.some((s) => /match|_fts/i.test(s.sql))) {
      notes.push(`${set.label}: \`q=\` is accepted but not applied — its SQL has no full-text match (same work as the plain list).`);
    }
  }
  return {
    section: {
      title: 'D1 work per view',
      columns: ['data', 'endpoint', 'round trips', 'statements', 'rows_read', 'rows returned', '1 batch, ≤ 2 statements, read ≤ returned + 10'],
      rows,
      notes: [
        'The real Hono app runs in Node against the worker’s own D1 through a recording binding; each statement is then replayed with `.all()` to read `meta.rows_read`.',
        'Warm isolate: the site record comes from isolate memory (SITE_CACHE_SECONDS); a cold isolate adds one round trip of one statement (site, network and neighbourhoods). Node has no edge cache, so every view here does its D1 work.',
        'A round trip is one `prepare().…()` or one `batch([…])`; rows returned counts every row D1 sent back, rows nested in a statement’s JSON arrays (the detail’s members, history, updates, offers, meetings) included.',
        ...notes,
      ],
      failures: [],
    },
    costs,
  };
}
