import { createMiddleware } from 'hono/factory';
import { verifyAccessToken } from '../auth/access-token.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Sets the actor from an `Authorization: Bearer` access token, verified without a database read.
 * A token that fails leaves the request anonymous and keeps the reason: `authorize` answers with
 * it where a user is needed, while signing in and refreshing still work.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  c.set('actor', { type: 'anonymous' });
  c.set('authError', undefined);
  const header = c.req.header('Authorization');
  if (header !== undefined) {
    const token = BEARER.exec(header)?.[1];
    try {
      if (!token) throw new ApiError('invalid-token', 'Stuur het toegangstoken als "Authorization: Bearer <token>".', { 'WWW-Authenticate': 'Bearer' });
      c.set('actor', await verifyAccessToken(c.env, token, c.get('site').networkId));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      c.set('authError', error);
    }
  }
  await next();
});
