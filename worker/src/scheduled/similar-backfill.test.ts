import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { database } from '../data/database.js';
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
