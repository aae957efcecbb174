import { FollowListQuery, FollowRequest, FollowTargetType, Id } from '@buurtplein/sdk/contract';
import { Hono, type Context } from 'hono';
import { authorize } from '../auth/authorize.js';
import { findFollowTarget, followedSince, listFollows, setFollow, unfollow } from '../data/follows.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { commitWrite } from '../http/commit-write.js';
import { decodeCursor } from '../http/cursor.js';
import { parseInput } from '../http/validate.js';

/** The signed-in user, allowed to manage their own follows. */
function follower(c: Context<AppEnv>): string {
  const actor = c.get('actor');
  const userId = actor.type === 'user' ? actor.userId : '';
  authorize(c, 'follow.manage', { type: 'user', networkId: c.get('site').networkId, userId });
  return userId;
}

/** The target named in the path, if the site shows it; 404 otherwise. */
async function shownTarget(c: Context<AppEnv>) {
  const type = FollowTargetType.safeParse(c.req.param('targetType'));
  const id = c.req.param('targetId') ?? '';
  const target = type.success && Id.safeParse(id).success ? await findFollowTarget(c.get('db'), c.get('site'), type.data, id) : null;
  if (!type.success || !target) throw new ApiError('not-found', 'Dit valt op deze site niet te volgen.');
  return { type: type.data, id, title: target.title };
}

/** The user's e-mail language when the request does not say: the browser's, else Dutch. */
function preferredLocale(c: Context<AppEnv>): 'nl' | 'en' | undefined {
  const first = c.req.header('Accept-Language')?.split(',')[0]?.trim().toLowerCase();
  if (first?.startsWith('en')) return 'en';
  if (first?.startsWith('nl')) return 'nl';
  return undefined;
}

/** `/v1/sites/:site/follows/:targetType/:targetId`: follow an initiative, thread or neighbourhood, and stop. */
export const followsRoutes = new Hono<AppEnv>()
  .put('/:targetType/:targetId', async (c) => {
    const userId = follower(c);
    const target = await shownTarget(c);
    const { frequency, locale } = parseInput(FollowRequest, c.get('body') ?? {});
    const site = c.get('site');
    const db = c.get('db');
    const since = await followedSince(db, site.networkId, userId, target.type, target.id);
    const write = setFollow(db, site.networkId, {
      userId,
      siteKey: site.key,
      targetType: target.type,
      targetId: target.id,
      title: target.title,
      frequency,
      locale: locale ?? preferredLocale(c),
      linkOrigin: new URL(c.req.url).origin,
      since,
    });
    return commitWrite(c, write, 200);
  })
  .delete('/:targetType/:targetId', async (c) => {
    const userId = follower(c);
    const target = await shownTarget(c);
    return commitWrite(c, unfollow(c.get('db'), c.get('site').networkId, userId, target.type, target.id), 204);
  });

/** `/v1/sites/:site/me/follows`: what the signed-in user follows on this site. */
export const myFollowsRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const userId = follower(c);
  const { cursor, limit } = parseInput(FollowListQuery, c.req.query());
  const afterId = cursor === undefined ? undefined : decodeCursor(cursor);
  return c.json(await listFollows(c.get('db'), c.get('site'), userId, { afterId, limit }), 200);
});
