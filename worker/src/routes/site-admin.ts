import {
  CreateSsoKeyRequest,
  Kid,
  UpdateSiteSettingsRequest,
  type CreatedSsoKey,
  type OrganisationList,
  type SiteFigures,
  type SsoKey,
  type SsoKeyList,
} from '@buurtplein/sdk/contract';
import { Hono } from 'hono';
import { authorize } from '../auth/authorize.js';
import { siteResource } from '../auth/permissions.js';
import { generateSecret, sealSecret } from '../auth/secret-box.js';
import { figuresCsv, siteFigures } from '../data/figures.js';
import { listOrganisations } from '../data/organisations.js';
import { findSiteSettings, networkNeighbourhoodIds, updateSiteSettings } from '../data/site-settings.js';
import { addSiteKey, listSiteKeys, retireSiteKey } from '../data/site-keys.js';
import { forgetNetwork } from '../data/site-cache.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { commitWrite } from '../http/commit-write.js';
import { parseInput } from '../http/validate.js';

function toSsoKey(row: Awaited<ReturnType<typeof listSiteKeys>>[number]): SsoKey {
  return { kid: row.kid, alg: row.alg, status: row.status, createdAt: row.createdAt.toISOString(), retiredAt: row.retiredAt?.toISOString() ?? null };
}

/** `/v1/sites/:site/admin`: the site's settings, SSO keys and figures, for the people who run the network. */
export const siteAdminRoutes = new Hono<AppEnv>()
  .get('/settings', async (c) => {
    const site = c.get('site');
    authorize(c, 'site.readSettings', siteResource(site));
    return c.json(await findSiteSettings(c.get('db'), site), 200);
  })
  .patch('/settings', async (c) => {
    const site = c.get('site');
    authorize(c, 'site.configure', siteResource(site));
    const changes = parseInput(UpdateSiteSettingsRequest, c.get('body'));
    const db = c.get('db');
    if (changes.neighbourhoodIds) {
      const known = await networkNeighbourhoodIds(db, site.networkId, changes.neighbourhoodIds);
      const unknown = changes.neighbourhoodIds.find((id) => !known.has(id));
      if (unknown !== undefined) throw new ApiError('invalid-request', `neighbourhoodIds: "${unknown}" is geen buurt van dit netwerk`);
    }
    const current = await findSiteSettings(db, site);
    return commitWrite(c, updateSiteSettings(db, site, current, changes), 200);
  })
  .get('/sso-keys', async (c) => {
    const site = c.get('site');
    authorize(c, 'site.configure', siteResource(site));
    const body: SsoKeyList = { data: (await listSiteKeys(c.get('db'), site)).map(toSsoKey) };
    return c.json(body, 200);
  })
  .post('/sso-keys', async (c) => {
    const site = c.get('site');
    authorize(c, 'site.configure', siteResource(site));
    const input = parseInput(CreateSsoKeyRequest, c.get('body'));
    const db = c.get('db');
    const now = new Date();
    let secret: string | null = null;
    let added: boolean;
    if (input.alg === 'HS256') {
      secret = generateSecret();
      const encryptedSecret = await sealSecret(c.env, { siteKey: site.key, kid: input.kid }, secret);
      added = await addSiteKey(db, site, { kid: input.kid, alg: 'HS256', encryptedSecret }, now);
    } else {
      added = await addSiteKey(db, site, { kid: input.kid, alg: 'ES256', publicJwk: input.publicJwk }, now);
    }
    if (!added) throw new ApiError('kid-taken', `Deze site heeft al een sleutel "${input.kid}"; kies een nieuwe kid.`);
    forgetNetwork(site.networkId);
    const body: CreatedSsoKey = { kid: input.kid, alg: input.alg, status: 'active', createdAt: now.toISOString(), retiredAt: null, secret };
    // The secret is shown this once: never store this response for replay.
    c.header('Cache-Control', 'no-store');
    return c.json(body, 201);
  })
  .post('/sso-keys/:kid/retire', async (c) => {
    const site = c.get('site');
    authorize(c, 'site.configure', siteResource(site));
    const kid = c.req.param('kid');
    const db = c.get('db');
    const key = Kid.safeParse(kid).success ? (await listSiteKeys(db, site)).find((k) => k.kid === kid) : undefined;
    if (!key) throw new ApiError('not-found', `Deze site heeft geen sleutel "${kid}".`);
    const now = new Date();
    if (key.status === 'active') await retireSiteKey(db, site, kid, now);
    return c.json(toSsoKey({ ...key, status: 'retired', retiredAt: key.retiredAt ?? now }), 200);
  })
  .get('/organisations', async (c) => {
    const site = c.get('site');
    authorize(c, 'organisation.list', siteResource(site));
    const result: OrganisationList = { data: await listOrganisations(c.get('db'), site.networkId) };
    return c.json(result, 200);
  })
  .get('/figures', async (c) => {
    const site = c.get('site');
    authorize(c, 'site.figures', siteResource(site));
    const body: SiteFigures = { data: await siteFigures(c.get('db'), site) };
    return c.json(body, 200);
  })
  .get('/figures.csv', async (c) => {
    const site = c.get('site');
    authorize(c, 'site.figures', siteResource(site));
    const csv = figuresCsv(await siteFigures(c.get('db'), site));
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="buurtplein-${site.key}-cijfers.csv"`,
    });
  });
