import type {
  ModerationLogEntry,
  ModerationLogPage,
  ModerationQueueItem,
  ModerationState,
  ModerationTargetType,
  ReportReason,
} from '@buurtplein/sdk/contract';
import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { comments, events, initiativeUpdates, threads } from '../db/community.js';
import { newId } from '../db/ids.js';
import { moderationLog, reports, userBlocks } from '../db/moderation.js';
import { initiatives, users } from '../db/schema.js';
import { encodeCursor } from '../http/cursor.js';
import type { Database, SiteScope, Statements } from './database.js';
import { markListedStale } from './similar-refresh.js';
import { inSiteWindow } from './bound-values.js';

/**
 * Moderation: what a report or a decision points at, hiding and restoring it, blocks and the
 * append-only audit log. Every query is scoped by network; content is found only inside the
 * site's window, like every other read.
 */

/** A piece of content as moderation sees it. */
export interface ModerationTarget {
  type: ModerationTargetType;
  id: string;
  networkId: string;
  neighbourhoodId: string;
  authorId: string;
  /** `deleted` only for a comment its author deleted (a tombstone). */
  state: ModerationState | 'deleted';
  /** Whether what it belongs to (its thread, its initiative) shows; a report needs both to show. */
  parentShown: boolean;
  /** Its text, for the moderator and for the statement of reasons; never sent to the public. */
  text: string;
}

const initiativeShown = sql<number>`(${initiatives.id} is null or ${initiatives.visibility} = 'visible')`;
const threadNeighbourhood = sql<string>`coalesce(${initiatives.neighbourhoodId}, ${threads.neighbourhoodId})`;

const hiddenState = (hidden: boolean): ModerationState => (hidden ? 'hidden' : 'visible');

/** The statement that reads a target of any state in the network, and how its row becomes the target. */
interface TargetRead {
  statement: BatchItem<'sqlite'> & PromiseLike<unknown[]>;
  toTarget(rows: unknown[]): ModerationTarget | null;
}

/** Plans reading a target of any state in the network (the caller checks the window), so several can go in one batch. */
function targetRead(db: Database, networkId: string, type: ModerationTargetType, id: string): TargetRead {
  const base = { type, id, networkId };
  /** The read's statement and the mapping of its first row, typed by the select. */
  const read = <Row>(statement: BatchItem<'sqlite'> & PromiseLike<Row[]>, map: (row: Row) => Omit<ModerationTarget, keyof typeof base>): TargetRead => ({
    statement,
    toTarget: (rows) => (rows[0] ? { ...base, ...map(rows[0] as Row) } : null),
  });
  switch (type) {
    case 'initiative':
      return read(
        db
          .select({ n: initiatives.neighbourhoodId, author: initiatives.ownerId, state: initiatives.visibility, title: initiatives.title, summary: initiatives.summary, body: initiatives.body })
          .from(initiatives)
          .where(and(eq(initiatives.networkId, networkId), eq(initiatives.id, id)))
          .limit(1),
        (r) => ({ neighbourhoodId: r.n, authorId: r.author, state: r.state, parentShown: true, text: [r.title, r.summary, r.body].filter(Boolean).join('\n\n') }),
      );
    case 'comment':
      return read(
        db
          .select({ n: threadNeighbourhood, author: comments.authorId, state: comments.status, body: comments.body, threadHidden: threads.hidden, shown: initiativeShown })
          .from(comments)
          .innerJoin(threads, and(eq(threads.id, comments.threadId), eq(threads.networkId, networkId)))
          .leftJoin(initiatives, and(eq(initiatives.id, threads.initiativeId), eq(initiatives.networkId, networkId)))
          .where(and(eq(comments.networkId, networkId), eq(comments.id, id)))
          .limit(1),
        (r) => ({ neighbourhoodId: r.n, authorId: r.author, state: r.state, parentShown: !r.threadHidden && Boolean(r.shown), text: r.body }),
      );
    case 'update':
      return read(
        db
          .select({ n: initiatives.neighbourhoodId, author: initiativeUpdates.authorId, hidden: initiativeUpdates.hidden, body: initiativeUpdates.body, shown: initiativeShown })
          .from(initiativeUpdates)
          .innerJoin(initiatives, and(eq(initiatives.id, initiativeUpdates.initiativeId), eq(initiatives.networkId, networkId)))
          .where(and(eq(initiativeUpdates.networkId, networkId), eq(initiativeUpdates.id, id)))
          .limit(1),
        (r) => ({ neighbourhoodId: r.n, authorId: r.author, state: hiddenState(r.hidden), parentShown: Boolean(r.shown), text: r.body }),
      );
    case 'event':
      return read(
        db
          .select({ n: events.neighbourhoodId, author: events.organiserId, hidden: events.hidden, title: events.title, description: events.description, shown: initiativeShown })
          .from(events)
          .leftJoin(initiatives, and(eq(initiatives.id, events.initiativeId), eq(initiatives.networkId, networkId)))
          .where(and(eq(events.networkId, networkId), eq(events.id, id)))
          .limit(1),
        (r) => ({ neighbourhoodId: r.n, authorId: r.author, state: hiddenState(r.hidden), parentShown: Boolean(r.shown), text: [r.title, r.description].filter(Boolean).join('\n\n') }),
      );
    case 'thread':
      return read(
        db
          .select({ n: threadNeighbourhood, author: threads.authorId, hidden: threads.hidden, title: threads.title, body: threads.body, shown: initiativeShown })
          .from(threads)
          .leftJoin(initiatives, and(eq(initiatives.id, threads.initiativeId), eq(initiatives.networkId, networkId)))
          .where(and(eq(threads.networkId, networkId), eq(threads.id, id)))
          .limit(1),
        (r) => ({ neighbourhoodId: r.n, authorId: r.author, state: hiddenState(r.hidden), parentShown: Boolean(r.shown), text: [r.title, r.body].filter(Boolean).join('\n\n') }),
      );
  }
}

