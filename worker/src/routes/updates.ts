import { CreateInitiativeUpdateRequest, PageQuery } from '@buurtplein/sdk/contract';
import { Hono } from 'hono';
import { authorize } from '../auth/authorize.js';
import { createUpdate, listUpdates } from '../data/updates.js';
import type { AppEnv } from '../env.js';
import { commitWrite } from '../http/commit-write.js';
import { decodeCursor } from '../http/cursor.js';
import { parseInput } from '../http/validate.js';
import { initiativeResource, requireMe, requireParticipation } from './initiative-access.js';
import { MAX_LINKS_PER_POST } from '../http/links.js';
import { guardLinks } from '../http/post-guard.js';

/** `/v1/sites/:site/initiatives/:id/updates`: the initiative's timeline; organisers post, anyone reads. */
export const updatesRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { initiative } = await requireParticipation(c);
    const { cursor, limit } = parseInput(PageQuery, c.req.query());
    const page = await listUpdates(c.get('db'), c.get('site').networkId, initiative.id, {
      afterId: cursor === undefined ? undefined : decodeCursor(cursor),
      limit,
    });
    return c.json(page, 200);
  })
  .post('/', async (c) => {
    const seen = await requireParticipation(c);
    authorize(c, 'update.create', initiativeResource(c, seen));
    const { body } = parseInput(CreateInitiativeUpdateRequest, c.get('body'));
    guardLinks(body, MAX_LINKS_PER_POST);
    const me = await requireMe(c);
    const write = createUpdate(c.get('db'), c.get('site').networkId, seen.initiative.id, { id: me.id, displayName: me.displayName }, body);
    return commitWrite(c, write, 201);
  });
