import type { InitiativeDetail, InitiativePage } from '@buurtplein/sdk/contract';
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { freshIp } from '../../test/api.js';
import { signIn } from '../../test/auth.js';
import { app } from '../app.js';
import { database } from '../data/database.js';
import { findSite } from '../data/sites.js';
import { demoInitiativeId } from '../db/seed.js';
import { edgeCacheKey } from './edge-cache.js';

const SITE = '/v1/sites/gemeente-voorbeeldstad';
const MOESTUIN = demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat');

/** Calls the app with the edge cache on (the other test files run with it off). */
async function cached(path: string, init: RequestInit & { origin?: string; maxAge?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.origin) headers.set('Origin', init.origin);
  headers.set('CF-Connecting-IP', freshIp());
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`https://api.buurtplein.test${path}`, { ...init, headers }), { ...env, EDGE_CACHE_SECONDS: init.maxAge ?? '10' }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe('edge cache of anonymous site GETs', () => {
  it('answers a repeat anonymous request from the cache, with a short public max-age', async () => {
    const first = await cached(`${SITE}/initiatives?limit=3`);
    expect(first.status).toBe(200);
    expect(first.headers.get('Buurtplein-Cache')).toBe('miss');
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=10, stale-while-revalidate=60');
    const second = await cached(`${SITE}/initiatives?limit=3`);
    expect(second.headers.get('Buurtplein-Cache')).toBe('hit');
    expect(second.headers.get('Cache-Control')).toBe('public, max-age=10, stale-while-revalidate=60');
    expect(second.headers.get('X-Request-Id')).not.toBe(first.headers.get('X-Request-Id'));
    // The browser must not count the time at the edge against max-age (a preload would go unused).
    expect(second.headers.get('Age')).toBeNull();
    expect(second.headers.get('Date')).toBeNull();
    expect(await second.json()).toEqual(await first.json());
  });

  it('answers repeats from isolate memory with the same bytes, until max-age', async () => {
    const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
    const path = `${SITE}/initiatives?limit=2`;
    const first = await cached(path);
    const firstBody = await first.text();
    // Only this isolate's copy can answer now.
    expect(await caches.default.delete(edgeCacheKey(`https://api.buurtplein.test${path}`, site))).toBe(true);
    for (let i = 0; i < 3; i += 1) {
      const again = await cached(path);
      expect(again.headers.get('Buurtplein-Cache')).toBe('hit');
      expect(again.headers.get('Content-Type')).toBe(first.headers.get('Content-Type'));
      expect(await again.text()).toBe(firstBody);
    }

    const short = `${SITE}/initiatives?limit=3&status=idea`;
    await cached(short, { maxAge: '1' });
    await caches.default.delete(edgeCacheKey(`https://api.buurtplein.test${short}`, site));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await cached(short, { maxAge: '1' })).headers.get('Buurtplein-Cache')).toBe('miss');
  });

  it('renders afresh once max-age has passed, even when the Cache API still hands the old entry back, and then answers from memory again', async () => {
    const path = `${SITE}/initiatives?limit=4&status=active`;
    expect((await cached(path, { maxAge: '1' })).headers.get('Buurtplein-Cache')).toBe('miss');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // Past its max-age: neither this isolate's copy nor the stored one may answer.
    expect((await cached(path, { maxAge: '1' })).headers.get('Buurtplein-Cache')).toBe('miss');
    const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
    await caches.default.delete(edgeCacheKey(`https://api.buurtplein.test${path}`, site));
    // The fresh render is remembered: the isolate answers without the Cache API.
    expect((await cached(path, { maxAge: '1' })).headers.get('Buurtplein-Cache')).toBe('hit');
  });

  it('misses after a write in the network and then shows the new count', async () => {
    const path = `${SITE}/initiatives/${MOESTUIN}`;
    await cached(path);
    const before = await cached(path);
    expect(before.headers.get('Buurtplein-Cache')).toBe('hit');
    const count = ((await before.json()) as InitiativeDetail).supporterCount;

    const { accessToken } = await signIn('gemeente-voorbeeldstad', 'wim');
    const put = await cached(`${path}/support`, { method: 'PUT', headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' }, body: '{}' });
    expect(put.status).toBe(200);

    const after = await cached(path);
    expect(after.headers.get('Buurtplein-Cache')).toBe('miss');
    expect(((await after.json()) as InitiativeDetail).supporterCount).toBe(count + 1);
    // The list of the other site in the same network goes stale too.
    const list = (await (await cached('/v1/sites/woonstichting-voorbeeld/initiatives?limit=50')).json()) as InitiativePage;
    expect(list.data.find((i) => i.id === MOESTUIN)?.supporterCount).toBe(count + 1);
  });

  it('stays a hit after a write that changes no public content, such as a sign-in code request', async () => {
    const path = `${SITE}/initiatives?limit=6`;
    await cached(path);
    expect((await cached(path)).headers.get('Buurtplein-Cache')).toBe('hit');
    const start = await cached(`${SITE}/auth/email/start`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'nieuwe.buur@example.nl' }),
    });
    expect(start.status).toBe(202);
    expect((await cached(path)).headers.get('Buurtplein-Cache')).toBe('hit');
  });

  it('never answers or stores a request with Authorization', async () => {
    const { accessToken } = await signIn('gemeente-voorbeeldstad', 'anouk');
    const path = `${SITE}/initiatives?limit=4`;
    await cached(path);
    for (let i = 0; i < 2; i += 1) {
      const res = await cached(path, { headers: { Authorization: `Bearer ${accessToken}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('Buurtplein-Cache')).toBeNull();
      expect(res.headers.get('Cache-Control')).toBe('private, no-store');
    }
    const detail = (await (await cached(`${SITE}/initiatives/${MOESTUIN}`, { headers: { Authorization: `Bearer ${accessToken}` } })).json()) as InitiativeDetail;
    expect(detail.viewer).not.toBeNull();
  });

  it('computes CORS per request: a cached response never grants another origin', async () => {
    const path = `${SITE}/initiatives?limit=5`;
    const granted = await cached(path, { origin: 'https://www.voorbeeldstad.nl' });
    expect(granted.headers.get('Access-Control-Allow-Origin')).toBe('https://www.voorbeeldstad.nl');
    const other = await cached(path, { origin: 'https://evil.example' });
    expect(other.headers.get('Buurtplein-Cache')).toBe('hit');
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const again = await cached(path, { origin: 'https://www.voorbeeldstad.nl' });
    expect(again.headers.get('Buurtplein-Cache')).toBe('hit');
    expect(again.headers.get('Access-Control-Allow-Origin')).toBe('https://www.voorbeeldstad.nl');
    expect(again.headers.get('Access-Control-Expose-Headers')).toContain('Buurtplein-Cache');
  });

  it('does not store errors', async () => {
    await cached(`${SITE}/initiatives/01JZZZZZZZZZZZZZZZZZZZZZZZ`);
    const res = await cached(`${SITE}/initiatives/01JZZZZZZZZZZZZZZZZZZZZZZZ`);
    expect(res.status).toBe(404);
    expect(res.headers.get('Buurtplein-Cache')).toBeNull();
  });
});