/** The target if the site shows its neighbourhood. */
function inWindow(scope: SiteScope, target: ModerationTarget | null): ModerationTarget | null {
  return target && scope.neighbourhoodIds.includes(target.neighbourhoodId) ? target : null;
}

/** A target inside the site's window, whatever its state; null when the site does not show its neighbourhood. */
export async function findTarget(db: Database, scope: SiteScope, type: ModerationTargetType, id: string): Promise<ModerationTarget | null> {
  const { statement, toTarget } = targetRead(db, scope.networkId, type, id);
  return inWindow(scope, toTarget(await statement));
}

/** Whether the public sees the target: it and everything it belongs to show. */
export function isPublic(target: ModerationTarget): boolean {
  return target.state === 'visible' && target.parentShown;
}

/** The condition, on the target's own table, that it shows now. */
function shownNow(type: ModerationTargetType): SQL {
  switch (type) {
    case 'initiative':
      return sql`${initiatives.visibility} = 'visible'`;
    case 'comment':
      return sql`${comments.status} = 'visible'`;
    case 'update':
      return sql`${initiativeUpdates.hidden} = 0`;
    case 'event':
      return sql`${events.hidden} = 0`;
    case 'thread':
      return sql`${threads.hidden} = 0`;
  }
}

/** `exists` over the target's own row with an extra condition. */
function targetRowWhere(db: Database, target: Pick<ModerationTarget, 'type' | 'id' | 'networkId'>, condition: SQL): SQL {
  const table = { initiative: initiatives, comment: comments, update: initiativeUpdates, event: events, thread: threads }[target.type];
  const row = db
    .select({ one: sql`1` })
    .from(table)
    .where(and(eq(table.networkId, target.networkId), eq(table.id, target.id), condition));
  return sql`exists ${row}`;
}

/**
 * The statement that shows or hides a target. `onlyIf` adds a condition checked when the batch
 * runs (auto-hide: only once the reports reach the threshold). A deleted comment stays deleted.
 */
export function setTargetState(
  db: Database,
  target: Pick<ModerationTarget, 'type' | 'id' | 'networkId'>,
  state: 'visible' | 'hidden',
  onlyIf?: SQL,
): BatchItem<'sqlite'> {
  const { networkId, id } = target;
  const hidden = state === 'hidden';
  switch (target.type) {
    case 'initiative':
      return db.update(initiatives).set({ visibility: state }).where(and(eq(initiatives.networkId, networkId), eq(initiatives.id, id), onlyIf));
    case 'comment':
      return db
        .update(comments)
        .set({ status: state })
        .where(and(eq(comments.networkId, networkId), eq(comments.id, id), inArray(comments.status, ['visible', 'hidden', 'pending']), onlyIf));
    case 'update':
      return db.update(initiativeUpdates).set({ hidden }).where(and(eq(initiativeUpdates.networkId, networkId), eq(initiativeUpdates.id, id), onlyIf));
    case 'event':
      return db.update(events).set({ hidden }).where(and(eq(events.networkId, networkId), eq(events.id, id), onlyIf));
    case 'thread':
      return db.update(threads).set({ hidden }).where(and(eq(threads.networkId, networkId), eq(threads.id, id), onlyIf));
  }
}

