import { API_VERSION } from '@buurtplein/sdk/contract';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.js';

/** Names every request (`X-Request-Id`) and stamps the API version on every response. */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const requestId = crypto.randomUUID();
  c.set('requestId', requestId);
  await next();
  c.res.headers.set('X-Request-Id', requestId);
  c.res.headers.set('API-Version', API_VERSION);
});
