import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { can, type Action, type Actions } from './permissions.js';

/**
 * Asks the permission module and turns a refusal into the right problem: 401 when nobody
 * (or an unusable token) asked, so the client signs in; 403 when a signed-in user may not.
 */
export function authorize<A extends Action>(c: Context<AppEnv>, action: A, resource: Actions[A]): void {
  const actor = c.get('actor');
  if (can(actor, action, resource)) return;
  if (actor.type === 'anonymous') {
    throw c.get('authError') ?? new ApiError('unauthorized', 'Stuur een toegangstoken mee (Authorization: Bearer).', { 'WWW-Authenticate': 'Bearer' });
  }
  if (actor.blocked) throw new ApiError('user-blocked', 'Een moderator heeft uw account geblokkeerd; u kunt lezen, maar niets plaatsen.');
  throw new ApiError('forbidden', 'Uw rollen geven geen toestemming voor deze handeling.');
}
