import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { InitiativeStatus } from '@buurtplein/sdk/contract';
import { initiatives, neighbourhoods, networks, organisations, users } from './schema.js';

/**
 * The neighbourhood's community life around initiatives: people, discussion, help and meetings.
 * Counters on parent rows (supporters, members, comments, attendees) are kept by triggers in
 * migration 0003, so they change in the same transaction as the rows they count. Search over
 * initiatives is an FTS5 table, also in 0003 (drizzle-kit cannot express virtual tables).
 */

const now = sql`(unixepoch('subsec') * 1000)`;
const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now);

/** Every status change of an initiative, public: the initiative's history. */
export const initiativeStatusChanges = sqliteTable(
  'initiative_status_changes',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    initiativeId: text('initiative_id').notNull().references(() => initiatives.id),
    fromStatus: text('from_status').$type<InitiativeStatus>(),
    toStatus: text('to_status').$type<InitiativeStatus>().notNull(),
    changedBy: text('changed_by').notNull().references(() => users.id),
    /** The name of who changed it, as the initiative's page shows it; kept by triggers (migration 0017). */
    changedByName: text('changed_by_name').notNull().default(''),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('status_changes_initiative_idx').on(t.initiativeId, t.id),
    // A user's entries, for the triggers that rename them and for the user's export.
    index('status_changes_user_idx').on(t.networkId, t.changedBy),
  ],
);

/** Who carries an initiative: one owner, organisers and members; professionals only when invited. */
export const memberships = sqliteTable(
  'memberships',
  {
    networkId: text('network_id').notNull().references(() => networks.id),
    initiativeId: text('initiative_id').notNull().references(() => initiatives.id),
    userId: text('user_id').notNull().references(() => users.id),
    role: text('role', { enum: ['owner', 'organiser', 'member'] }).notNull(),
    /** `invited` until the invited user accepts; only `active` memberships count. */
    status: text('status', { enum: ['invited', 'active'] }).notNull().default('active'),
    invitedBy: text('invited_by').references(() => users.id),
    /**
     * The member as the initiative's page shows them: their name and, for a professional, their
     * organisation. Copies kept by triggers (migration 0017), so the page reads no user per member.
     */
    userName: text('user_name').notNull().default(''),
    userOrganisationId: text('user_organisation_id'),
    userOrganisationName: text('user_organisation_name'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.initiativeId, t.userId] }),
    index('memberships_user_idx').on(t.networkId, t.userId),
    // The memberships naming an organisation, for the trigger that renames it.
    index('memberships_organisation_idx').on(t.networkId, t.userOrganisationId).where(sql`${t.userOrganisationId} is not null`),
    // An initiative's active members in the order its page shows them (owner, organisers, members;
    // `role desc` is that order), so the page reads its first few without sorting them all.
    index('memberships_page_idx').on(t.initiativeId, t.status, sql`role desc`, t.createdAt, t.userId),
  ],
);

/** A resident's +1 for an initiative; one per user. */
export const supports = sqliteTable(
  'supports',
  {
    networkId: text('network_id').notNull().references(() => networks.id),
    initiativeId: text('initiative_id').notNull().references(() => initiatives.id),
    userId: text('user_id').notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.userId] })],
);

/** A progress post by an organiser: the initiative's timeline. */
export const initiativeUpdates = sqliteTable(
  'initiative_updates',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    initiativeId: text('initiative_id').notNull().references(() => initiatives.id),
    authorId: text('author_id').notNull().references(() => users.id),
    /** The author's name as the initiative's page shows it; kept by triggers (migration 0017). */
    authorName: text('author_name').notNull().default(''),
    body: text('body').notNull(),
    hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('updates_initiative_idx').on(t.initiativeId, t.id),
    // A user's updates, for the triggers that rename them and for the user's export and deletion.
    index('updates_author_idx').on(t.networkId, t.authorId),
  ],
);

/** A discussion: each initiative has one; neighbourhoods have topic threads. */
export const threads = sqliteTable(
  'threads',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    neighbourhoodId: text('neighbourhood_id').notNull().references(() => neighbourhoods.id),
    /** Set for an initiative's own thread, null for a neighbourhood topic. */
    initiativeId: text('initiative_id').references(() => initiatives.id),
    kind: text('kind', { enum: ['initiative', 'topic'] }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    authorId: text('author_id').notNull().references(() => users.id),
    commentCount: integer('comment_count').notNull().default(0),
    lastActivityAt: integer('last_activity_at', { mode: 'timestamp_ms' }).notNull().default(now),
    hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('threads_neighbourhood_idx').on(t.networkId, t.neighbourhoodId, t.kind, t.id),
    uniqueIndex('threads_initiative_idx').on(t.initiativeId),
  ],
);

