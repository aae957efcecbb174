// D1 work per view: runs the real Hono app in Node against the worker's own D1, records every
// round trip, then replays each statement to read D1's `rows_read` and the query plan.
import './workers-shim.js';
import { recordingD1, type RecordedStatement } from './d1-recorder.js';
import type { Endpoint } from './endpoints.js';

/** What one statement cost. */
export interface StatementCost {
  sql: string;
  rowsRead: number;
  rowsReturned: number;
  /** EXPLAIN QUERY PLAN, one line per step. */
  plan: string[];
}

/** What one view cost D1. */
export interface ViewCost {
  endpoint: Endpoint;
  status: number;
  roundTrips: number;
  statements: StatementCost[];
  rowsRead: number;
  rowsReturned: number;
}

/** Targets from issue 8: one round trip, at most two statements, reads ≤ returned + 10. */
export function meetsTargets(cost: ViewCost): boolean {
  return cost.roundTrips <= 1 && cost.statements.length <= 2 && cost.rowsRead <= cost.rowsReturned + 10;
}

/** Whether every table access in a plan goes through an index (SEARCH), not a full SCAN. */
export function usesIndexOnly(plan: readonly string[]): boolean {
  return plan.every((line) => !/^SCAN (?!CONSTANT ROW)/.test(line));
}

/** Rows a result carries: its own, plus those nested in JSON-array columns (as the detail's statement sends them). */
function rowsCarried(rows: readonly Record<string, unknown>[]): number {
  let count = rows.length;
  for (const row of rows) {
    for (const value of Object.values(row)) {
      if (typeof value !== 'string' || !value.startsWith('[{')) continue;
      try {
        const nested: unknown = JSON.parse(value);
        if (Array.isArray(nested)) count += nested.length;
      } catch {
        // Text that merely looks like JSON.
      }
    }
  }
  return count;
}

async function replay(db: D1Database, statement: RecordedStatement): Promise<StatementCost> {
  const result = await db.prepare(statement.sql).bind(...statement.params).all<Record<string, unknown>>();
  const plan = await db
    .prepare(`EXPLAIN QUERY PLAN ${statement.sql}`)
    .bind(...statement.params)
    .all<{ detail: string }>();
  return {
    sql: statement.sql,
    rowsRead: result.meta.rows_read,
    rowsReturned: rowsCarried(result.results),
    plan: plan.results.map((row) => row.detail),
  };
}

/**
 * Serves `endpoint` once through the app with a recording D1 and prices every statement it sent.
 * An unrecorded request first puts the site record in the isolate's memory, as on a warm isolate.
 */
export async function measureView(db: D1Database, endpoint: Endpoint): Promise<ViewCost> {
  // Imported here, after the shim is registered (static imports would resolve before it).
  const { app } = await import('../../worker/src/app.js');
  const env = { ENVIRONMENT: 'production', SITE_CACHE_SECONDS: '3600' };
  await (await app.fetch(new Request(`http://bench.local${endpoint.path}`), { ...env, DB: recordingD1(db).db })).arrayBuffer();
  const recorder = recordingD1(db);
  const response = await app.fetch(new Request(`http://bench.local${endpoint.path}`), { ...env, DB: recorder.db });
  await response.arrayBuffer();
  const statements: StatementCost[] = [];
  for (const call of recorder.calls) for (const statement of call.statements) statements.push(await replay(db, statement));
  return {
    endpoint,
    status: response.status,
    roundTrips: recorder.calls.length,
    statements,
    rowsRead: statements.reduce((sum, s) => sum + s.rowsRead, 0),
    rowsReturned: statements.reduce((sum, s) => sum + s.rowsReturned, 0),
  };
}
