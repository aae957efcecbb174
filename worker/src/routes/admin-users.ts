import { GrantableRole, Id, RoleGrantRequest, UserSearchQuery, type UserSearchResult } from '@buurtplein/sdk/contract';
import { Hono, type Context } from 'hono';
import { authorize } from '../auth/authorize.js';
import { siteResource } from '../auth/permissions.js';
import { changeRole, findMe, organisationExists, searchUsers } from '../data/users.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { commitWrite } from '../http/commit-write.js';
import { parseInput } from '../http/validate.js';

/** The actor's id; `authorize` has already made sure there is a signed-in admin. */
function adminId(c: Context<AppEnv>): string {
  const actor = c.get('actor');
  return actor.type === 'user' ? actor.userId : '';
}

async function requireUser(c: Context<AppEnv>, userId: string): Promise<void> {
  const found = Id.safeParse(userId).success && (await findMe(c.get('db'), c.get('site').networkId, userId));
  if (!found) throw new ApiError('not-found', 'Deze gebruiker bestaat niet in dit netwerk.');
}

/** `/v1/sites/:site/admin/users`: network admins find users and grant and revoke roles; every change is kept. */
export const adminUsersRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const site = c.get('site');
    authorize(c, 'user.search', siteResource(site));
    const { q } = parseInput(UserSearchQuery, c.req.query());
    const result: UserSearchResult = { data: await searchUsers(c.get('db'), site.networkId, q) };
    return c.json(result, 200);
  })
  .post('/:userId/roles', async (c) => {
    const { networkId } = c.get('site');
    const userId = c.req.param('userId');
    const { role, organisationId } = parseInput(RoleGrantRequest, c.get('body'));
    authorize(c, 'role.grant', { type: 'role', networkId, userId, role });
    await requireUser(c, userId);
    const db = c.get('db');
    if (organisationId !== undefined && !(await organisationExists(db, networkId, organisationId))) {
      throw new ApiError('invalid-request', 'organisationId: geen organisatie in dit netwerk');
    }
    const write = changeRole(db, networkId, { userId, role, change: 'grant', organisationId, changedBy: adminId(c), reason: 'admin' });
    return commitWrite(c, write, 201);
  })
  .delete('/:userId/roles/:role', async (c) => {
    const { networkId } = c.get('site');
    const userId = c.req.param('userId');
    const role = GrantableRole.safeParse(c.req.param('role'));
    if (!role.success) throw new ApiError('not-found', `Er is geen rol "${c.req.param('role')}" om in te trekken.`);
    authorize(c, 'role.revoke', { type: 'role', networkId, userId, role: role.data });
    await requireUser(c, userId);
    const write = changeRole(c.get('db'), networkId, { userId, role: role.data, change: 'revoke', changedBy: adminId(c), reason: 'admin' });
    return commitWrite(c, write, 200);
  });
