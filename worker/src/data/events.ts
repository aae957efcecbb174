import type { Event, EventPage, Rsvp, RsvpStatus } from '@buurtplein/sdk/contract';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { comments, eventRsvps, events, threads } from '../db/community.js';
import { newId } from '../db/ids.js';
import { initiatives } from '../db/schema.js';
import { encodeCursor } from '../http/cursor.js';
import { insertCommentStatement } from './comments.js';
import type { Database, SiteScope, Write } from './database.js';
import type { NamedSiteScope } from './initiatives.js';
import { inSiteWindow } from './bound-values.js';
import { mergedRangesWithin } from './merged-ranges.js';

type EventRow = typeof events.$inferSelect;

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

/** A visible meeting's columns as D1 returns them from `selectEvents`, with its initiative's title and its minutes' thread. */
interface StoredEvent {
  id: string;
  neighbourhood_id: string;
  initiative_id: string | null;
  organiser_id: string;
  organiser_name: string;
  title: string;
  description: string;
  starts_at: number;
  ends_at: number | null;
  location: string | null;
  online_url: string | null;
  capacity: number | null;
  attendee_count: number;
  report_comment_id: string | null;
  created_at: number;
  initiative_title: string | null;
  report_thread_id: string | null;
}

/** The meeting's own columns of a `StoredEvent`. */
const ownColumns = [
  'id',
  'neighbourhood_id',
  'initiative_id',
  'organiser_id',
  'organiser_name',
  'title',
  'description',
  'starts_at',
  'ends_at',
  'location',
  'online_url',
  'capacity',
  'attendee_count',
  'report_comment_id',
  'created_at',
] as const;

/** A `StoredEvent`'s columns, by their names in `selectEvents`' result. */
const storedEventColumns = sql.raw([...ownColumns, 'initiative_title', 'report_thread_id'].join(', '));

/**
 * The visible meetings of one network and some of its neighbourhoods matching `where`, each with
 * its initiative's title and its minutes' thread. The organiser's name is a copy on the row
 * (migration 0017) and the neighbourhood's name comes from the site (`NamedSiteScope`), so only a
 * meeting of an initiative looks a row up, by key: its initiative, for the title and to leave out
 * the meetings of an initiative moderation hides; and only a meeting with minutes looks up their
 * comment (SQLite looks up no null key).
 */
function selectEvents(shown: SiteScope, where: SQL | undefined): SQL {
  const { networkId, neighbourhoodIds } = shown;
  const inWindow = neighbourhoodIds.length === 1 ? sql`e.neighbourhood_id = ${neighbourhoodIds[0]}` : inSiteWindow(sql`e.neighbourhood_id`, shown);
  return sql`select ${sql.raw(ownColumns.map((column) => `e.${column}`).join(', '))}, i.title as initiative_title, rc.thread_id as report_thread_id
    from ${events} e
      left join ${initiatives} i on i.id = e.initiative_id
      left join ${comments} rc on rc.id = e.report_comment_id
    where e.network_id = ${networkId} and ${inWindow} and e.hidden = 0 and (i.id is null or i.visibility = 'visible') and ${where ?? sql`1`}`;
}

