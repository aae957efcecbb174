// The moderation queue at the size it is built for: a hundred items, and a network whose other
// sites have their own backlog. What a moderator notices is a slow queue or a missing item.
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from './database.js';
import { moderationQueue } from './moderation.js';
import { findSite, type SiteRecord } from './sites.js';

/** Runs `run` on a data layer that counts its round trips to D1 (a batch is one) and keeps the statements' plans. */
async function roundTrips<T>(run: (db: ReturnType<typeof database>) => Promise<T>) {
  let trips = 0;
  const statements: { sql: string; params: unknown[] }[] = [];
  const d1 = new Proxy(env.DB, {
    get(target, key) {
      if (key === 'batch') return (list: D1PreparedStatement[]) => (trips++, target.batch(list));
      if (key !== 'prepare') return Reflect.get(target, key, target);
      return (sql: string) => {
        const entry = { sql, params: [] as unknown[] };
        statements.push(entry);
        const statement = target.prepare(sql);
        return new Proxy(statement, {
          get(inner, method) {
            if (method === 'bind') return (...params: unknown[]) => ((entry.params = params), new Proxy(inner.bind(...params), this));
            const value = Reflect.get(inner, method, inner);
            if (typeof value !== 'function') return value;
            // Running it on its own is a round trip; in a batch, the batch is.
            return (...args: unknown[]) => (['all', 'raw', 'first', 'run'].includes(String(method)) && trips++, value.apply(inner, args));
          },
        });
      };
    },
  });
  const result = await run(database(d1));
  return { result, trips, statements };
}

describe('the moderation queue', () => {
  let site: SiteRecord;
  /** A discussion in each neighbourhood of the network, by neighbourhood. */
  let threadIn: Map<string, string>;
  let userId: string;

  beforeAll(async () => {
    site = (await findSite(database(env.DB), 'woonstichting-voorbeeld'))!;
    const threads = await env.DB.prepare(
      'select t.id, coalesce(i.neighbourhood_id, t.neighbourhood_id) as n from threads t left join initiatives i on i.id = t.initiative_id where t.network_id = ? order by t.id',
    )
      .bind(site.networkId)
      .all<{ id: string; n: string }>();
    threadIn = new Map(threads.results.map((t) => [t.n, t.id]));
    userId = (await env.DB.prepare('select id from users where network_id = ? limit 1').bind(site.networkId).first<{ id: string }>())!.id;
  });

  /** Inserts comments in `thread` with ids `prefix` + number, in `status`. */
  async function comments(prefix: string, count: number, thread: string, status: 'visible' | 'pending') {
    await env.DB.prepare(
      `with recursive n(i) as (select 0 union all select i + 1 from n where i < ?)
       insert into comments (id, network_id, thread_id, author_id, body, status) select printf('%s%05d', ?, i), ?, ?, ?, 'Bericht ' || i, ? from n`,
    )
      .bind(count - 1, prefix, site.networkId, thread, userId, status)
      .run();
    return Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`);
  }

  it('reads a full queue’s targets in one batch, not one round trip each', async () => {
    const shown = site.neighbourhoodIds[0]!;
    const reported = await comments('zzreported', 60, threadIn.get(shown)!, 'visible');
    await env.DB.batch(
      reported.map((id, i) =>
        env.DB.prepare("insert into reports (id, network_id, neighbourhood_id, target_type, target_id, reporter_id, reason) values (?, ?, ?, 'comment', ?, ?, 'spam')").bind(
          `zzreport${String(i).padStart(5, '0')}`,
          site.networkId,
          shown,
          id,
          userId,
        ),
      ),
    );
    const { result: queue, trips } = await roundTrips((db) => moderationQueue(db, site));
    expect(queue.filter((item) => reported.includes(item.targetId))).toHaveLength(60);
    expect(queue.find((item) => item.targetId === reported[0])).toMatchObject({ state: 'visible', reportCount: 1, text: 'Bericht 0' });
    // The open reports, the two kinds waiting for pre-moderation, the targets, their authors' names.
    expect(trips).toBeLessThanOrEqual(5);
  });

  it('shows the comments waiting in its own neighbourhoods, however many wait in the network’s other sites', async () => {
    const elsewhere = [...threadIn.keys()].find((n) => !site.neighbourhoodIds.includes(n))!;
    // Older than this site's, and more than the queue holds.
    const others = await comments('00000000waiting', 150, threadIn.get(elsewhere)!, 'pending');
    const own = await comments('zzwaiting', 2, threadIn.get(site.neighbourhoodIds[1]!)!, 'pending');
    const { result: queue, statements } = await roundTrips((db) => moderationQueue(db, site));
    expect(queue.filter((item) => own.includes(item.targetId)).map((item) => item.state)).toEqual(['pending', 'pending']);
    expect(queue.some((item) => others.includes(item.targetId))).toBe(false);
    // Waiting comments come from their own index, not from reading the network's comments.
    const pending = statements.find((s) => /"comments"."status" = 'pending'/.test(s.sql))!;
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${pending.sql}`).bind(...pending.params).all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).join('\n')).toMatch(/USING (COVERING )?INDEX comments_pending_idx/);
  });
});
