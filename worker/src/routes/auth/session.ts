import { RefreshRequest } from '@buurtplein/sdk/contract';
import { Hono } from 'hono';
import { authorize } from '../../auth/authorize.js';
import { siteResource } from '../../auth/permissions.js';
import { endSession, refreshSession } from '../../auth/session.js';
import type { AppEnv } from '../../env.js';
import { parseInput } from '../../http/validate.js';

/** `/v1/sites/:site/auth/refresh` and `/logout`: rotate a session's tokens, or end it. */
export const sessionRoutes = new Hono<AppEnv>()
  .post('/refresh', async (c) => {
    const site = c.get('site');
    authorize(c, 'session.refresh', siteResource(site));
    const { refreshToken } = parseInput(RefreshRequest, c.get('body'));
    return c.json(await refreshSession(c.get('db'), c.env, site, refreshToken), 200);
  })
  .post('/logout', async (c) => {
    const site = c.get('site');
    authorize(c, 'session.end', siteResource(site));
    const { refreshToken } = parseInput(RefreshRequest, c.get('body'));
    await endSession(c.get('db'), site, refreshToken);
    return c.body(null, 204);
  });
