import { and, eq, gt, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { dailyCounters, recentPosts } from '../db/moderation.js';
import type { Database } from './database.js';

/** What a user may do per day (UTC), besides the burst limits of wrangler.toml. */
export const DAILY_QUOTAS = {
  initiative: 10,
  thread: 20,
  comment: 200,
  report: 50,
} as const;

export type QuotaKind = keyof typeof DAILY_QUOTAS;

/** How long the same text by the same user counts as a repeat. */
export const REPEAT_WINDOW_MS = 10 * 60 * 1000;

/** The UTC day of `now`, as counters key it. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** How many of `kind` the user did today. */
export async function countToday(db: Database, networkId: string, userId: string, kind: QuotaKind, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ count: dailyCounters.count })
    .from(dailyCounters)
    .where(and(eq(dailyCounters.networkId, networkId), eq(dailyCounters.userId, userId), eq(dailyCounters.day, utcDay(now)), eq(dailyCounters.kind, kind)))
    .limit(1);
  return row?.count ?? 0;
}

/** The statement that counts one more `kind` today, for the batch of the write it counts. */
export function countOne(db: Database, networkId: string, userId: string, kind: QuotaKind, now = new Date()): BatchItem<'sqlite'> {
  return db
    .insert(dailyCounters)
    .values({ networkId, userId, day: utcDay(now), kind, count: 1 })
    .onConflictDoUpdate({
      target: [dailyCounters.networkId, dailyCounters.userId, dailyCounters.day, dailyCounters.kind],
      set: { count: sql`${dailyCounters.count} + 1` },
    });
}

/** Whether the user posted text with this fingerprint within the repeat window. */
export async function postedRecently(db: Database, networkId: string, userId: string, fingerprint: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ createdAt: recentPosts.createdAt })
    .from(recentPosts)
    .where(
      and(
        eq(recentPosts.networkId, networkId),
        eq(recentPosts.userId, userId),
        eq(recentPosts.fingerprint, fingerprint),
        gt(recentPosts.createdAt, new Date(now.getTime() - REPEAT_WINDOW_MS)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The statement that remembers a post's fingerprint (the purge cron forgets it after the window). */
export function rememberPost(db: Database, networkId: string, userId: string, fingerprint: string, now = new Date()): BatchItem<'sqlite'> {
  return db
    .insert(recentPosts)
    .values({ networkId, userId, fingerprint, createdAt: now })
    .onConflictDoUpdate({ target: [recentPosts.networkId, recentPosts.userId, recentPosts.fingerprint], set: { createdAt: now } });
}