/** The number of open reports (one per user) on a target, as SQL evaluated when the batch runs. */
function openReportCount(target: Pick<ModerationTarget, 'type' | 'id' | 'networkId'>): SQL {
  return sql`(select count(*) from ${reports} where ${reports.networkId} = ${target.networkId} and ${reports.targetType} = ${target.type} and ${reports.targetId} = ${target.id} and ${reports.status} = 'open')`;
}

/** An audit log entry to write. */
export interface NewLogEntry {
  id?: string;
  networkId: string;
  siteKey: string;
  action: ModerationLogEntry['action'];
  targetType: ModerationTargetType | null;
  targetId: string | null;
  userId: string | null;
  /** Null when the system acts. */
  actorId: string | null;
  reason: string;
  createdAt: Date;
}

type LogRow = typeof moderationLog.$inferSelect;

/** Turns an audit log row into its wire shape. */
export function toLogEntry(row: LogRow): ModerationLogEntry {
  return {
    id: row.id,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    userId: row.userId,
    actor: { kind: row.actorId === null ? 'system' : 'user', id: row.actorId },
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
  };
}

function logRow(entry: NewLogEntry): LogRow {
  return { ...entry, id: entry.id ?? newId(entry.createdAt.getTime()) };
}

/**
 * The statements of an auto-hide, for the batch of the report that may cross the threshold:
 * an audit entry by the system and the hide, both only when, as the batch runs, the target
 * still shows and has at least `threshold` open reports. The entry comes first, while the
 * target still shows. Whether it happened: `wasLogged(db, networkId, entryId)` after the commit.
 */
export function autoHideStatements(
  db: Database,
  siteKey: string,
  target: ModerationTarget,
  threshold: number,
  entryId: string,
  now: Date,
): BatchItem<'sqlite'>[] {
  const crossed = sql`${openReportCount(target)} >= ${threshold}`;
  const reason = `Automatisch verborgen na ${threshold} meldingen van verschillende mensen, tot een moderator ernaar kijkt.`;
  return [
    // Columns in the table's order, as an insert … select needs them.
    db
      .insert(moderationLog)
      .select(
        sql`select ${entryId}, ${target.networkId}, ${siteKey}, 'auto-hide', ${target.type}, ${target.id}, ${target.authorId}, null, ${reason}, ${now.getTime()}
          where ${crossed} and ${targetRowWhere(db, target, shownNow(target.type))}`,
      ),
    setTargetState(db, target, 'hidden', and(shownNow(target.type), crossed)),
  ];
}

/** The audit entry with this id, when it was written. */
export async function findLogEntry(db: Database, networkId: string, id: string): Promise<ModerationLogEntry | null> {
  const [row] = await db
    .select()
    .from(moderationLog)
    .where(and(eq(moderationLog.networkId, networkId), eq(moderationLog.id, id)))
    .limit(1);
  return row ? toLogEntry(row) : null;
}

/** The statement that closes a target's open reports, as handled (`resolved`) or unfounded (`dismissed`). */
export function closeReports(db: Database, target: Pick<ModerationTarget, 'type' | 'id' | 'networkId'>, status: 'resolved' | 'dismissed', now: Date): BatchItem<'sqlite'> {
  return db
    .update(reports)
    .set({ status, closedAt: now })
    .where(and(eq(reports.networkId, target.networkId), eq(reports.targetType, target.type), eq(reports.targetId, target.id), eq(reports.status, 'open')));
}

