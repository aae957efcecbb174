import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { demoInitiativeId, demoId } from '../db/seed.js';
import { database } from './database.js';
import { getInitiativeDetail } from './initiative-detail.js';
import { findSite } from './sites.js';

describe('D1 work of an initiative’s page', () => {
  it('reads the page in one statement and similar initiatives in a second, each through indexes', async () => {
    const statements: { sql: string; params: unknown[] }[] = [];
    const db = database(env.DB, { logQuery: (sql, params) => statements.push({ sql, params }) });
    const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
    const detail = (await getInitiativeDetail(db, site, demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat'), demoId('voorbeeldstad', 'user', 'fatima')))!;
    expect(detail.members.length).toBeGreaterThan(0);
    expect(statements).toHaveLength(2);

    const [page] = statements;
    const result = await env.DB.prepare(page!.sql).bind(...page!.params).all();
    // Everything the page shows, and for each the rows joined to name its people, place and organisation.
    const shown = 1 + detail.members.length + detail.statusHistory.length + detail.updates.length + detail.offers.length + detail.upcomingEvents.length;
    expect(result.meta.rows_read).toBeLessThanOrEqual(4 * shown + 10);
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${page!.sql}`).bind(...page!.params).all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).filter((d) => /^SCAN (?!CONSTANT ROW)/.test(d) && !/json_each|SUBQUERY|\(subquery/.test(d))).toEqual([]);
  });
});
