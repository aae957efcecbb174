import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { BOOKMARK_HEADER } from '../data/d1-session.js';
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
function cacheKey(c: Context<AppEnv>): Request {
  const url = new URL(c.req.url);
  const site = c.get('site');
  url.searchParams.sort();
  url.searchParams.set('_network', site.networkId);
  url.searchParams.set('_version', String(site.contentVersion));
  return new Request(url.toString(), { method: 'GET' });
}

/** Workers' default cache, or undefined where there is none (e.g. the bench's Node runs). */
function defaultCache(): Cache | undefined {
  // Workers' CacheStorage has `default`; the DOM's (seen when the bench typechecks this file) has not.
  return typeof caches === 'undefined' ? undefined : (caches as CacheStorage & { readonly default: Cache }).default;
}

/**
 * Edge caching of a site's GETs (Workers Cache API). An anonymous GET is answered from the cache
 * on repeat and its 200 is stored with a short `max-age` and `stale-while-revalidate`; responses
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

  const key = cacheKey(c);
  const hit = await cache.match(key);
  if (hit) {
    const headers = new Headers(hit.headers);
    headers.set(CACHE_STATUS_HEADER, 'hit');
    // Without these the browser counts the entry's age at the edge against max-age, and a
    // preloaded bootstrap that came back "stale" is not reused by the widget's fetch (two requests).
    headers.delete('Date');
    headers.delete('Age');
    // CORS is decided per request by siteContext; never replay another origin's grant.
    headers.delete('Access-Control-Allow-Origin');
    headers.delete('Access-Control-Expose-Headers');
    return new Response(hit.body, { status: hit.status, headers });
  }
  await next();
  if (c.res.status !== 200) return;
  c.res.headers.set('Cache-Control', `public, max-age=${maxAge}, stale-while-revalidate=${STALE_WHILE_REVALIDATE}`);
  c.res.headers.append('Vary', `Authorization, ${BOOKMARK_HEADER}`);
  c.res.headers.set(CACHE_STATUS_HEADER, 'miss');
  await cache.put(key, c.res.clone());
});