/** A comment in a thread; replies nest to a bounded depth. A deleted comment with replies stays as a tombstone. */
export const comments = sqliteTable(
  'comments',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    threadId: text('thread_id').notNull().references(() => threads.id),
    parentId: text('parent_id'),
    depth: integer('depth').notNull().default(0),
    authorId: text('author_id').notNull().references(() => users.id),
    body: text('body').notNull(),
    /** `report` is a meeting's minutes written back to the thread. */
    kind: text('kind', { enum: ['comment', 'report'] }).notNull().default('comment'),
    eventId: text('event_id'),
    status: text('status', { enum: ['visible', 'deleted', 'hidden', 'pending'] }).notNull().default('visible'),
    replyCount: integer('reply_count').notNull().default(0),
    createdAt: createdAt(),
    editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('comments_thread_idx').on(t.threadId, t.parentId, t.id),
    index('comments_author_idx').on(t.networkId, t.authorId),
    // The moderation queue's comments waiting for pre-moderation, oldest first, without reading the network's others.
    index('comments_pending_idx').on(t.networkId, t.id).where(sql`status = 'pending'`),
  ],
);

/** What a professional offers the neighbourhood: expertise and the neighbourhoods they serve. */
export const professionalProfiles = sqliteTable('professional_profiles', {
  userId: text('user_id').primaryKey().references(() => users.id),
  networkId: text('network_id').notNull().references(() => networks.id),
  jobTitle: text('job_title').notNull().default(''),
  bio: text('bio').notNull().default(''),
  expertise: text('expertise', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
});

/** The neighbourhoods a professional serves. */
export const professionalNeighbourhoods = sqliteTable(
  'professional_neighbourhoods',
  {
    userId: text('user_id').notNull().references(() => users.id),
    neighbourhoodId: text('neighbourhood_id').notNull().references(() => neighbourhoods.id),
    networkId: text('network_id').notNull().references(() => networks.id),
  },
  (t) => [
    primaryKey({ columns: [t.neighbourhoodId, t.userId] }),
    // A professional's own neighbourhoods, for `GET /me` and signing in, read from the index alone.
    index('professional_neighbourhoods_user_idx').on(t.networkId, t.userId, t.neighbourhoodId),
  ],
);

/** Help a professional offers an initiative; the owner accepts or declines, in the open. */
export const helpOffers = sqliteTable(
  'help_offers',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    initiativeId: text('initiative_id').notNull().references(() => initiatives.id),
    professionalId: text('professional_id').notNull().references(() => users.id),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    status: text('status', { enum: ['offered', 'accepted', 'declined', 'withdrawn', 'fulfilled'] }).notNull().default('offered'),
    respondedBy: text('responded_by').references(() => users.id),
    respondedAt: integer('responded_at', { mode: 'timestamp_ms' }),
    fulfilledAt: integer('fulfilled_at', { mode: 'timestamp_ms' }),
    /** The professional and organisation as the initiative's page shows them; copies kept by triggers (migration 0017). */
    professionalName: text('professional_name').notNull().default(''),
    /** Null when the professional has no profile (any more). */
    professionalJobTitle: text('professional_job_title'),
    organisationName: text('organisation_name').notNull().default(''),
    organisationKind: text('organisation_kind', { enum: organisations.kind.enumValues }).notNull().default('other'),
    createdAt: createdAt(),
  },
  (t) => [
    index('offers_initiative_idx').on(t.initiativeId, t.id),
    index('offers_organisation_idx').on(t.networkId, t.organisationId, t.createdAt),
    // A professional's offers, for the triggers that rename them and for the user's export.
    index('offers_professional_idx').on(t.networkId, t.professionalId),
  ],
);

/** A meeting, offline or online, optionally of an initiative. */
export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    neighbourhoodId: text('neighbourhood_id').notNull().references(() => neighbourhoods.id),
    initiativeId: text('initiative_id').references(() => initiatives.id),
    organiserId: text('organiser_id').notNull().references(() => users.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }),
    location: text('location'),
    onlineUrl: text('online_url'),
    /** Null for no limit. */
    capacity: integer('capacity'),
    attendeeCount: integer('attendee_count').notNull().default(0),
    reportCommentId: text('report_comment_id'),
    hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
    /** The organiser's name as an initiative's page shows it; kept by triggers (migration 0017). */
    organiserName: text('organiser_name').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('events_neighbourhood_idx').on(t.networkId, t.neighbourhoodId, t.startsAt),
    index('events_initiative_idx').on(t.initiativeId, t.startsAt),
    // A user's meetings, for the trigger that renames them and for the user's export.
    index('events_organiser_idx').on(t.networkId, t.organiserId),
    // How long a network's meetings last, longest last: how far back an upcoming list must look for
    // meetings that started but are not over (worker/src/data/events.ts).
    index('events_duration_idx').on(t.networkId, sql`(coalesce(ends_at, starts_at) - starts_at)`),
  ],
);

/** A resident's answer to a meeting; only `going` takes a place. */
export const eventRsvps = sqliteTable(
  'event_rsvps',
  {
    networkId: text('network_id').notNull().references(() => networks.id),
    eventId: text('event_id').notNull().references(() => events.id),
    userId: text('user_id').notNull().references(() => users.id),
    status: text('status', { enum: ['going', 'not_going'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] })],
);
