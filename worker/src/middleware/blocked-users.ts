import { createMiddleware } from 'hono/factory';
import { isBlocked } from '../data/moderation.js';
import { isDeleted } from '../data/privacy.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Before a signed-in user's mutation: marks the actor `blocked` when a moderator blocked them
 * (the permission rules then refuse everything but signing in and out and their own data, with
 * 403 `user-blocked`), and refuses an account deleted while its access token still lives.
 * Reads need no check: they are public.
 */
export const blockedUsers = createMiddleware<AppEnv>(async (c, next) => {
  const actor = c.get('actor');
  if (actor.type === 'user' && MUTATIONS.has(c.req.method)) {
    const db = c.get('db');
    const [blocked, deleted] = await Promise.all([isBlocked(db, actor.networkId, actor.userId), isDeleted(db, actor.networkId, actor.userId)]);
    if (deleted) throw new ApiError('invalid-token', 'Dit account is verwijderd.', { 'WWW-Authenticate': 'Bearer' });
    if (blocked) c.set('actor', { ...actor, blocked: true });
  }
  await next();
});
