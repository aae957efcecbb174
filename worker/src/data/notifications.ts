import type { FollowFrequency, FollowTargetType } from '@buurtplein/sdk/contract';
import { and, asc, desc, eq, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { comments } from '../db/community.js';
import { follows, notificationSends, notificationSettings, outboundEvents } from '../db/outbound.js';
import { sites, users } from '../db/schema.js';
import type { Database } from './database.js';

type OutboxEvent = typeof outboundEvents.$inferSelect;
type DigestFrequency = Exclude<FollowFrequency, 'immediate'>;

/** Someone to e-mail, with what they followed that brought them here. */
export interface Recipient {
  userId: string;
  networkId: string;
  email: string;
  locale: 'nl' | 'en';
  linkOrigin: string | null;
  siteName: string;
  targetType: FollowTargetType;
  targetId: string;
}

/** Whether a follow covers an event: the initiative, the thread or the neighbourhood it happened in. */
const followCovers: SQL = or(
  and(eq(follows.targetType, 'initiative'), eq(follows.targetId, outboundEvents.initiativeId)),
  and(eq(follows.targetType, 'thread'), eq(follows.targetId, outboundEvents.threadId)),
  and(eq(follows.targetType, 'neighbourhood'), eq(follows.targetId, outboundEvents.neighbourhoodId)),
)!;

const recipientColumns = {
  userId: follows.userId,
  networkId: follows.networkId,
  email: sql<string>`${users.email}`.as('email'),
  locale: sql<'nl' | 'en'>`coalesce(${notificationSettings.locale}, 'nl')`.as('locale'),
  linkOrigin: notificationSettings.linkOrigin,
  siteName: sql<string>`${sites.name}`.as('site_name'),
  targetType: follows.targetType,
  targetId: follows.targetId,
};

/** The most specific follow wins the unsubscribe link: a thread before an initiative before a neighbourhood. */
const specificity: Record<FollowTargetType, number> = { thread: 0, initiative: 1, neighbourhood: 2 };

/**
 * Who hears of an event at once: users with an e-mail address who follow, immediately, its
 * initiative, thread or neighbourhood; not the one who did it. One entry per user.
 */
export async function immediateRecipients(db: Database, event: OutboxEvent): Promise<Recipient[]> {
  const rows = await db
    .select(recipientColumns)
    .from(outboundEvents)
    .innerJoin(follows, and(eq(follows.networkId, outboundEvents.networkId), eq(follows.frequency, 'immediate'), followCovers))
    .innerJoin(users, and(eq(users.id, follows.userId), eq(users.networkId, follows.networkId), isNotNull(users.email)))
    .innerJoin(sites, and(eq(sites.key, follows.siteKey), eq(sites.networkId, follows.networkId)))
    .leftJoin(notificationSettings, eq(notificationSettings.userId, follows.userId))
    .where(and(eq(outboundEvents.networkId, event.networkId), eq(outboundEvents.id, event.id), event.actorId ? ne(follows.userId, event.actorId) : undefined));
  const byUser = new Map<string, Recipient>();
  for (const row of rows) {
    const seen = byUser.get(row.userId);
    if (!seen || specificity[row.targetType] < specificity[seen.targetType]) byUser.set(row.userId, row);
  }
  return [...byUser.values()];
}

/**
 * Claims the immediate e-mail of an event for these users; answers the users claimed now. A
 * redelivered event finds them claimed and mails nobody twice.
 */
export async function claimNotifications(db: Database, networkId: string, eventId: string, userIds: readonly string[]): Promise<string[]> {
  const claimed: string[] = [];
  // D1 binds at most 100 parameters per statement: three per row.
  for (let i = 0; i < userIds.length; i += 30) {
    const rows = await db
      .insert(notificationSends)
      .values(userIds.slice(i, i + 30).map((userId) => ({ userId, eventId, networkId })))
      .onConflictDoNothing()
      .returning({ userId: notificationSends.userId });
    claimed.push(...rows.map((r) => r.userId));
  }
  return claimed;
}

/** Gives back a claim whose e-mail could not be sent, so a retry sends it. */
export async function releaseNotification(db: Database, networkId: string, eventId: string, userId: string): Promise<void> {
  await db
    .delete(notificationSends)
    .where(and(eq(notificationSends.networkId, networkId), eq(notificationSends.eventId, eventId), eq(notificationSends.userId, userId)));
}

/** Every user with an e-mail address who follows something at this frequency, in all networks (the cron's fan-out). */
export async function digestRecipients(db: Database, frequency: DigestFrequency): Promise<{ networkId: string; userId: string }[]> {
  return db
    .selectDistinct({ networkId: follows.networkId, userId: follows.userId })
    .from(follows)
    .innerJoin(users, and(eq(users.id, follows.userId), eq(users.networkId, follows.networkId), isNotNull(users.email)))
    .where(eq(follows.frequency, frequency))
    .orderBy(asc(follows.networkId), asc(follows.userId));
}

const digestUntil = { daily: notificationSettings.dailyDigestUntil, weekly: notificationSettings.weeklyDigestUntil } as const;

/** A user's digest: who gets it and up to when the last one went; null when they no longer get one. */
export async function findDigestRecipient(
  db: Database,
  networkId: string,
  userId: string,
  frequency: DigestFrequency,
): Promise<{ recipient: Recipient; lastUntil: Date | null } | null> {
  const [row] = await db
    .select({ ...recipientColumns, lastUntil: digestUntil[frequency] })
    .from(follows)
    .innerJoin(users, and(eq(users.id, follows.userId), eq(users.networkId, follows.networkId), isNotNull(users.email)))
    .innerJoin(sites, and(eq(sites.key, follows.siteKey), eq(sites.networkId, follows.networkId)))
    .leftJoin(notificationSettings, eq(notificationSettings.userId, follows.userId))
    .where(and(eq(follows.networkId, networkId), eq(follows.userId, userId), eq(follows.frequency, frequency)))
    .orderBy(desc(follows.createdAt))
    .limit(1);
  if (!row) return null;
  const { lastUntil, ...recipient } = row;
  return { recipient, lastUntil };
}

/** The most events one digest lists; the rest waits for the next one. */
export const DIGEST_MAX_EVENTS = 50;

/**
 * What a user's digest lists: the events after `since` up to and including `until` in what
 * they follow at this frequency, each counted from when they started following it; not their
 * own doing, and no comment that has been hidden or removed since. Oldest first.
 */
export async function digestEvents(db: Database, networkId: string, userId: string, frequency: DigestFrequency, since: Date | null, until: Date): Promise<OutboxEvent[]> {
  const removedComment = sql`exists (select 1 from ${comments} where ${outboundEvents.type} = 'comment.created' and ${comments.id} = ${outboundEvents.subjectId} and ${comments.status} != 'visible')`;
  const rows = await db
    .selectDistinct({ event: outboundEvents })
    .from(outboundEvents)
    .innerJoin(follows, and(eq(follows.networkId, outboundEvents.networkId), eq(follows.userId, userId), eq(follows.frequency, frequency), followCovers))
    .where(
      and(
        eq(outboundEvents.networkId, networkId),
        sql`${outboundEvents.createdAt} > max(${follows.createdAt}, ${since?.getTime() ?? 0})`,
        sql`${outboundEvents.createdAt} <= ${until.getTime()}`,
        sql`(${outboundEvents.actorId} is null or ${outboundEvents.actorId} != ${userId})`,
        sql`not ${removedComment}`,
      ),
    )
    .orderBy(asc(outboundEvents.id))
    .limit(DIGEST_MAX_EVENTS);
  return rows.map((r) => r.event);
}

/** Records that a user's digest covered everything up to `until`; never moves back. */
export async function advanceDigest(db: Database, userId: string, frequency: DigestFrequency, until: Date): Promise<void> {
  const column = digestUntil[frequency];
  await db
    .update(notificationSettings)
    .set(frequency === 'daily' ? { dailyDigestUntil: until } : { weeklyDigestUntil: until })
    .where(and(eq(notificationSettings.userId, userId), sql`(${column} is null or ${column} < ${until.getTime()})`));
}

/** Ends a user's follows: one target, or every follow of a digest frequency. Answers how many ended. */
export async function endFollows(
  db: Database,
  networkId: string,
  userId: string,
  which: { targetType: FollowTargetType; targetId: string } | { frequency: FollowFrequency },
): Promise<number> {
  const match =
    'frequency' in which
      ? eq(follows.frequency, which.frequency)
      : and(eq(follows.targetType, which.targetType), eq(follows.targetId, which.targetId));
  const ended = await db
    .delete(follows)
    .where(and(eq(follows.networkId, networkId), eq(follows.userId, userId), match))
    .returning({ userId: follows.userId });
  return ended.length;
}
