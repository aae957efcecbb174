import { SsoSignInRequest } from '@buurtplein/sdk/contract';
import { Hono } from 'hono';
import { authorize } from '../../auth/authorize.js';
import { siteResource } from '../../auth/permissions.js';
import { startSession } from '../../auth/session.js';
import { consumeSsoToken } from '../../auth/sso-token.js';
import { signInIdentity } from '../../data/identities.js';
import type { AppEnv } from '../../env.js';
import { clientIp, enforceRateLimit } from '../../http/rate-limit.js';
import { parseInput } from '../../http/validate.js';

/** `POST /v1/sites/:site/auth/sso`: a host-signed token in, a Buurtplein session out. */
export const ssoRoutes = new Hono<AppEnv>().post('/', async (c) => {
  const site = c.get('site');
  authorize(c, 'session.create', siteResource(site));
  await enforceRateLimit(c, 'IP_AUTH_LIMIT', `ip:${clientIp(c)}`);
  const { token } = parseInput(SsoSignInRequest, c.get('body'));
  const db = c.get('db');
  const claims = await consumeSsoToken(db, c.env, site, token);
  const userId = await signInIdentity(
    db,
    site.networkId,
    { provider: `sso:${site.key}`, subject: claims.sub },
    { displayName: claims.name, issuedAt: claims.iat },
  );
  return c.json(await startSession(db, c.env, site, userId), 200);
});
