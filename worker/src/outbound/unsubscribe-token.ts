import type { FollowFrequency, FollowTargetType } from '@buurtplein/sdk/contract';
import type { Env } from '../env.js';
import { signToken, verifyToken } from './secret-box.js';

const PURPOSE = 'unsubscribe';

/** What one unsubscribe link ends: one follow, or every follow of a digest. */
export type UnsubscribeScope = { targetType: FollowTargetType; targetId: string } | { frequency: FollowFrequency };

/** A verified unsubscribe link. */
export interface Unsubscribe {
  networkId: string;
  userId: string;
  scope: UnsubscribeScope;
}

interface Payload {
  v: 1;
  n: string;
  u: string;
  t?: [FollowTargetType, string];
  f?: FollowFrequency;
}

/**
 * The one-click unsubscribe address for a user: signed (HMAC-SHA256 under a key derived from
 * CODE_SECRET), so it needs no sign-in and cannot be made for someone else. It does not expire:
 * people unsubscribe from old e-mail too.
 */
export async function unsubscribeUrl(env: Env, origin: string | null, unsubscribe: Unsubscribe): Promise<string> {
  const { scope } = unsubscribe;
  const payload: Payload = { v: 1, n: unsubscribe.networkId, u: unsubscribe.userId };
  if ('frequency' in scope) payload.f = scope.frequency;
  else payload.t = [scope.targetType, scope.targetId];
  const url = new URL('/v1/unsubscribe', env.PUBLIC_URL ?? origin ?? 'https://buurtplein.nl');
  url.searchParams.set('token', await signToken(env, PURPOSE, payload));
  return url.toString();
}

/** The unsubscribe a token stands for; null when it is forged, altered or malformed. */
export async function readUnsubscribeToken(env: Env, token: string): Promise<Unsubscribe | null> {
  const payload = (await verifyToken(env, PURPOSE, token)) as Partial<Payload> | null;
  if (!payload || payload.v !== 1 || typeof payload.n !== 'string' || typeof payload.u !== 'string') return null;
  if (payload.f) return { networkId: payload.n, userId: payload.u, scope: { frequency: payload.f } };
  if (Array.isArray(payload.t) && typeof payload.t[1] === 'string') {
    return { networkId: payload.n, userId: payload.u, scope: { targetType: payload.t[0], targetId: payload.t[1] } };
  }
  return null;
}
