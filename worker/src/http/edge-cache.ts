import { createMiddleware } from 'hono/factory';
import { BOOKMARK_HEADER } from '../data/d1-session.js';
import type { SiteRecord } from '../data/sites.js';
import type { AppEnv, Env } from '../env.js';

/** The response header that says whether the edge cache answered: `hit` or `miss`. */
export const CACHE_STATUS_HEADER = 'Buurtplein-Cache';

const DEFAULT_MAX_AGE = 10;
/** Browsers may show a cached view this long past `max-age` while they fetch a fresh one. */
const STALE_WHILE_REVALIDATE = 60;

/** A duration setting in whole seconds, or `fallback` when unset or not a number ≥ 0. */
export function secondsSetting(value: string | undefined, fallback: number): number {
  const n = value === undefined || value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** The edge cache's `max-age`; 0 turns the edge cache off (as in tests). */
export function edgeMaxAge(env: Env): number {
  return secondsSetting(env.EDGE_CACHE_SECONDS, DEFAULT_MAX_AGE);
}

/**
 * The cache key of a site GET: the URL with its query sorted, plus the network and its content
 * version, so any write in the network (which bumps the version) makes the old entries unreachable.
 */
export function edgeCacheKey(requestUrl: string, site: Pick<SiteRecord, 'networkId' | 'contentVersion'>): string {
  const url = new URL(requestUrl);
  url.searchParams.sort();
  url.searchParams.set('_network', site.networkId);
  url.searchParams.set('_version', String(site.contentVersion));
  return url.toString();
}

/** A cached response as this isolate keeps it: the bytes, ready to answer again without I/O. */
interface Remembered {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
  /** When the entry's `max-age` runs out, counted from when it was first stored. */
  expires: number;
}

/**
 * The hottest cached responses, also in isolate memory: a busy host page repeats the same few
 * URLs, and answering them from memory saves the Cache API's round trip on every view. Keyed like
 * the edge cache (content version included), so a write makes them unreachable just the same;
 * an entry never outlives the `max-age` of the stored response it copies.
 */
const remembered = new Map<string, Remembered>();
let rememberedBytes = 0;
/** Bytes kept at most; the oldest entries go first. */
const MAX_REMEMBERED_BYTES = 4 * 1024 * 1024;
/** When a stored response was first stored (ms since the epoch); stripped before it is sent. */
const STORED_AT_HEADER = 'Buurtplein-Stored-At';

function forget(key: string): void {
  const entry = remembered.get(key);
  if (!entry) return;
  remembered.delete(key);
  rememberedBytes -= entry.body.byteLength;
}

function remember(key: string, entry: Remembered): void {
  forget(key);
  if (entry.body.byteLength > MAX_REMEMBERED_BYTES / 8) return;
  for (const oldest of remembered.keys()) {
    if (rememberedBytes + entry.body.byteLength <= MAX_REMEMBERED_BYTES) break;
    forget(oldest);
  }
  remembered.set(key, entry);
  rememberedBytes += entry.body.byteLength;
}

/** A cached response as sent: marked a hit, with the headers that belong to one request removed. */
function answer(entry: Remembered): Response {
  const headers = new Headers(entry.headers);
  headers.set(CACHE_STATUS_HEADER, 'hit');
  return new Response(entry.body, { status: entry.status, headers });
}

/** The headers a cached response keeps: not the edge's own, nor another request's CORS grant. */
function storedHeaders(response: Response): [string, string][] {
  const kept: [string, string][] = [];
  for (const [name, value] of response.headers) {
    // Without Date and Age the browser does not count the entry's age at the edge against max-age,
    // and a preloaded bootstrap that came back "stale" is still reused by the widget's fetch.
    // CORS is decided per request by siteContext; never replay another origin's grant.
    if (!/^(date|age|access-control-allow-origin|access-control-expose-headers|buurtplein-stored-at)$/i.test(name)) kept.push([name, value]);
  }
  return kept;
}

/** Workers' default cache, or undefined where there is none (e.g. the bench's Node runs). */
function defaultCache(): Cache | undefined {
  // Workers' CacheStorage has `default`; the DOM's (seen when the bench typechecks this file) has not.
  return typeof caches === 'undefined' ? undefined : (caches as CacheStorage & { readonly default: Cache }).default;
}

/**
 * Edge caching of a site's GETs (Workers Cache API, fronted by the isolate's memory). An anonymous
 * GET is answered from the cache on repeat and its 200 is stored with a short `max-age` and `stale-while-revalidate`; responses
 * say `Buurtplein-Cache: hit|miss`. Requests with `Authorization` (or a bookmark: the client wants
 * at least its own writes) are never answered from or stored in the cache: `private, no-store`.
 * Runs inside the site context, so CORS, request id and bookmark headers are added per request
 * and never stored.
 */
export const edgeCache = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== 'GET') return next();
  if (c.req.header('Authorization') !== undefined || c.req.header(BOOKMARK_HEADER) !== undefined) {
    await next();
    c.res.headers.set('Cache-Control', 'private, no-store');
    return;
  }
  const maxAge = edgeMaxAge(c.env);
  const cache = maxAge > 0 ? defaultCache() : undefined;
  if (!cache) return next();

  const key = edgeCacheKey(c.req.url, c.get('site'));
  const now = Date.now();
  const inMemory = remembered.get(key);
  if (inMemory && inMemory.expires > now) return answer(inMemory);
  forget(key);

  const hit = await cache.match(key);
  const storedAt = Number(hit?.headers.get(STORED_AT_HEADER));
  // The Cache API may still hand back an entry past its max-age (Miniflare does): rendered afresh,
  // as a miss, so that the isolate's memory answers again, rather than a Cache API read every time.
  if (hit && storedAt > 0 && storedAt + maxAge * 1000 <= now) await hit.body?.cancel();
  else if (hit) {
    const entry = { status: hit.status, headers: storedHeaders(hit), body: await hit.arrayBuffer(), expires: storedAt + maxAge * 1000 };
    // An entry stored before this header existed has no known age: it is not kept in memory.
    if (storedAt > 0) remember(key, entry);
    return answer(entry);
  }
  await next();
  if (c.res.status !== 200) return;
  c.res.headers.set('Cache-Control', `public, max-age=${maxAge}, stale-while-revalidate=${STALE_WHILE_REVALIDATE}`);
  c.res.headers.append('Vary', `Authorization, ${BOOKMARK_HEADER}`);
  c.res.headers.set(CACHE_STATUS_HEADER, 'miss');
  const entry = { status: c.res.status, headers: storedHeaders(c.res), body: await c.res.arrayBuffer(), expires: now + maxAge * 1000 };
  c.res = new Response(entry.body, { status: entry.status, headers: entry.headers });
  remember(key, entry);
  const stored = new Headers(entry.headers);
  stored.set(STORED_AT_HEADER, String(now));
  await cache.put(key, new Response(entry.body, { status: entry.status, headers: stored }));
});
