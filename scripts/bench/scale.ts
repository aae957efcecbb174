// Scale: the same endpoints on a 1,000- and a 100,000-initiative network, and their query plans.
import type { ViewCost } from './d1-work.js';
import { isServed, uncached, type Endpoint } from './endpoints.js';
import { ms, times, verdict } from './format.js';
import { loadTest } from './load-test.js';
import type { Section } from './report.js';

/** Latency growth allowed at 100× the data (issue 8). */
const MAX_GROWTH = 1.5;
const LOAD = { connections: 1, warmupSeconds: 1, seconds: 3 };

/** A generated network's endpoints, labelled with its size. */
export interface SizedEndpoints {
  label: string;
  endpoints: Endpoint[];
}

/** p50 of each endpoint at the small and the large size, and the growth between them. */
export async function measureScale(baseUrl: string, small: SizedEndpoints, large: SizedEndpoints): Promise<Section> {
  const rows: string[][] = [];
  // Past the edge cache: a hit costs the same at any size; what grows with the data is D1's work.
  for (const [i, cachedSmall] of small.endpoints.entries()) {
    const smallEndpoint = uncached(cachedSmall);
    const largeEndpoint = uncached(large.endpoints[i]!);
    if (!(await isServed(baseUrl, smallEndpoint)) || !(await isServed(baseUrl, largeEndpoint))) {
      rows.push([smallEndpoint.name, 'n/a (not built yet)', '', '', '']);
      continue;
    }
    const a = await loadTest(baseUrl + smallEndpoint.path, { ...LOAD, headers: smallEndpoint.headers });
    const b = await loadTest(baseUrl + largeEndpoint.path, { ...LOAD, headers: largeEndpoint.headers });
    const growth = b.p50Ms / a.p50Ms;
    rows.push([smallEndpoint.name, ms(a.p50Ms), ms(b.p50Ms), times(growth), verdict(growth <= MAX_GROWTH)]);
  }
  return {
    title: `Scale: p50 at concurrency 1, ${small.label} vs ${large.label}`,
    columns: ['endpoint', `p50 ${small.label}`, `p50 ${large.label}`, 'growth', `≤ ${times(MAX_GROWTH)}`],
    rows,
    notes: [
      `autocannon, ${LOAD.warmupSeconds} s warm-up then ${LOAD.seconds} s per endpoint and size; both networks live in the same D1.`,
      'Measured past the edge cache (an `Authorization` header), so every request does its D1 work.',
    ],
    failures: [],
  };
}

/** How a plan reaches its rows: through an index only, an index plus a sort of every match, or a scan. */
export function planVerdict(plan: readonly string[]): string {
  if (plan.some((line) => /^SCAN (?!CONSTANT ROW)/.test(line))) return 'SCAN (no index)';
  if (plan.some((line) => line.startsWith('USE TEMP B-TREE'))) return 'index, then sorts all matches';
  return 'index';
}

/** EXPLAIN QUERY PLAN of every statement behind the hot endpoints, with rows read at this size. */
export function queryPlans(label: string, costs: readonly ViewCost[]): Section {
  const rows: string[][] = [];
  for (const cost of costs) {
    if (cost.status !== 200) {
      rows.push([cost.endpoint.name, 'n/a (not built yet)', '', '', '']);
      continue;
    }
    cost.statements.forEach((statement, i) => {
      const table = /from "(\w+)"/i.exec(statement.sql)?.[1] ?? '?';
      rows.push([i === 0 ? cost.endpoint.name : '', `#${i + 1} from ${table}`, planVerdict(statement.plan), String(statement.rowsRead), statement.plan.join('; ')]);
    });
  }
  return {
    title: `Query plans of the hot endpoints (${label})`,
    columns: ['endpoint', 'statement', 'access', 'rows_read', 'EXPLAIN QUERY PLAN'],
    rows,
    notes: ['Statements are exactly what the app sent (recorded), planned with their own parameters.'],
    failures: [],
  };
}
