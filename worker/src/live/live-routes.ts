import { Id, LiveQuery, type LiveTicket } from '@buurtplein/sdk/contract';
import { Hono, type Context } from 'hono';
import { randomToken } from '../auth/hashing.js';
import { createLiveTicket, useLiveTicket } from '../data/live-tickets.js';
import { findThreadRef, type ThreadRef } from '../data/threads.js';
import { isDevelopment, type AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { parseInput } from '../http/validate.js';
import { threadLive } from './thread-live.js';

/** How long a ticket may wait before it opens its socket. */
const TICKET_SECONDS = 60;

async function shownThread(c: Context<AppEnv>): Promise<ThreadRef> {
  const id = c.req.param('threadId') ?? '';
  const thread = Id.safeParse(id).success ? await findThreadRef(c.get('db'), c.get('site'), id) : null;
  if (!thread) throw new ApiError('not-found', 'Deze discussie bestaat niet op deze site.');
  return thread;
}

/**
 * Whether a WebSocket handshake comes from a page the site allows: one of its allowed origins,
 * in development also the local server's own. A browser always sends `Origin` on a WebSocket
 * handshake, so a handshake without one is refused too.
 */
function allowedOrigin(c: Context<AppEnv>): boolean {
  const origin = c.req.header('Origin');
  if (!origin) return false;
  return c.get('site').allowedOrigins.includes(origin) || (isDevelopment(c.env) && origin === new URL(c.req.url).origin);
}

/**
 * `/v1/sites/:site/threads/:threadId/live-tickets` and `…/live`: live updates of a thread over
 * a WebSocket. A widget first gets a short-lived, single-use ticket (signed in or not: every
 * viewer only listens), then opens the socket with it; the handshake's origin is checked.
 */
export const liveRoutes = new Hono<AppEnv>()
  .post('/live-tickets', async (c) => {
    const thread = await shownThread(c);
    const site = c.get('site');
    const actor = c.get('actor');
    const ticket = randomToken(32);
    const expiresAt = new Date(Date.now() + TICKET_SECONDS * 1000);
    // Not a content write: stored directly, without bumping the network's content version.
    const write = await createLiveTicket(c.get('db'), {
      ticket,
      networkId: site.networkId,
      siteKey: site.key,
      threadId: thread.id,
      userId: actor.type === 'user' ? actor.userId : null,
      expiresAt,
    });
    await c.get('db').batch(write.statements);
    const url = new URL(`/v1/sites/${site.key}/threads/${thread.id}/live`, c.req.url);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('ticket', ticket);
    return c.json({ ticket, url: url.toString(), expiresAt: expiresAt.toISOString() } satisfies LiveTicket, 201);
  })
  .get('/live', async (c) => {
    if (c.req.header('Upgrade')?.toLowerCase() !== 'websocket') throw new ApiError('upgrade-required', 'Open dit adres als WebSocket.');
    if (!allowedOrigin(c)) throw new ApiError('forbidden', 'Deze pagina mag deze discussie niet live volgen.');
    const { ticket } = parseInput(LiveQuery, c.req.query());
    const thread = await shownThread(c);
    const site = c.get('site');
    const viewer = await useLiveTicket(c.get('db'), { ticket, networkId: site.networkId, siteKey: site.key, threadId: thread.id });
    if (!viewer) throw new ApiError('invalid-token', 'Dit ticket is ongeldig, verlopen of al gebruikt; vraag een nieuw aan.');
    const live = threadLive(c.env, site.networkId, thread.id);
    if (!live) throw new ApiError('not-found', 'Live meekijken is hier niet beschikbaar.');
    const headers = new Headers({ Upgrade: 'websocket', 'X-Buurtplein-Viewer': viewer.userId ?? '' });
    const upgraded = await live.fetch(new Request('https://thread-live/connect', { headers }));
    // A fresh response, so the middleware may still add its headers.
    return new Response(null, { status: upgraded.status, webSocket: upgraded.webSocket });
  });
