import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { demoId, demoInitiativeId } from './seed.js';

const initiative = demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat');
const user = (key: string) => demoId('voorbeeldstad', 'user', key);
const one = <T>(sql: string, ...params: unknown[]) => env.DB.prepare(sql).bind(...params).first<T>();

describe('counters kept by the database', () => {
  it('counts a support once when it is added and not after it is taken back', async () => {
    const before = (await one<{ n: number }>('SELECT supporter_count AS n FROM initiatives WHERE id = ?', initiative))!.n;
    await env.DB.prepare('INSERT INTO supports (network_id, initiative_id, user_id) VALUES (?, ?, ?)').bind('voorbeeldstad', initiative, user('wim')).run();
    await expect(
      env.DB.prepare('INSERT INTO supports (network_id, initiative_id, user_id) VALUES (?, ?, ?)').bind('voorbeeldstad', initiative, user('wim')).run(),
    ).rejects.toThrow(/UNIQUE/);
    expect((await one<{ n: number }>('SELECT supporter_count AS n FROM initiatives WHERE id = ?', initiative))!.n).toBe(before + 1);
    await env.DB.prepare('DELETE FROM supports WHERE initiative_id = ? AND user_id = ?').bind(initiative, user('wim')).run();
    expect((await one<{ n: number }>('SELECT supporter_count AS n FROM initiatives WHERE id = ?', initiative))!.n).toBe(before);
  });

  it('refuses an RSVP beyond a meeting’s capacity, whatever the order of requests', async () => {
    await env.DB.prepare(
      `INSERT INTO events (id, network_id, neighbourhood_id, organiser_id, title, starts_at, capacity)
       VALUES ('0000000000test0000event1', 'voorbeeldstad', ?, ?, 'Bouwdag', 1800000000000, 2)`,
    )
      .bind(demoId('voorbeeldstad', 'neighbourhood', 'havenkwartier'), user('fatima'))
      .run();
    const rsvp = (key: string) =>
      env.DB.prepare(`INSERT INTO event_rsvps (network_id, event_id, user_id, status) VALUES ('voorbeeldstad', '0000000000test0000event1', ?, 'going')`)
        .bind(user(key))
        .run();
    const results = await Promise.allSettled(['joost', 'anouk', 'mehmet', 'sanne'].map(rsvp));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    for (const r of results) if (r.status === 'rejected') expect(String(r.reason)).toContain('event-full');
    expect((await one<{ n: number }>(`SELECT attendee_count AS n FROM events WHERE id = '0000000000test0000event1'`))!.n).toBe(2);
  });

  it('finds an initiative by a word from its body, diacritics folded', async () => {
    const hits = await env.DB.prepare(
      `SELECT i.title FROM initiatives_fts JOIN initiatives i ON i.rowid = initiatives_fts.rowid
       WHERE initiatives_fts MATCH ? ORDER BY bm25(initiatives_fts)`,
    )
      .bind('compostbak')
      .all<{ title: string }>();
    expect(hits.results.map((r) => r.title)).toEqual(['Buurtmoestuin achter de Havenflat']);
    const cafe = await env.DB.prepare(`SELECT count(*) AS n FROM initiatives_fts WHERE initiatives_fts MATCH 'cafe'`).first<{ n: number }>();
    expect(cafe!.n).toBeGreaterThan(0);
  });
});

describe('the demo data', () => {
  it('backs every supporter and member count with rows', async () => {
    const mismatches = await env.DB.prepare(
      `SELECT i.title,
              i.supporter_count AS supporters, (SELECT count(*) FROM supports s WHERE s.initiative_id = i.id) AS supportRows,
              i.member_count AS members, (SELECT count(*) FROM memberships m WHERE m.initiative_id = i.id AND m.status = 'active') AS memberRows
       FROM initiatives i
       WHERE i.supporter_count <> supportRows OR i.member_count <> memberRows`,
    ).all();
    expect(mismatches.results).toEqual([]);
    const moestuin = await one<{ n: number }>('SELECT supporter_count AS n FROM initiatives WHERE id = ?', initiative);
    expect(moestuin!.n).toBe(23);
  });
});