/** A stored meeting in its wire shape. */
function storedToEvent(row: StoredEvent, scope: NamedSiteScope): Event {
  return toEvent({
    event: {
      id: row.id,
      networkId: scope.networkId,
      neighbourhoodId: row.neighbourhood_id,
      initiativeId: row.initiative_id,
      organiserId: row.organiser_id,
      title: row.title,
      description: row.description,
      startsAt: new Date(row.starts_at),
      endsAt: row.ends_at === null ? null : new Date(row.ends_at),
      location: row.location,
      onlineUrl: row.online_url,
      capacity: row.capacity,
      attendeeCount: row.attendee_count,
      reportCommentId: row.report_comment_id,
      hidden: false,
      organiserName: row.organiser_name,
      createdAt: new Date(row.created_at),
    },
    neighbourhoodName: scope.neighbourhoods.find((n) => n.id === row.neighbourhood_id)?.name ?? '',
    initiativeTitle: row.initiative_title,
    organiserName: row.organiser_name,
    reportThreadId: row.report_thread_id,
  });
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
 *
 * Each neighbourhood's meetings are one range of the (network, neighbourhood, start) index,
 * read in the page's order; the compound ORDER BY merges the ranges as they are read and stops at
 * `limit + 1` rows, instead of reading and sorting every meeting of the window. A past page starts
 * its ranges at now: a meeting ends after it starts (the API refuses otherwise), so no later start
 * can be over. An upcoming page starts its ranges as far before now as the network's longest
 * meeting lasts, since a meeting that started before now may still be running: it steps over the
 * meetings of that window that are over, not over the neighbourhood's whole history. When the
 * ranges would bind more values than D1 allows in one statement (a cursor and an initiative bind
 * ten a range), one statement reads the neighbourhoods' meetings together instead.
 */
export async function listEvents(db: Database, scope: NamedSiteScope, filter: EventFilter, now: Date = new Date()): Promise<EventPage> {
  const ids = scope.neighbourhoodIds.filter((id) => filter.neighbourhoodId === undefined || id === filter.neighbourhoodId);
  if (ids.length === 0) return { data: [], nextCursor: null };
  // One neighbourhood's meetings, or all the site shows.
  const shown: SiteScope = filter.neighbourhoodId === undefined ? scope : { networkId: scope.networkId, neighbourhoodIds: ids };
  const upcoming = filter.when === 'upcoming';
  // The cursor's meeting, looked up once; its start also bounds each range.
  const cursor = (column: 'starts_at' | 'starts_at, id') =>
    sql`(select ${sql.raw(column)} from ${events} where network_id = ${scope.networkId} and id = ${filter.afterId})`;
  // A meeting not over yet started at most as long ago as the network's longest meeting lasts (one
  // entry of the duration index): each range starts there instead of at the neighbourhood's first meeting.
  const longest = sql`(select max(coalesce(ends_at, starts_at) - starts_at) from ${events} where network_id = ${scope.networkId})`;
  const where = and(
    upcoming
      ? sql`e.starts_at >= ${now.getTime()} - ${longest} and coalesce(e.ends_at, e.starts_at) >= ${now.getTime()}`
      : sql`coalesce(e.ends_at, e.starts_at) < ${now.getTime()} and e.starts_at < ${now.getTime()}`,
    filter.initiativeId ? sql`e.initiative_id = ${filter.initiativeId}` : undefined,
    filter.afterId
      ? upcoming
        ? sql`e.starts_at >= ${cursor('starts_at')} and (e.starts_at, e.id) > ${cursor('starts_at, id')}`
        : sql`e.starts_at <= ${cursor('starts_at')} and (e.starts_at, e.id) < ${cursor('starts_at, id')}`
      : undefined,
  );
  // By start only: a tie-break by id would pass every row through a sorter, which D1 counts as
  // reads again; ties are put in order below.
  const order = sql`order by starts_at ${sql.raw(upcoming ? 'asc' : 'desc')} limit ${filter.limit + 1}`;
  // One range per neighbourhood while they fit in one statement; else one walk over them all.
  const statement =
    mergedRangesWithin(ids, (id) => selectEvents({ networkId: scope.networkId, neighbourhoodIds: [id] }, where), storedEventColumns, order) ??
    sql`${selectEvents(shown, where)} ${order}`;
  let rows = await db.all<StoredEvent>(statement);
  const probe = rows[filter.limit];
  if (probe && rows[filter.limit - 1]!.starts_at === probe.starts_at) {
    // Meetings starting at the same moment straddle the page's end: which of them it shows
    // depends on their ids, so all of them are read (rarely: it takes the same millisecond).
    const tied = await db.all<StoredEvent>(selectEvents(shown, and(where, sql`e.starts_at = ${probe.starts_at}`)));
    rows = [...rows.filter((row) => row.starts_at !== probe.starts_at), ...tied];
  }
  const direction = upcoming ? 1 : -1;
  // Ids are ASCII, so JavaScript orders them as SQLite does.
  rows.sort((a, b) => direction * (a.starts_at - b.starts_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  const pageRows = rows.slice(0, filter.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map((row) => storedToEvent(row, scope)),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.id) : null,
  };
}

/** A visible meeting the site shows; null when it does not show it. */
export async function getEvent(db: Database, scope: NamedSiteScope, id: string): Promise<Event | null> {
  if (scope.neighbourhoodIds.length === 0) return null;
  const [row] = await db.all<StoredEvent>(sql`${selectEvents(scope, sql`e.id = ${id}`)} limit 1`);
  return row ? storedToEvent(row, scope) : null;
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
