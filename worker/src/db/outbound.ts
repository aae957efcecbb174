import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { DomainEventType, FollowFrequency, FollowTargetType } from '@buurtplein/sdk/contract';
import { networks, sites, users } from './schema.js';

/**
 * What leaves the worker: domain events (for webhooks, e-mail and live updates), the endpoints
 * and delivery log of webhooks, follows and digests, and tickets for live updates.
 */

const now = sql`(unixepoch('subsec') * 1000)`;
const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now);

/**
 * A domain event, written in the same batch as the write it tells of (an outbox): it is sent
 * on after the commit, and digests read it back. `id` is the event id receivers de-duplicate on.
 */
export const outboundEvents = sqliteTable(
  'outbound_events',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    /** The site the write came through. */
    siteKey: text('site_key').notNull(),
    type: text('type').$type<DomainEventType>().notNull(),
    /** Who did it (not notified of their own doing); null for the system. */
    actorId: text('actor_id'),
    neighbourhoodId: text('neighbourhood_id').notNull(),
    initiativeId: text('initiative_id'),
    threadId: text('thread_id'),
    /** The id of what the event is about: the initiative, offer, comment or meeting. */
    subjectId: text('subject_id').notNull(),
    /** The event's `data`, as webhooks send it. */
    payload: text('payload', { mode: 'json' }).notNull(),
    createdAt: createdAt(),
    /** When the queue accepted it; null while it still has to be sent (the cron re-sends those). */
    queuedAt: integer('queued_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('outbound_events_unqueued_idx').on(t.createdAt).where(sql`queued_at is null`),
    index('outbound_events_neighbourhood_idx').on(t.networkId, t.neighbourhoodId, t.createdAt),
    index('outbound_events_initiative_idx').on(t.initiativeId, t.createdAt),
    index('outbound_events_thread_idx').on(t.threadId, t.createdAt),
  ],
);

/** Where a site's events are POSTed; the signing secret is kept encrypted (signing needs it back). */
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    siteKey: text('site_key').notNull().references(() => sites.key),
    url: text('url').notNull(),
    eventTypes: text('event_types', { mode: 'json' }).$type<DomainEventType[]>().notNull(),
    description: text('description').notNull().default(''),
    /** AES-GCM under a key derived from CODE_SECRET (see outbound/secret-box.ts). */
    secretSealed: text('secret_sealed').notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_endpoints_site_idx').on(t.siteKey, t.id)],
);

/** One event's delivery to one endpoint; the key makes a redelivered message skip what was delivered. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    endpointId: text('endpoint_id').notNull(),
    eventId: text('event_id').notNull(),
    networkId: text('network_id').notNull().references(() => networks.id),
    eventType: text('event_type').$type<DomainEventType>().notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastResponseStatus: integer('last_response_status'),
    lastError: text('last_error'),
    lastAttemptAt: integer('last_attempt_at', { mode: 'timestamp_ms' }),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
  },
  (t) => [primaryKey({ columns: [t.endpointId, t.eventId] })],
);

/** A user follows an initiative, a thread or a neighbourhood, and hears of it by e-mail. */
export const follows = sqliteTable(
  'follows',
  {
    userId: text('user_id').notNull().references(() => users.id),
    targetType: text('target_type').$type<FollowTargetType>().notNull(),
    targetId: text('target_id').notNull(),
    networkId: text('network_id').notNull().references(() => networks.id),
    /** The site the follow was made on: its name heads the e-mails. */
    siteKey: text('site_key').notNull(),
    frequency: text('frequency').$type<FollowFrequency>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.targetType, t.targetId] }),
    index('follows_target_idx').on(t.networkId, t.targetType, t.targetId, t.frequency),
    index('follows_frequency_idx').on(t.networkId, t.frequency, t.userId),
  ],
);

/** A follower's e-mail settings: language, where links point, and up to when each digest went out. */
export const notificationSettings = sqliteTable('notification_settings', {
  userId: text('user_id').primaryKey().references(() => users.id),
  networkId: text('network_id').notNull().references(() => networks.id),
  locale: text('locale', { enum: ['nl', 'en'] }).notNull().default('nl'),
  /** The API origin links in e-mails point to (the one the user followed through), unless PUBLIC_URL is set. */
  linkOrigin: text('link_origin').notNull(),
  dailyDigestUntil: integer('daily_digest_until', { mode: 'timestamp_ms' }),
  weeklyDigestUntil: integer('weekly_digest_until', { mode: 'timestamp_ms' }),
});

/** An immediate notification claimed for sending: a redelivered event mails nobody twice. */
export const notificationSends = sqliteTable(
  'notification_sends',
  {
    userId: text('user_id').notNull(),
    eventId: text('event_id').notNull(),
    networkId: text('network_id').notNull().references(() => networks.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.eventId] })],
);

/** A single-use ticket to open a thread's live updates, kept as its SHA-256. */
export const liveTickets = sqliteTable(
  'live_tickets',
  {
    ticketHash: text('ticket_hash').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    siteKey: text('site_key').notNull(),
    threadId: text('thread_id').notNull(),
    /** Null for an anonymous viewer. */
    userId: text('user_id'),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('live_tickets_expires_idx').on(t.expiresAt)],
);