/** A decision on content, planned: the change, its reports closed, its audit entry. */
export function decideOnTarget(
  db: Database,
  siteKey: string,
  target: ModerationTarget,
  decision: { action: 'hide' | 'restore' | 'dismiss'; actorId: string; reason: string },
  now = new Date(),
): { statements: Statements; entry: ModerationLogEntry } {
  const row = logRow({
    networkId: target.networkId,
    siteKey,
    action: decision.action,
    targetType: target.type,
    targetId: target.id,
    userId: target.authorId,
    actorId: decision.actorId,
    reason: decision.reason,
    createdAt: now,
  });
  const statements: Statements = [db.insert(moderationLog).values(row)];
  if (decision.action === 'dismiss') {
    statements.push(closeReports(db, target, 'dismissed', now));
  } else {
    statements.push(setTargetState(db, target, decision.action === 'hide' ? 'hidden' : 'visible'), closeReports(db, target, 'resolved', now));
    // The initiatives it resembles list it again once it shows, and fill its place once it does
    // not (their pages already leave out what does not show).
    if (target.type === 'initiative') statements.push(markListedStale(db, target.networkId, target.id, now));
  }
  return { statements, entry: toLogEntry(row) };
}

/** A block or unblock, planned, with its audit entry. */
export function decideOnUser(
  db: Database,
  siteKey: string,
  networkId: string,
  decision: { action: 'block-user' | 'unblock-user'; userId: string; actorId: string; reason: string },
  now = new Date(),
): { statements: Statements; entry: ModerationLogEntry } {
  const row = logRow({
    networkId,
    siteKey,
    action: decision.action,
    targetType: null,
    targetId: null,
    userId: decision.userId,
    actorId: decision.actorId,
    reason: decision.reason,
    createdAt: now,
  });
  const change =
    decision.action === 'block-user'
      ? db.insert(userBlocks).values({ networkId, userId: decision.userId, blockedBy: decision.actorId, createdAt: now }).onConflictDoNothing()
      : db.delete(userBlocks).where(and(eq(userBlocks.networkId, networkId), eq(userBlocks.userId, decision.userId)));
  return { statements: [db.insert(moderationLog).values(row), change], entry: toLogEntry(row) };
}

/** Whether a moderator blocked the user. */
export async function isBlocked(db: Database, networkId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: userBlocks.userId })
    .from(userBlocks)
    .where(and(eq(userBlocks.networkId, networkId), eq(userBlocks.userId, userId)))
    .limit(1);
  return row !== undefined;
}

/** The e-mail address and name of a user of the network, for a statement of reasons. */
export async function findContact(db: Database, networkId: string, userId: string): Promise<{ email: string | null; displayName: string } | null> {
  const [row] = await db
    .select({ email: users.email, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.networkId, networkId), eq(users.id, userId)))
    .limit(1);
  return row ?? null;
}

/** Whether the user's posts still wait for a moderator: a resident with fewer than `firstPosts` shown posts. */
export async function needsPremoderation(db: Database, networkId: string, userId: string, firstPosts: number): Promise<boolean> {
  if (firstPosts <= 0) return false;
  const [row] = await db
    .select({
      shown: sql<number>`(select count(*) from ${initiatives} where ${initiatives.networkId} = ${networkId} and ${initiatives.ownerId} = ${userId} and ${initiatives.visibility} = 'visible')
        + (select count(*) from ${comments} where ${comments.networkId} = ${networkId} and ${comments.authorId} = ${userId} and ${comments.status} = 'visible')`,
    })
    .from(users)
    .where(and(eq(users.networkId, networkId), eq(users.id, userId)))
    .limit(1);
  return (row?.shown ?? 0) < firstPosts;
}

/** How many items the queue shows at most. */
const QUEUE_SIZE = 100;

/**
 * The moderation queue of the site's window: reported content with its open reports grouped
 * (most reported first, then oldest report first), then posts waiting for pre-moderation.
 */
