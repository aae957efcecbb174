import type { AuthSession } from '@buurtplein/sdk/contract';
import type { Database } from '../data/database.js';
import { findRefreshToken, isFamilyRevoked, markRefreshTokenUsed, revokeRefreshFamily, storeRefreshToken } from '../data/refresh-tokens.js';
import type { SiteRecord } from '../data/sites.js';
import { findMeOnSite } from '../data/users.js';
import { newId } from '../db/ids.js';
import type { Env } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { signAccessToken } from './access-token.js';
import { randomToken, sha256 } from './hashing.js';

/** How long a refresh token may wait to be used, in milliseconds. */
export const REFRESH_TOKEN_LIFETIME = 30 * 24 * 60 * 60 * 1000;

const REFRESH_PREFIX = 'bprt_';

/**
 * Starts a session for the user on the site: an access token with a fresh snapshot of their
 * roles, and a new refresh token in `familyId` (a new family for a new sign-in).
 */
export async function startSession(db: Database, env: Env, site: SiteRecord, userId: string, familyId = newId()): Promise<AuthSession> {
  const user = await findMeOnSite(db, site, userId);
  if (!user) throw new Error(`user ${userId} vanished while signing in`);
  const access = await signAccessToken(env, {
    type: 'user',
    userId,
    networkId: site.networkId,
    siteKey: site.key,
    roles: user.roles,
    organisationId: user.organisation?.id ?? null,
  });
  const refreshToken = REFRESH_PREFIX + randomToken();
  const refreshExpiresAt = new Date(Date.now() + REFRESH_TOKEN_LIFETIME);
  await storeRefreshToken(db, {
    id: newId(),
    networkId: site.networkId,
    siteKey: site.key,
    userId,
    familyId,
    tokenHash: await sha256(refreshToken),
    expiresAt: refreshExpiresAt,
  });
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt.toISOString(),
    refreshToken,
    refreshTokenExpiresAt: refreshExpiresAt.toISOString(),
    user,
  };
}

/**
 * Swaps a refresh token for a new pair in the same family. A token that was already swapped
 * means a copy is in someone else's hands: the whole family is revoked (`token-replayed`).
 */
export async function refreshSession(db: Database, env: Env, site: SiteRecord, refreshToken: string): Promise<AuthSession> {
  const row = await findRefreshToken(db, site, await sha256(refreshToken));
  if (!row || row.revokedAt || (await isFamilyRevoked(db, site.networkId, row.familyId))) throw new ApiError('invalid-token', 'Dit vernieuwingstoken is onbekend of ingetrokken; meld u opnieuw aan.');
  if (row.expiresAt.getTime() <= Date.now()) throw new ApiError('token-expired', 'Dit vernieuwingstoken is verlopen; meld u opnieuw aan.');
  if (row.usedAt || !(await markRefreshTokenUsed(db, site.networkId, row.id))) {
    await revokeRefreshFamily(db, site.networkId, row.familyId);
    throw new ApiError('token-replayed', 'Dit vernieuwingstoken was al gebruikt; de sessie is beëindigd. Meld u opnieuw aan.');
  }
  return startSession(db, env, site, row.userId, row.familyId);
}

/** Ends the session a refresh token belongs to; an unknown token ends nothing and says nothing. */
export async function endSession(db: Database, site: SiteRecord, refreshToken: string): Promise<void> {
  const row = await findRefreshToken(db, site, await sha256(refreshToken));
  if (row) await revokeRefreshFamily(db, site.networkId, row.familyId);
}
