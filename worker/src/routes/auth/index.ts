import { Hono } from 'hono';
import type { AppEnv } from '../../env.js';
import { emailRoutes } from './email.js';
import { sessionRoutes } from './session.js';
import { ssoRoutes } from './sso.js';

/**
 * `/v1/sites/:site/auth`: sign in by host SSO or e-mail code, refresh, sign out. Responses that
 * carry tokens are never stored for `Idempotency-Key` replay (that would keep live credentials in
 * D1); each of these requests is single-use by nature (jti, code, refresh rotation) instead.
 */
export const authRoutes = new Hono<AppEnv>().route('/sso', ssoRoutes).route('/email', emailRoutes).route('/', sessionRoutes);