export async function moderationQueue(db: Database, scope: SiteScope): Promise<ModerationQueueItem[]> {
  if (scope.neighbourhoodIds.length === 0) return [];
  const open = await db
    .select({ targetType: reports.targetType, targetId: reports.targetId, reason: reports.reason, note: reports.note, createdAt: reports.createdAt })
    .from(reports)
    .where(and(eq(reports.networkId, scope.networkId), eq(reports.status, 'open'), inSiteWindow(reports.neighbourhoodId, scope)))
    .orderBy(asc(reports.id))
    .limit(2000);
  const grouped = new Map<string, { type: ModerationTargetType; id: string; count: number; reasons: Map<ReportReason, number>; notes: string[]; first: Date }>();
  for (const r of open) {
    const key = `${r.targetType}:${r.targetId}`;
    let group = grouped.get(key);
    if (!group) {
      group = { type: r.targetType, id: r.targetId, count: 0, reasons: new Map(), notes: [], first: r.createdAt };
      grouped.set(key, group);
    }
    group.count += 1;
    group.reasons.set(r.reason, (group.reasons.get(r.reason) ?? 0) + 1);
    if (r.note) group.notes.push(r.note);
  }
  const ordered = [...grouped.values()].sort((a, b) => b.count - a.count || a.first.getTime() - b.first.getTime()).slice(0, QUEUE_SIZE);

  const [pendingInitiatives, pendingComments] = await Promise.all([
    db
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(and(eq(initiatives.networkId, scope.networkId), inSiteWindow(initiatives.neighbourhoodId, scope), eq(initiatives.visibility, 'pending')))
      .orderBy(asc(initiatives.id))
      .limit(QUEUE_SIZE),
    // The window's own: the network's other sites' waiting comments must not crowd them out.
    db
      .select({ id: comments.id })
      .from(comments)
      .innerJoin(threads, and(eq(threads.id, comments.threadId), eq(threads.networkId, scope.networkId)))
      .leftJoin(initiatives, and(eq(initiatives.id, threads.initiativeId), eq(initiatives.networkId, scope.networkId)))
      // A literal, as the partial index `comments_pending_idx` is written, so SQLite walks it.
      .where(and(eq(comments.networkId, scope.networkId), sql`${comments.status} = 'pending'`, inSiteWindow(threadNeighbourhood, scope)))
      .orderBy(asc(comments.id))
      .limit(QUEUE_SIZE),
  ]);
  const pending = [
    ...pendingInitiatives.map((r) => ({ type: 'initiative' as const, id: r.id })),
    ...pendingComments.map((r) => ({ type: 'comment' as const, id: r.id })),
  ].filter((p) => !grouped.has(`${p.type}:${p.id}`));

  const items = [
    ...ordered.map((g) => ({ ...g, reported: true })),
    ...pending.map((p) => ({ ...p, count: 0, reasons: new Map<ReportReason, number>(), notes: [] as string[], first: null as Date | null, reported: false })),
  ].slice(0, QUEUE_SIZE);
  // Every item's target in one batch: one round trip, however long the queue.
  const reads = items.map((item) => targetRead(db, scope.networkId, item.type, item.id));
  const [first, ...rest] = reads.map((read) => read.statement);
  const rows = first ? ((await db.batch([first, ...rest])) as unknown[][]) : [];
  const targets = reads.map((read, i) => inWindow(scope, read.toTarget(rows[i]!)));
  const authorIds = [...new Set(targets.flatMap((t) => (t ? [t.authorId] : [])))];
  const authors = authorIds.length
    ? await db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .where(and(eq(users.networkId, scope.networkId), inArray(users.id, authorIds)))
    : [];
  const names = new Map(authors.map((a) => [a.id, a.displayName]));

  const queue: ModerationQueueItem[] = [];
  items.forEach((item, i) => {
    const target = targets[i];
    if (!target || target.state === 'deleted') return;
    queue.push({
      targetType: target.type,
      targetId: target.id,
      state: target.state,
      text: target.text,
      author: names.has(target.authorId) ? { id: target.authorId, displayName: names.get(target.authorId)! } : null,
      neighbourhoodId: target.neighbourhoodId,
      reportCount: item.count,
      reasons: [...item.reasons].map(([reason, count]) => ({ reason, count })),
      notes: item.notes,
      firstReportedAt: item.first ? item.first.toISOString() : null,
    });
  });
  return queue;
}

/** One page of the network's audit log, newest first. */
export async function listModerationLog(db: Database, networkId: string, page: { afterId?: string; limit: number }): Promise<ModerationLogPage> {
  const rows = await db
    .select()
    .from(moderationLog)
    .where(and(eq(moderationLog.networkId, networkId), page.afterId ? lt(moderationLog.id, page.afterId) : undefined))
    .orderBy(desc(moderationLog.id))
    .limit(page.limit + 1);
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows.at(-1);
  return { data: pageRows.map(toLogEntry), nextCursor: rows.length > page.limit && last ? encodeCursor(last.id) : null };
}
