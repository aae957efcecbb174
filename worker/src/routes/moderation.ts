import { Id, ModerationActionRequest, ModerationLogQuery, type ModerationQueue } from '@buurtplein/sdk/contract';
import { Hono, type Context } from 'hono';
import { authorize } from '../auth/authorize.js';
import { siteResource } from '../auth/permissions.js';
import { decideOnTarget, decideOnUser, findContact, findTarget, listModerationLog, moderationQueue } from '../data/moderation.js';
import { sendStatementOfReasons } from '../email/statement-of-reasons.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { commitWrite } from '../http/commit-write.js';
import { refreshSimilarAfterResponse } from '../http/similar-after-write.js';
import { decodeCursor } from '../http/cursor.js';
import { parseInput } from '../http/validate.js';

function moderatorId(c: Context<AppEnv>): string {
  const actor = c.get('actor');
  return actor.type === 'user' ? actor.userId : '';
}

/** `/v1/sites/:site/moderation`: the queue, decisions and the audit log of the site's network. */
export const moderationRoutes = new Hono<AppEnv>()
  .get('/queue', async (c) => {
    const site = c.get('site');
    authorize(c, 'moderation.queue', siteResource(site));
    const body: ModerationQueue = { data: await moderationQueue(c.get('db'), site) };
    return c.json(body, 200);
  })
  .post('/actions', async (c) => {
    const site = c.get('site');
    authorize(c, 'moderation.act', siteResource(site));
    const input = parseInput(ModerationActionRequest, c.get('body'));
    const db = c.get('db');
    const actorId = moderatorId(c);
    let decided;
    if ('userId' in input) {
      if (!Id.safeParse(input.userId).success || !(await findContact(db, site.networkId, input.userId))) {
        throw new ApiError('not-found', 'Deze gebruiker bestaat niet in dit netwerk.');
      }
      if (input.userId === actorId) throw new ApiError('invalid-request', 'userId: u kunt uzelf niet blokkeren');
      decided = decideOnUser(db, site.key, site.networkId, { action: input.action, userId: input.userId, actorId, reason: input.reason });
    } else {
      const target = await findTarget(db, site, input.targetType, input.targetId);
      if (!target || target.state === 'deleted') throw new ApiError('not-found', 'Deze bijdrage bestaat niet op deze site.');
      decided = decideOnTarget(db, site.key, target, { action: input.action, actorId, reason: input.reason });
    }
    const { statements, entry } = decided;
    const notify = entry.action === 'dismiss' ? undefined : () => sendStatementOfReasons(c.env, db, site, entry);
    return commitWrite(c, { statements, result: entry }, 201, async () => {
      // A hidden or restored initiative changes the similar lists of those it resembles.
      await refreshSimilarAfterResponse(c);
      await notify?.();
    });
  })
  .get('/audit-log', async (c) => {
    const site = c.get('site');
    authorize(c, 'moderation.audit', siteResource(site));
    const { cursor, limit } = parseInput(ModerationLogQuery, c.req.query());
    const page = await listModerationLog(c.get('db'), site.networkId, { afterId: cursor === undefined ? undefined : decodeCursor(cursor), limit });
    return c.json(page, 200);
  });
