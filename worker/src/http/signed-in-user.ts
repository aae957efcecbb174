import type { Me } from '@buurtplein/sdk/contract';
import type { Context } from 'hono';
import { findMe } from '../data/users.js';
import type { AppEnv } from '../env.js';
import { ApiError } from './api-error.js';

/** The signed-in user's current profile; call after `authorize` has let a user through. */
export async function signedInUser(c: Context<AppEnv>): Promise<Me> {
  const actor = c.get('actor');
  const me = actor.type === 'user' ? await findMe(c.get('db'), c.get('site').networkId, actor.userId) : null;
  if (!me) throw new ApiError('not-found', 'Deze gebruiker bestaat niet meer.');
  return me;
}
