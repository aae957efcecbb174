import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { refreshTokens } from '../db/schema.js';
import type { Database } from './database.js';

/** A refresh token to store; only its hash is kept. */
export interface NewRefreshToken {
  id: string;
  networkId: string;
  siteKey: string;
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
}

/** Stores a refresh token. */
export async function storeRefreshToken(db: Database, token: NewRefreshToken, now = new Date()): Promise<void> {
  await db.insert(refreshTokens).values({ ...token, createdAt: now });
}

/** The refresh token with this hash on the site; null when there is none. */
export async function findRefreshToken(db: Database, site: { key: string; networkId: string }, tokenHash: string) {
  const [row] = await db
    .select()
    .from(refreshTokens)
    .where(and(eq(refreshTokens.networkId, site.networkId), eq(refreshTokens.siteKey, site.key), eq(refreshTokens.tokenHash, tokenHash)))
    .limit(1);
  return row ?? null;
}

/** Marks a refresh token as swapped; false when it already was (a parallel or repeated use). */
export async function markRefreshTokenUsed(db: Database, networkId: string, id: string, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(refreshTokens)
    .set({ usedAt: now })
    .where(and(eq(refreshTokens.networkId, networkId), eq(refreshTokens.id, id), isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return rows.length === 1;
}

/**
 * Whether any token of the family was revoked. A family stays ended even for a token
 * that a parallel rotation inserted just after the revocation.
 */
export async function isFamilyRevoked(db: Database, networkId: string, familyId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: refreshTokens.id })
    .from(refreshTokens)
    .where(and(eq(refreshTokens.networkId, networkId), eq(refreshTokens.familyId, familyId), isNotNull(refreshTokens.revokedAt)))
    .limit(1);
  return row !== undefined;
}

/** Revokes every token of a family: the session it belongs to ends on every device that holds it. */
export async function revokeRefreshFamily(db: Database, networkId: string, familyId: string, now = new Date()): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.networkId, networkId), eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}
