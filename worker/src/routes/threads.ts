import { CreateThreadRequest, Id, ThreadListQuery } from '@buurtplein/sdk/contract';
import { Hono } from 'hono';
import { authorize } from '../auth/authorize.js';
import { shownNeighbourhood } from '../data/sites.js';
import { createTopic, getThread, listThreads } from '../data/threads.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { commitWrite } from '../http/commit-write.js';
import { guardPost, withStatements } from '../http/post-guard.js';
import { decodeCursor } from '../http/cursor.js';
import { signedInUser } from '../http/signed-in-user.js';
import { parseInput } from '../http/validate.js';
import { threadCommentsRoutes } from './comments.js';
import { neighbourhoodFilter } from './neighbourhood-filter.js';

/** `/v1/sites/:site/threads`: discussions in the site's neighbourhoods, topics and initiatives' threads. */
export const threadsRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const site = c.get('site');
    const { neighbourhood, kind, cursor, limit } = parseInput(ThreadListQuery, c.req.query());
    const neighbourhoodId = neighbourhoodFilter(site, neighbourhood);
    const afterId = cursor === undefined ? undefined : decodeCursor(cursor);
    return c.json(await listThreads(c.get('db'), site, { neighbourhoodId, kind, afterId, limit }), 200);
  })
  .post('/', async (c) => {
    const site = c.get('site');
    const input = parseInput(CreateThreadRequest, c.get('body'));
    const neighbourhood = shownNeighbourhood(site, input.neighbourhood);
    if (!neighbourhood) throw new ApiError('invalid-request', `neighbourhood: deze site toont geen buurt "${input.neighbourhood}"`);
    authorize(c, 'thread.create', { type: 'thread', networkId: site.networkId, neighbourhoodId: neighbourhood.id });
    const author = await signedInUser(c);
    const counted = await guardPost(c, 'thread', `${input.title}\n${input.body}`);
    const topic = { neighbourhood: { id: neighbourhood.id, name: neighbourhood.name }, title: input.title, body: input.body };
    return commitWrite(c, withStatements(createTopic(c.get('db'), site.networkId, author, topic), counted), 201);
  })
  .get('/:threadId', async (c) => {
    const id = c.req.param('threadId');
    const thread = Id.safeParse(id).success ? await getThread(c.get('db'), c.get('site'), id) : null;
    if (!thread) throw new ApiError('not-found', 'Deze discussie bestaat niet op deze site.');
    return c.json(thread, 200);
  })
  .route('/:threadId/comments', threadCommentsRoutes);
