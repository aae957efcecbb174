import type { Event, EventPage, Rsvp, RsvpStatus } from '@buurtplein/sdk/contract';
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { BatchItem } from 'drizzle-orm/batch';
import { comments, eventRsvps, events, threads } from '../db/community.js';
import { newId } from '../db/ids.js';
import { initiatives, neighbourhoods } from '../db/schema.js';
import { encodeCursor } from '../http/cursor.js';
import { insertCommentStatement } from './comments.js';
import type { Database, SiteScope, Write } from './database.js';

type EventRow = typeof events.$inferSelect;

const reportComments = alias(comments, 'report_comments');

const eventColumns = {
  event: events,
  neighbourhoodName: neighbourhoods.name,
  initiativeTitle: initiatives.title,
  organiserName: events.organiserName,
  reportThreadId: reportComments.threadId,
};

interface EventSelection {
  event: EventRow;
  neighbourhoodName: string;
  initiativeTitle: string | null;
  organiserName: string;
  reportThreadId: string | null;
}

/** Turns a meeting with its neighbourhood, initiative and organiser into its wire shape. */
export function toEvent(row: EventSelection): Event {
  const { event } = row;
  return {
    id: event.id,
    title: event.title,
    description: event.description,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt?.toISOString() ?? null,
    location: event.location,
    onlineUrl: event.onlineUrl,
    capacity: event.capacity,
    attendeeCount: event.attendeeCount,
    neighbourhood: { id: event.neighbourhoodId, name: row.neighbourhoodName },
    initiative: event.initiativeId && row.initiativeTitle !== null ? { id: event.initiativeId, title: row.initiativeTitle } : null,
    organiser: { id: event.organiserId, displayName: row.organiserName },
    report: event.reportCommentId && row.reportThreadId ? { commentId: event.reportCommentId, threadId: row.reportThreadId } : null,
    createdAt: event.createdAt.toISOString(),
  };
}

/** When a meeting is over: its end, or its start when it has no end. */
const endOf = sql`coalesce(${events.endsAt}, ${events.startsAt})`;

/**
 * Visible meetings with what their wire shape shows, kept inside the site's window. The row
 * carries its organiser's name (a copy kept by triggers, migration 0017): no user is read per meeting.
 */
function selectEvents(db: Database, scope: SiteScope, where: SQL | undefined) {
  return db
    .select(eventColumns)
    .from(events)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, events.neighbourhoodId))
    .leftJoin(initiatives, eq(initiatives.id, events.initiativeId))
    .leftJoin(reportComments, eq(reportComments.id, events.reportCommentId))
    .where(
      and(
        eq(events.networkId, scope.networkId),
        inArray(events.neighbourhoodId, [...scope.neighbourhoodIds]),
        eq(events.hidden, false),
        sql`(${initiatives.id} is null or ${initiatives.visibility} = 'visible')`,
        where,
      ),
    );
}

/** Filters of a meeting list, already checked against the site. */
export interface EventFilter {
  initiativeId?: string;
  neighbourhoodId?: string;
  /** Upcoming: not over yet, soonest first. Past: over, latest first. */
  when: 'upcoming' | 'past';
  /** Continue after this meeting (from the cursor). */
  afterId?: string;
  limit: number;
}

/**
 * One page of the meetings a site shows. The order is by start time, so the cursor names the
 * last meeting and the next page continues after its (start, id) pair.
 */
export async function listEvents(db: Database, scope: SiteScope, filter: EventFilter, now: Date = new Date()): Promise<EventPage> {
  if (scope.neighbourhoodIds.length === 0) return { data: [], nextCursor: null };
  const upcoming = filter.when === 'upcoming';
  const after = filter.afterId
    ? upcoming
      ? sql`(${events.startsAt}, ${events.id}) > (select starts_at, id from events where id = ${filter.afterId})`
      : sql`(${events.startsAt}, ${events.id}) < (select starts_at, id from events where id = ${filter.afterId})`
    : undefined;
  const rows = await selectEvents(
    db,
    scope,
    and(
      upcoming ? gte(endOf, now.getTime()) : lt(endOf, now.getTime()),
      filter.initiativeId ? eq(events.initiativeId, filter.initiativeId) : undefined,
      filter.neighbourhoodId ? eq(events.neighbourhoodId, filter.neighbourhoodId) : undefined,
      after,
    ),
  )
    .orderBy(...(upcoming ? [asc(events.startsAt), asc(events.id)] : [desc(events.startsAt), desc(events.id)]))
    .limit(filter.limit + 1);
  const pageRows = rows.slice(0, filter.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map(toEvent),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.event.id) : null,
  };
}

