import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ModerationTargetType, ReportReason } from '@buurtplein/sdk/contract';
import { neighbourhoods, networks, users } from './schema.js';

/**
 * Moderation, abuse limits and privacy. The audit log is append-only: migration 0006's triggers
 * abort any UPDATE or DELETE on it. Whether content shows is kept on the content itself
 * (`initiatives.visibility`, `comments.status`, `hidden` on threads, updates and events).
 */

const now = sql`(unixepoch('subsec') * 1000)`;
const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now);

/** A user's report of a piece of content; one open report per user and target. */
export const reports = sqliteTable(
  'reports',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    /** Where the content was when reported: the queue shows a site the reports of its window. */
    neighbourhoodId: text('neighbourhood_id').notNull().references(() => neighbourhoods.id),
    targetType: text('target_type').$type<ModerationTargetType>().notNull(),
    targetId: text('target_id').notNull(),
    reporterId: text('reporter_id').notNull().references(() => users.id),
    reason: text('reason').$type<ReportReason>().notNull(),
    note: text('note'),
    status: text('status', { enum: ['open', 'resolved', 'dismissed'] }).notNull().default('open'),
    createdAt: createdAt(),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('reports_one_open_idx').on(t.targetType, t.targetId, t.reporterId).where(sql`status = 'open'`),
    index('reports_queue_idx').on(t.networkId, t.status, t.targetType, t.targetId),
    index('reports_reporter_idx').on(t.networkId, t.reporterId),
  ],
);

/** Every moderation decision, by a moderator or by the system (auto-hide); never changed, never removed. */
export const moderationLog = sqliteTable(
  'moderation_log',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    siteKey: text('site_key').notNull(),
    action: text('action', { enum: ['hide', 'restore', 'block-user', 'unblock-user', 'dismiss', 'auto-hide'] }).notNull(),
    targetType: text('target_type').$type<ModerationTargetType>(),
    targetId: text('target_id'),
    /** Whom the decision concerns: the content's author or the (un)blocked user. */
    userId: text('user_id'),
    /** The moderator; null when the system acted. */
    actorId: text('actor_id'),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('moderation_log_network_idx').on(t.networkId, t.id), index('moderation_log_user_idx').on(t.networkId, t.userId)],
);

/** A user a moderator blocked: their writes are refused until unblocked. */
export const userBlocks = sqliteTable(
  'user_blocks',
  {
    networkId: text('network_id').notNull().references(() => networks.id),
    userId: text('user_id').notNull().references(() => users.id),
    blockedBy: text('blocked_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.userId] })],
);

/** What a user did today, per kind, against the daily quotas. */
export const dailyCounters = sqliteTable(
  'daily_counters',
  {
    networkId: text('network_id').notNull().references(() => networks.id),
    userId: text('user_id').notNull().references(() => users.id),
    /** UTC date, `YYYY-MM-DD`. */
    day: text('day').notNull(),
    kind: text('kind').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.userId, t.day, t.kind] }), index('daily_counters_day_idx').on(t.day)],
);

/** A fingerprint (SHA-256) of a user's recent post, to refuse the same text twice within minutes. */
export const recentPosts = sqliteTable(
  'recent_posts',
  {
    networkId: text('network_id').notNull().references(() => networks.id),
    userId: text('user_id').notNull().references(() => users.id),
    fingerprint: text('fingerprint').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.userId, t.fingerprint] }), index('recent_posts_created_idx').on(t.createdAt)],
);

/**
 * Every account deletion, so it can be replayed after restoring a backup taken before it.
 * Holds only the pseudonymous id and the choice, no personal data.
 */
export const deletionLog = sqliteTable(
  'deletion_log',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    userId: text('user_id').notNull(),
    contributions: text('contributions', { enum: ['keep', 'remove'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('deletion_log_network_idx').on(t.networkId, t.id)],
);
