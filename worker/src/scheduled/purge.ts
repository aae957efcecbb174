import { and, eq, gte, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Database } from '../data/database.js';
import { purgeOutbound } from '../data/outbound-privacy.js';
import { REPEAT_WINDOW_MS, utcDay } from '../data/quotas.js';
import { dailyCounters, recentPosts } from '../db/moderation.js';
import { emailCodes, idempotencyRecords, refreshTokens, usedSsoTokens } from '../db/schema.js';

const DAY = 24 * 60 * 60 * 1000;

const sibling = alias(refreshTokens, 'sibling');

/**
 * A token of the same family that still works. A revoked token is what marks its family as ended
 * (see `isFamilyRevoked`), so it stays while a sibling that a parallel rotation made could be used.
 */
function liveSibling(db: Database, now: Date) {
  return db
    .select({ one: sql`1` })
    .from(sibling)
    .where(and(eq(sibling.familyId, refreshTokens.familyId), isNull(sibling.revokedAt), gte(sibling.expiresAt, now)));
}

/** How many rows each purge removed. */
export interface PurgeReport {
  emailCodes: number;
  usedSsoTokens: number;
  refreshTokens: number;
  idempotencyRecords: number;
  recentPosts: number;
  dailyCounters: number;
}

/**
 * Removes what no longer serves anyone, in one batch: e-mail codes past their expiry, used SSO
 * `jti`s past theirs (a replayed token fails on its `exp` by then), refresh tokens that expired or
 * were revoked (once no sibling of their family still works), idempotency records older than a
 * day, post fingerprints past the repeat window, daily counters of earlier days, and the outbound
 * tables' expired rows (`purgeOutbound`). Runs from the cron trigger (see wrangler.toml); it spans
 * networks, being the operator's housekeeping rather than a request.
 */
export async function purgeExpired(db: Database, now = new Date()): Promise<PurgeReport> {
  const results = await db.batch([
    db.delete(emailCodes).where(lt(emailCodes.expiresAt, now)),
    db.delete(usedSsoTokens).where(lt(usedSsoTokens.expiresAt, now)),
    db.delete(refreshTokens).where(or(lt(refreshTokens.expiresAt, now), and(isNotNull(refreshTokens.revokedAt), sql`not exists ${liveSibling(db, now)}`))),
    db.delete(idempotencyRecords).where(lt(idempotencyRecords.createdAt, new Date(now.getTime() - DAY))),
    db.delete(recentPosts).where(lt(recentPosts.createdAt, new Date(now.getTime() - REPEAT_WINDOW_MS))),
    db.delete(dailyCounters).where(lt(dailyCounters.day, utcDay(now))),
    ...purgeOutbound(db, now),
  ]);
  const [codes, jtis, tokens, idempotency, posts, counters] = results.map((r) => r.meta.changes);
  return {
    emailCodes: codes ?? 0,
    usedSsoTokens: jtis ?? 0,
    refreshTokens: tokens ?? 0,
    idempotencyRecords: idempotency ?? 0,
    recentPosts: posts ?? 0,
    dailyCounters: counters ?? 0,
  };
}
