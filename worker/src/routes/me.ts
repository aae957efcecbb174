import { UpdateMeRequest } from '@buurtplein/sdk/contract';
import { Hono, type Context } from 'hono';
import { authorize } from '../auth/authorize.js';
import type { UserResource } from '../auth/permissions.js';
import { findMeOnSite, updateDisplayName } from '../data/users.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { commitWrite } from '../http/commit-write.js';
import { parseInput } from '../http/validate.js';
import { guardLinks } from '../http/post-guard.js';

/** The asking user's own profile as a resource (no one's, when anonymous). */
function self(c: Context<AppEnv>): UserResource {
  const actor = c.get('actor');
  return { type: 'user', networkId: c.get('site').networkId, userId: actor.type === 'user' ? actor.userId : '' };
}

async function loadMe(c: Context<AppEnv>, resource: UserResource) {
  const me = await findMeOnSite(c.get('db'), c.get('site'), resource.userId);
  if (!me) throw new ApiError('not-found', 'Deze gebruiker bestaat niet meer.');
  return me;
}

/** `/v1/sites/:site/me`: the signed-in user's profile, roles, organisation and, for a professional, the site's neighbourhoods they serve. */
export const meRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const resource = self(c);
    authorize(c, 'me.read', resource);
    return c.json(await loadMe(c, resource), 200);
  })
  .patch('/', async (c) => {
    const resource = self(c);
    authorize(c, 'me.update', resource);
    const { displayName } = parseInput(UpdateMeRequest, c.get('body'));
    // A name is no place for links at all.
    guardLinks(displayName, 0);
    const me = await loadMe(c, resource);
    return commitWrite(c, updateDisplayName(c.get('db'), resource.networkId, me, displayName), 200);
  });
