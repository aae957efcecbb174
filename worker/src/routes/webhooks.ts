import { CreateWebhookEndpointRequest, Id, WebhookListQuery } from '@buurtplein/sdk/contract';
import { Hono, type Context } from 'hono';
import { randomToken } from '../auth/hashing.js';
import { authorize } from '../auth/authorize.js';
import { siteResource } from '../auth/permissions.js';
import { createEndpoint, deleteEndpoint, findEndpoint, listDeliveries, listEndpoints } from '../data/webhooks.js';
import { usesDevMailbox, type AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { commitWrite } from '../http/commit-write.js';
import { decodeCursor } from '../http/cursor.js';
import { parseInput } from '../http/validate.js';
import { sealSecret } from '../outbound/secret-box.js';

function requireAdmin(c: Context<AppEnv>): string {
  authorize(c, 'webhook.manage', siteResource(c.get('site')));
  const actor = c.get('actor');
  return actor.type === 'user' ? actor.userId : '';
}

async function requireEndpoint(c: Context<AppEnv>) {
  const id = c.req.param('id') ?? '';
  const endpoint = Id.safeParse(id).success ? await findEndpoint(c.get('db'), c.get('site'), id) : null;
  if (!endpoint) throw new ApiError('not-found', 'Deze webhook bestaat niet op deze site.');
  return endpoint;
}

/**
 * `/v1/sites/:site/admin/webhooks`: network admins register where the site's events are POSTed,
 * signed with a secret shown once, and read each endpoint's delivery log.
 */
export const webhooksRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    requireAdmin(c);
    const { cursor, limit } = parseInput(WebhookListQuery, c.req.query());
    const afterId = cursor === undefined ? undefined : decodeCursor(cursor);
    return c.json(await listEndpoints(c.get('db'), c.get('site'), { afterId, limit }), 200);
  })
  .post('/', async (c) => {
    const adminId = requireAdmin(c);
    const input = parseInput(CreateWebhookEndpointRequest, c.get('body'));
    // Plain http only reaches a receiver on the developer's own machine.
    if (new URL(input.url).protocol !== 'https:' && !usesDevMailbox(c.env)) throw new ApiError('invalid-request', 'url: gebruik https');
    const secret = `whsec_${randomToken(24)}`;
    const write = createEndpoint(c.get('db'), c.get('site'), { ...input, secret, secretSealed: await sealSecret(c.env, secret), createdBy: adminId });
    // The response carries the secret: it must not be stored as a replayable idempotent response.
    c.set('idempotency', undefined);
    return commitWrite(c, write, 201);
  })
  .delete('/:id', async (c) => {
    requireAdmin(c);
    return commitWrite(c, deleteEndpoint(c.get('db'), await requireEndpoint(c)), 204);
  })
  .get('/:id/deliveries', async (c) => {
    requireAdmin(c);
    const endpoint = await requireEndpoint(c);
    const { cursor, limit } = parseInput(WebhookListQuery, c.req.query());
    const afterId = cursor === undefined ? undefined : decodeCursor(cursor);
    return c.json(await listDeliveries(c.get('db'), endpoint, { afterId, limit }), 200);
  });
