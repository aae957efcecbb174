import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { database } from '../data/database.js';
import { createInitiative, getInitiativeDetail } from '../data/initiative-detail.js';
import { SIMILAR_KEPT } from '../data/initiatives.js';
import { markListedStale, refreshStaleSimilar } from '../data/similar-refresh.js';
import { findSite } from '../data/sites.js';
import { demoId } from '../db/seed.js';
import worker from '../index.js';
import { backfillSimilar } from './similar-backfill.js';

interface Stored {
  id: string;
  similar_ids: string | null;
}

async function stored(): Promise<Stored[]> {
  return (await env.DB.prepare(`select id, similar_ids from initiatives order by id`).all<Stored>()).results;
}

/** Runs the worker's cron handler as Cloudflare would. */
async function runCron(): Promise<void> {
  const controller = createScheduledController({ scheduledTime: Date.now(), cron: '0 * * * *' });
  const ctx = createExecutionContext();
  await worker.scheduled!(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

describe('the backfill of similar ids', () => {
  it('gives initiatives written before similar ids were stored the list writing them computes, a bounded number per run', async () => {
    // The seed stores each initiative's list with the statement a write runs: forget them, as before 0009.
    const computed = await stored();
    const withList = computed.filter((r) => r.similar_ids !== null && r.similar_ids !== '[]');
    expect(withList.length).toBeGreaterThan(3);
    await env.DB.prepare(`update initiatives set similar_ids = null`).run();

    // A run with room for two fills the two oldest only.
    expect(await backfillSimilar(database(env.DB), 2)).toBe(2);
    const afterOne = await stored();
    expect(afterOne.slice(0, 2)).toEqual(computed.slice(0, 2));
    expect(afterOne.slice(2).every((r) => r.similar_ids === null)).toBe(true);

    // The hourly cron goes on until every initiative has its list, the same as writing it gave.
    for (let run = 0; run < computed.length && (await stored()).some((r) => r.similar_ids === null); run++) await runCron();
    expect(await stored()).toEqual(computed);
    expect(await backfillSimilar(database(env.DB))).toBe(0);
  });

  it('finds the initiatives without a list through the partial index, not by reading every initiative', async () => {
    const statements: { sql: string; params: unknown[] }[] = [];
    await backfillSimilar(database(env.DB, { logQuery: (sql, params) => statements.push({ sql, params }) }));
    const [find] = statements;
    const plan = await env.DB.prepare(`explain query plan ${find!.sql}`).bind(...find!.params).all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).join('\n')).toMatch(/USING (COVERING )?INDEX initiatives_similar_missing_idx/);
  });
});

describe('the refresh of stale similar ids', () => {
  it('lists a new initiative on the older ones it resembles within the hour when no request refreshed them, and a failed write marks nothing', async () => {
    const db = database(env.DB);
    const site = (await findSite(db, 'gemeente-voorbeeldstad'))!;
    const start = (title: string, summary: string) =>
      createInitiative(
        db,
        {
          networkId: site.networkId,
          neighbourhood: site.neighbourhoods[0]!,
          owner: { id: demoId('voorbeeldstad', 'user', 'fatima'), displayName: 'Fatima', organisation: null },
          title,
          summary,
          body: '',
          themes: [],
          needs: [],
        },
        [],
      );
    const similarOf = async (id: string) => (await getInitiativeDetail(db, site, id, null))!.similar.map((s) => s.id);
    const staleIds = async () =>
      (await env.DB.prepare('select id from initiatives where network_id = ? and similar_stale_at is not null').bind(site.networkId).raw<[string]>()).map(([id]) => id);

    const older = start('Zwaluwtillen bouwen aan de Dijkstraat', 'Gierzwaluwen een nest geven onder de dakrand.');
    await db.batch(older.statements);
    await refreshStaleSimilar(db, SIMILAR_KEPT, site.networkId);
    expect(await staleIds()).toEqual([]);

    // A batch that fails on its last statement (the older initiative again) leaves no initiative and no mark.
    const newer = start('Gierzwaluwen tellen aan de Dijkstraat', 'Een nest van gierzwaluwen onder de dakrand tellen.');
    await expect(db.batch([...newer.statements, older.statements[0]])).rejects.toThrow();
    expect(await staleIds()).toEqual([]);

    // Committed without the refresh a request runs after its response, as when its isolate ended.
    await db.batch(newer.statements);
    expect(await similarOf(newer.result.id)).toContain(older.result.id);
    expect(await similarOf(older.result.id)).not.toContain(newer.result.id);
    expect(await staleIds()).toContain(older.result.id);

    await runCron();
    expect(await similarOf(older.result.id)).toContain(newer.result.id);
    expect(await staleIds()).toEqual([]);
  });

  it('marks through keys and finds the marked through the partial index, in one network or all', async () => {
    const db = database(env.DB);
    const site = (await findSite(db, 'gemeente-voorbeeldstad'))!;
    const [listing] = await env.DB.prepare(`select id, json_array_length(similar_ids) from initiatives where network_id = ? and json_array_length(similar_ids) > 3 limit 1`)
      .bind(site.networkId)
      .raw<[string, number]>();
    const mark = markListedStale(db, site.networkId, listing![0], new Date()).toSQL();
    const marked = await env.DB.prepare(mark.sql).bind(...mark.params).run();
    // Each listed initiative is written with its entry in the partial index, found by key: D1 counts
    // the listing row, then per listed id its list entry, the key lookup and the row it rewrites.
    expect(marked.meta.rows_written).toBe(2 * listing![1]);
    expect(marked.meta.rows_read).toBeLessThanOrEqual(1 + 6 * listing![1]);

    for (const networkId of [site.networkId, undefined]) {
      const statements: { sql: string; params: unknown[] }[] = [];
      await refreshStaleSimilar(database(env.DB, { logQuery: (sql, params) => statements.push({ sql, params }) }), SIMILAR_KEPT, networkId);
      const [find] = statements;
      const plan = await env.DB.prepare(`explain query plan ${find!.sql}`).bind(...find!.params).all<{ detail: string }>();
      expect(plan.results.map((r) => r.detail).join('\n')).toMatch(/USING (COVERING )?INDEX initiatives_similar_stale_idx/);
    }
  });
});
