import type { Me, Thread, ThreadKind, ThreadPage } from '@buurtplein/sdk/contract';
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { threads } from '../db/community.js';
import { newId } from '../db/ids.js';
import { initiatives, neighbourhoods, users } from '../db/schema.js';
import { encodeCursor } from '../http/cursor.js';
import { authorColumns, authorOf, joinAuthorOrganisation, toAuthor } from './authors.js';
import type { Database, SiteScope, Write } from './database.js';
import { inSiteWindow } from './bound-values.js';

/** Filters of a thread list, already checked against the site. */
export interface ThreadFilter {
  neighbourhoodId?: string;
  kind?: ThreadKind;
  /** Continue after this id (from the cursor). */
  afterId?: string;
  limit: number;
}

/** A thread the site shows, as the comment routes need it. */
export interface ThreadRef {
  id: string;
  networkId: string;
  neighbourhoodId: string;
  title: string;
  /** The initiative whose thread it is; null for a topic. */
  initiativeId: string | null;
}

/**
 * Where a thread is: an initiative's thread follows its initiative, wherever that moves;
 * a topic stays in the neighbourhood it was started in.
 */
const threadNeighbourhoodId = sql<string>`coalesce(${initiatives.neighbourhoodId}, ${threads.neighbourhoodId})`;

/**
 * The condition that keeps threads inside the site's window: its network, its neighbourhoods, not
 * hidden, and for an initiative's thread, an initiative that shows (every query joins it).
 */
function inScope(scope: SiteScope): SQL {
  return and(
    eq(threads.networkId, scope.networkId),
    inSiteWindow(threadNeighbourhoodId, scope),
    eq(threads.hidden, false),
    sql`(${initiatives.id} is null or ${initiatives.visibility} = 'visible')`,
  )!;
}

function selectThreads(db: Database, scope: SiteScope) {
  return db
    .select({
      thread: threads,
      neighbourhoodId: threadNeighbourhoodId,
      neighbourhoodName: neighbourhoods.name,
      initiativeTitle: initiatives.title,
      ...authorColumns,
    })
    .from(threads)
    .leftJoin(initiatives, and(eq(initiatives.id, threads.initiativeId), eq(initiatives.networkId, scope.networkId)))
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, threadNeighbourhoodId))
    .innerJoin(users, eq(users.id, threads.authorId))
    .leftJoin(...joinAuthorOrganisation(scope.networkId));
}

type ThreadSelection = Awaited<ReturnType<ReturnType<typeof selectThreads>['where']>>[number];

/** Turns a selected thread into its wire shape. */
function toThread(row: ThreadSelection): Thread {
  const { thread } = row;
  return {
    id: thread.id,
    kind: thread.kind,
    // An initiative's thread carries the initiative's current title, even after a rename.
    title: row.initiativeTitle ?? thread.title,
    body: thread.body,
    neighbourhood: { id: row.neighbourhoodId, name: row.neighbourhoodName },
    initiative: thread.initiativeId && row.initiativeTitle !== null ? { id: thread.initiativeId, title: row.initiativeTitle } : null,
    author: toAuthor(row),
    commentCount: thread.commentCount,
    lastActivityAt: thread.lastActivityAt.toISOString(),
    createdAt: thread.createdAt.toISOString(),
  };
}

/**
 * One page of the threads a site shows, newest thread first. Ordered by id rather than by last
 * activity, so that a page never skips a thread that got a comment while the reader paged on.
 */
export async function listThreads(db: Database, scope: SiteScope, filter: ThreadFilter): Promise<ThreadPage> {
  if (scope.neighbourhoodIds.length === 0) return { data: [], nextCursor: null };
  const rows = await selectThreads(db, scope)
    .where(
      and(
        inScope(scope),
        filter.neighbourhoodId ? eq(threadNeighbourhoodId, filter.neighbourhoodId) : undefined,
        filter.kind ? eq(threads.kind, filter.kind) : undefined,
        filter.afterId ? lt(threads.id, filter.afterId) : undefined,
      ),
    )
    .orderBy(desc(threads.id))
    .limit(filter.limit + 1);
  const pageRows = rows.slice(0, filter.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map(toThread),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.thread.id) : null,
  };
}

/** One thread the site shows; null when it is hidden, elsewhere or unknown. */
export async function getThread(db: Database, scope: SiteScope, id: string): Promise<Thread | null> {
  if (scope.neighbourhoodIds.length === 0) return null;
  const [row] = await selectThreads(db, scope)
    .where(and(inScope(scope), eq(threads.id, id)))
    .limit(1);
  return row ? toThread(row) : null;
}

/** The thread as the comment routes need it; null when the site does not show it. */
export async function findThreadRef(db: Database, scope: SiteScope, id: string): Promise<ThreadRef | null> {
  if (scope.neighbourhoodIds.length === 0) return null;
  const [row] = await db
    .select({ id: threads.id, networkId: threads.networkId, neighbourhoodId: threadNeighbourhoodId, title: threads.title, initiativeId: threads.initiativeId })
    .from(threads)
    .leftJoin(initiatives, and(eq(initiatives.id, threads.initiativeId), eq(initiatives.networkId, scope.networkId)))
    .where(and(inScope(scope), eq(threads.id, id)))
    .limit(1);
  return row ?? null;
}

/** The id of an initiative's thread, when the site shows the initiative; for other slices' batches. */
export async function findInitiativeThreadId(db: Database, scope: SiteScope, initiativeId: string): Promise<string | null> {
  if (scope.neighbourhoodIds.length === 0) return null;
  const [row] = await db
    .select({ id: threads.id })
    .from(threads)
    .innerJoin(initiatives, and(eq(initiatives.id, threads.initiativeId), eq(initiatives.networkId, scope.networkId)))
    .where(and(inScope(scope), eq(threads.initiativeId, initiativeId)))
    .limit(1);
  return row?.id ?? null;
}

/** What a new topic says and where. */
export interface NewTopic {
  neighbourhood: { id: string; name: string };
  title: string;
  body: string;
}

/** Plans a new topic thread in a neighbourhood of the site, started by `author`. */
export function createTopic(db: Database, networkId: string, author: Me, topic: NewTopic, now = new Date()): Write<Thread> {
  const id = newId(now.getTime());
  return {
    statements: [
      db.insert(threads).values({
        id,
        networkId,
        neighbourhoodId: topic.neighbourhood.id,
        kind: 'topic',
        title: topic.title,
        body: topic.body,
        authorId: author.id,
        lastActivityAt: now,
        createdAt: now,
      }),
    ],
    result: {
      id,
      kind: 'topic',
      title: topic.title,
      body: topic.body,
      neighbourhood: topic.neighbourhood,
      initiative: null,
      author: authorOf(author),
      commentCount: 0,
      lastActivityAt: now.toISOString(),
      createdAt: now.toISOString(),
    },
  };
}
