import { Id } from '@buurtplein/sdk/contract';
import type { Context } from 'hono';
import type { InitiativeResource } from '../auth/permissions.js';
import { findParticipation, type Participation } from '../data/members.js';
import { findMe } from '../data/users.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';

/** The signed-in user's id, or null when nobody is signed in. */
export function actorId(c: Context<AppEnv>): string | null {
  const actor = c.get('actor');
  return actor.type === 'user' ? actor.userId : null;
}

/** The signed-in user's id, once `authorize` has let a user through. */
export function signedInId(c: Context<AppEnv>): string {
  return actorId(c) ?? '';
}

/** The 404 of an initiative the site does not show (or that does not exist anywhere). */
export function initiativeNotFound(): ApiError {
  return new ApiError('not-found', 'Dit initiatief bestaat niet op deze site.');
}

/** The initiative of the `:id` route parameter with what the asking user is to it; 404 when the site does not show it. */
export async function requireParticipation(c: Context<AppEnv>): Promise<Participation> {
  const id = c.req.param('id') ?? '';
  const found = Id.safeParse(id).success ? await findParticipation(c.get('db'), c.get('site'), id, actorId(c) ?? '') : null;
  if (!found) throw initiativeNotFound();
  return found;
}

/** The initiative as a resource of the permission rules. */
export function initiativeResource(c: Context<AppEnv>, p: Pick<Participation, 'membership'> & { initiative: { ownerId: string } }): InitiativeResource {
  return { type: 'initiative', networkId: c.get('site').networkId, ownerId: p.initiative.ownerId, membership: p.membership };
}

/** The signed-in user as others see them; 404 when the account is gone (a token outlives it by minutes at most). */
export async function requireMe(c: Context<AppEnv>) {
  const me = await findMe(c.get('db'), c.get('site').networkId, signedInId(c));
  if (!me) throw new ApiError('not-found', 'Deze gebruiker bestaat niet meer.');
  return me;
}
