import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { database } from './database.js';
import { cachedSite, forgetNetwork } from './site-cache.js';

const rename = (name: string) => env.DB.prepare("update sites set name = ? where key = 'andersdorp'").bind(name).run();

describe('site records in isolate memory', () => {
  it('keeps a site for its TTL, shares one lookup between concurrent requests, and forgets it on a write', async () => {
    const db = database(env.DB);
    const now = Date.now();
    const [a, b] = [cachedSite(db, 'andersdorp', 5000, now), cachedSite(db, 'andersdorp', 5000, now)];
    expect(a).toBe(b);
    const original = (await a)!.name;

    await rename('Andersdorp (nieuw)');
    expect((await cachedSite(db, 'andersdorp', 5000, now + 1000))!.name).toBe(original);
    expect((await cachedSite(db, 'andersdorp', 5000, now + 6000))!.name).toBe('Andersdorp (nieuw)');

    await rename('Andersdorp (weer nieuw)');
    forgetNetwork((await a)!.networkId);
    expect((await cachedSite(db, 'andersdorp', 5000, now + 7000))!.name).toBe('Andersdorp (weer nieuw)');
    expect((await cachedSite(db, 'andersdorp', 0))!.name).toBe('Andersdorp (weer nieuw)');
    await rename(original);
  });

  it('reads the neighbourhoods a site shows in its own order with one statement', async () => {
    const statements: string[] = [];
    const params: unknown[][] = [];
    const db = database(env.DB, { logQuery: (sql, p) => (statements.push(sql), params.push(p)) });
    const site = (await cachedSite(db, 'gemeente-voorbeeldstad', 0))!;
    expect(site.neighbourhoods.map((n) => n.name)).toEqual(['Bloemenbuurt', 'Havenkwartier', 'De Akkers']);
    expect(site.neighbourhoods[0]!.postcodes.length).toBeGreaterThan(0);
    expect(statements).toHaveLength(1);
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${statements[0]}`).bind(...params[0]!).all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});