/** A visible meeting the site shows; null when it does not show it. */
export async function getEvent(db: Database, scope: SiteScope, id: string): Promise<Event | null> {
  if (scope.neighbourhoodIds.length === 0) return null;
  const [row] = await selectEvents(db, scope, eq(events.id, id)).limit(1);
  return row ? toEvent(row) : null;
}

/** A new meeting, checked against the site: the neighbourhood is the initiative's for an initiative's meeting. */
export interface NewEvent {
  neighbourhood: { id: string; name: string };
  initiative: { id: string; title: string } | null;
  organiser: { id: string; displayName: string };
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
  onlineUrl: string | null;
  capacity: number | null;
}

/** Plans a new meeting. */
export function createEvent(db: Database, networkId: string, input: NewEvent, now: Date = new Date()): Write<Event> {
  const row: EventRow = {
    id: newId(now.getTime()),
    networkId,
    neighbourhoodId: input.neighbourhood.id,
    initiativeId: input.initiative?.id ?? null,
    organiserId: input.organiser.id,
    title: input.title,
    description: input.description,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    location: input.location,
    onlineUrl: input.onlineUrl,
    capacity: input.capacity,
    attendeeCount: 0,
    reportCommentId: null,
    hidden: false,
    organiserName: input.organiser.displayName,
    createdAt: now,
  };
  return {
    statements: [db.insert(events).values(row)],
    result: toEvent({
      event: row,
      neighbourhoodName: input.neighbourhood.name,
      initiativeTitle: input.initiative?.title ?? null,
      organiserName: input.organiser.displayName,
      reportThreadId: null,
    }),
  };
}

/** The user's current answer to a meeting, if any. */
export async function findRsvp(db: Database, networkId: string, eventId: string, userId: string): Promise<RsvpStatus | null> {
  const [row] = await db
    .select({ status: eventRsvps.status })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.networkId, networkId), eq(eventRsvps.eventId, eventId), eq(eventRsvps.userId, userId)))
    .limit(1);
  return row?.status ?? null;
}

/**
 * Plans a user's answer to a meeting. Capacity is not checked here: a trigger refuses a `going`
 * that would over-book, inside the same transaction (see `isEventFullError`). Repeating the
 * current answer writes nothing, so a confirmed place is never refused on a full meeting.
 */
export function setRsvp(db: Database, networkId: string, eventId: string, userId: string, status: RsvpStatus, current: RsvpStatus | null): Write<Rsvp> {
  const unchanged = db
    .select({ status: eventRsvps.status })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.userId, userId)));
  const upsert = db
    .insert(eventRsvps)
    .values({ networkId, eventId, userId, status })
    .onConflictDoUpdate({ target: [eventRsvps.eventId, eventRsvps.userId], set: { status } });
  return { statements: [current === status ? unchanged : upsert], result: { eventId, status } };
}

/**
 * Whether a failed write was the capacity trigger's `RAISE(ABORT, 'event-full')`. D1 reports a
 * trigger's abort only as an error message, so this is the one place that reads it.
 */
export function isEventFullError(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (/\bevent-full\b/.test(e.message)) return true;
  }
  return false;
}

/** Where a meeting's minutes go: a thread, with the statements that create it when it is new. */
export interface ReportThread {
  id: string;
  create: BatchItem<'sqlite'>[];
}

/**
 * Plans the thread of an initiative that has none yet (initiatives started before threads
 * existed), so its meeting's minutes have a place to go.
 */
export function newInitiativeThread(
  db: Database,
  networkId: string,
  initiative: { id: string; title: string; neighbourhoodId: string },
  authorId: string,
  now: Date = new Date(),
): ReportThread {
  const id = newId(now.getTime());
  return {
    id,
    create: [
      db.insert(threads).values({
        id,
        networkId,
        neighbourhoodId: initiative.neighbourhoodId,
        initiativeId: initiative.id,
        kind: 'initiative',
        title: initiative.title,
        authorId,
        lastActivityAt: now,
        createdAt: now,
      }),
    ],
  };
}

/**
 * Plans writing a meeting's minutes back: a `report` comment in the thread (created first when
 * new) and the meeting's link to it, in one batch. The link is set only if no report beat it.
 */
export function addReport(db: Database, networkId: string, event: Event, thread: ReportThread, authorId: string, body: string, now: Date = new Date()): Write<Event> {
  const commentId = newId(now.getTime());
  const [first, ...rest]: BatchItem<'sqlite'>[] = [
    ...thread.create,
    insertCommentStatement(db, { id: commentId, networkId, threadId: thread.id, authorId, body, kind: 'report', eventId: event.id, createdAt: now }),
    db
      .update(events)
      .set({ reportCommentId: commentId })
      .where(and(eq(events.networkId, networkId), eq(events.id, event.id), isNull(events.reportCommentId))),
  ];
  return { statements: [first!, ...rest], result: { ...event, report: { commentId, threadId: thread.id } } };
}
