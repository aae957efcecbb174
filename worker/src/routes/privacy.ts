import { DeleteMeRequest } from '@buurtplein/sdk/contract';
import { Hono, type Context } from 'hono';
import { authorize } from '../auth/authorize.js';
import type { UserResource } from '../auth/permissions.js';
import { deleteAccount, exportUserData } from '../data/privacy.js';
import { serverSecret, type AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { commitWrite } from '../http/commit-write.js';
import { parseInput } from '../http/validate.js';

function self(c: Context<AppEnv>): UserResource {
  const actor = c.get('actor');
  return { type: 'user', networkId: c.get('site').networkId, userId: actor.type === 'user' ? actor.userId : '' };
}

/** `/v1/sites/:site/me`: the signed-in user's rights over their data, export and deletion. */
export const privacyRoutes = new Hono<AppEnv>()
  .get('/export', async (c) => {
    const me = self(c);
    authorize(c, 'me.export', me);
    const data = await exportUserData(c.get('db'), me.networkId, me.userId);
    if (!data) throw new ApiError('not-found', 'Deze gebruiker bestaat niet meer.');
    return c.json(data, 200, { 'Cache-Control': 'no-store', 'Content-Disposition': 'attachment; filename="buurtplein-mijn-gegevens.json"' });
  })
  .delete('/', async (c) => {
    const me = self(c);
    authorize(c, 'me.delete', me);
    const { contributions } = parseInput(DeleteMeRequest, c.get('body'));
    const write = await deleteAccount(c.get('db'), me.networkId, me.userId, contributions, { codeSecret: serverSecret(c.env, 'CODE_SECRET') });
    return commitWrite(c, write, 200);
  });
