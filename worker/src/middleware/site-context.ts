import { SiteKey } from '@buurtplein/sdk/contract';
import { createMiddleware } from 'hono/factory';
import { BOOKMARK_HEADER } from '../data/d1-session.js';
import { cachedSite } from '../data/site-cache.js';
import { isDevelopment, type AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { CACHE_STATUS_HEADER, secondsSetting } from '../http/edge-cache.js';

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = `Authorization, Content-Type, Idempotency-Key, ${BOOKMARK_HEADER}`;
const EXPOSED_HEADERS = `X-Request-Id, API-Version, ${BOOKMARK_HEADER}, ${CACHE_STATUS_HEADER}`;

/** How long an isolate keeps a site record when SITE_CACHE_SECONDS is not set. */
const SITE_CACHE_SECONDS = 5;

/**
 * Loads the site named in the path (404 `site-not-found` otherwise; kept in isolate memory for a
 * few seconds) and grants CORS only to the site's allowed origins; in development also to the
 * local server's own origin. CORS headers are computed per request, after the edge cache.
 */
export const siteContext = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.param('site') ?? '';
  const ttlMs = secondsSetting(c.env.SITE_CACHE_SECONDS, SITE_CACHE_SECONDS) * 1000;
  const site = SiteKey.safeParse(key).success ? await cachedSite(c.get('db'), key, ttlMs) : null;
  if (!site) throw new ApiError('site-not-found', `Er is geen site met de sleutel "${key}".`);
  c.set('site', site);

  const origin = c.req.header('Origin');
  const granted =
    origin !== undefined &&
    (site.allowedOrigins.includes(origin) || (isDevelopment(c.env) && origin === new URL(c.req.url).origin));

  if (c.req.method === 'OPTIONS') {
    const headers: Record<string, string> = { Vary: 'Origin' };
    if (granted) {
      Object.assign(headers, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': ALLOWED_METHODS,
        'Access-Control-Allow-Headers': ALLOWED_HEADERS,
        'Access-Control-Max-Age': '600',
      });
    }
    return c.body(null, 204, headers);
  }

  await next();
  c.res.headers.append('Vary', 'Origin');
  if (granted) {
    c.res.headers.set('Access-Control-Allow-Origin', origin);
    c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  }
});
