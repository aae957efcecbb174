import type { Follow, FollowFrequency, FollowPage, FollowTargetType } from '@buurtplein/sdk/contract';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { threads } from '../db/community.js';
import { follows, notificationSettings } from '../db/outbound.js';
import { initiatives, neighbourhoods } from '../db/schema.js';
import { encodeCursor } from '../http/cursor.js';
import type { Database, SiteScope, Write } from './database.js';
import { inSiteWindow } from './bound-values.js';

const threadInitiatives = alias(initiatives, 'thread_initiatives');

/**
 * Follows joined with what they follow, kept inside the site's window: the target's
 * neighbourhood (an initiative's thread: the initiative's) must be one the site shows.
 */
function selectFollows(db: Database, scope: SiteScope) {
  const neighbourhoodId = sql<string>`coalesce(${initiatives.neighbourhoodId}, ${threadInitiatives.neighbourhoodId}, ${threads.neighbourhoodId}, ${neighbourhoods.id})`;
  const title = sql<string>`coalesce(${initiatives.title}, ${threads.title}, ${neighbourhoods.name})`.as('title');
  return {
    query: db
      .select({ follow: follows, title })
      .from(follows)
      .leftJoin(initiatives, and(eq(follows.targetType, 'initiative'), eq(initiatives.id, follows.targetId), eq(initiatives.networkId, scope.networkId)))
      .leftJoin(threads, and(eq(follows.targetType, 'thread'), eq(threads.id, follows.targetId), eq(threads.networkId, scope.networkId), eq(threads.hidden, false)))
      .leftJoin(threadInitiatives, and(eq(threadInitiatives.id, threads.initiativeId), eq(threadInitiatives.networkId, scope.networkId)))
      .leftJoin(neighbourhoods, and(eq(follows.targetType, 'neighbourhood'), eq(neighbourhoods.id, follows.targetId), eq(neighbourhoods.networkId, scope.networkId))),
    inWindow: inSiteWindow(neighbourhoodId, scope),
  };
}

function toFollow(row: { follow: typeof follows.$inferSelect; title: string }): Follow {
  const { follow } = row;
  return { targetType: follow.targetType, targetId: follow.targetId, title: row.title, frequency: follow.frequency, createdAt: follow.createdAt.toISOString() };
}

/**
 * What a user follows on this site, newest target first (ids sort by creation, so the cursor is
 * the last target's id).
 */
export async function listFollows(db: Database, scope: SiteScope, userId: string, page: { afterId?: string; limit: number }): Promise<FollowPage> {
  if (scope.neighbourhoodIds.length === 0) return { data: [], nextCursor: null };
  const { query, inWindow } = selectFollows(db, scope);
  const rows = await query
    .where(and(eq(follows.networkId, scope.networkId), eq(follows.userId, userId), inWindow, page.afterId === undefined ? undefined : lt(follows.targetId, page.afterId)))
    .orderBy(desc(follows.targetId))
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const data = rows.slice(0, page.limit).map(toFollow);
  return { data, nextCursor: more ? encodeCursor(data[data.length - 1]!.targetId) : null };
}

/** The title of a target the site shows (an initiative, a thread, a neighbourhood); null when it shows none such. */
export async function findFollowTarget(db: Database, scope: SiteScope, type: FollowTargetType, id: string): Promise<{ title: string } | null> {
  if (scope.neighbourhoodIds.length === 0) return null;
  const neighbourhoodId = sql<string>`coalesce(${threadInitiatives.neighbourhoodId}, ${threads.neighbourhoodId})`;
  if (type === 'initiative') {
    const [row] = await db
      .select({ title: initiatives.title })
      .from(initiatives)
      .where(and(eq(initiatives.networkId, scope.networkId), eq(initiatives.id, id), inSiteWindow(initiatives.neighbourhoodId, scope)))
      .limit(1);
    return row ?? null;
  }
  if (type === 'thread') {
    const [row] = await db
      .select({ title: threads.title })
      .from(threads)
      .leftJoin(threadInitiatives, and(eq(threadInitiatives.id, threads.initiativeId), eq(threadInitiatives.networkId, scope.networkId)))
      .where(and(eq(threads.networkId, scope.networkId), eq(threads.id, id), eq(threads.hidden, false), inSiteWindow(neighbourhoodId, scope)))
      .limit(1);
    return row ?? null;
  }
  const [row] = await db
    .select({ title: neighbourhoods.name })
    .from(neighbourhoods)
    .where(and(eq(neighbourhoods.networkId, scope.networkId), eq(neighbourhoods.id, id), inSiteWindow(neighbourhoods.id, scope)))
    .limit(1);
  return row ?? null;
}

/** A follow to set: what, how often, and the follower's e-mail settings. */
export interface NewFollow {
  userId: string;
  siteKey: string;
  targetType: FollowTargetType;
  targetId: string;
  title: string;
  frequency: FollowFrequency;
  /** The e-mail language; left as it was when undefined. */
  locale: 'nl' | 'en' | undefined;
  linkOrigin: string;
  /** When the user started following it, if they already did (`followedSince`). */
  since: Date | null;
}

/**
 * Plans following (or changing how often): one row per user and target, so following twice
 * changes the frequency and keeps the date. The user's e-mail settings are kept in the same batch.
 */
export function setFollow(db: Database, networkId: string, input: NewFollow, now = new Date()): Write<Follow> {
  const { userId, targetType, targetId, frequency } = input;
  const upsertFollow = db
    .insert(follows)
    .values({ userId, targetType, targetId, networkId, siteKey: input.siteKey, frequency, createdAt: now })
    .onConflictDoUpdate({ target: [follows.userId, follows.targetType, follows.targetId], set: { frequency, siteKey: input.siteKey } });
  const upsertSettings = db
    .insert(notificationSettings)
    .values({ userId, networkId, locale: input.locale ?? 'nl', linkOrigin: input.linkOrigin })
    .onConflictDoUpdate({
      target: notificationSettings.userId,
      set: { linkOrigin: input.linkOrigin, ...(input.locale ? { locale: input.locale } : {}) },
    });
  return {
    statements: [upsertFollow, upsertSettings],
    result: { targetType, targetId, title: input.title, frequency, createdAt: (input.since ?? now).toISOString() },
    // Whom someone follows is theirs alone: no public read changes.
    publicContent: false,
  };
}

/** The date a user started following a target; null when they do not follow it. */
export async function followedSince(db: Database, networkId: string, userId: string, type: FollowTargetType, id: string): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: follows.createdAt })
    .from(follows)
    .where(and(eq(follows.networkId, networkId), eq(follows.userId, userId), eq(follows.targetType, type), eq(follows.targetId, id)))
    .limit(1);
  return row?.createdAt ?? null;
}

/** Plans ending a follow. */
export function unfollow(db: Database, networkId: string, userId: string, type: FollowTargetType, id: string): Write<null> {
  return {
    statements: [
      db
        .delete(follows)
        .where(and(eq(follows.networkId, networkId), eq(follows.userId, userId), eq(follows.targetType, type), eq(follows.targetId, id))),
    ],
    result: null,
    publicContent: false,
  };
}
