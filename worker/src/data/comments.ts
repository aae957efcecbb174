import type { Author, Comment, CommentKind, CommentPage, Me } from '@buurtplein/sdk/contract';
import { and, asc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { comments } from '../db/community.js';
import { newId } from '../db/ids.js';
import { users } from '../db/schema.js';
import { encodeCursor } from '../http/cursor.js';
import { authorColumns, authorOf, joinAuthorOrganisation, toAuthor } from './authors.js';
import type { Database, Statements, Write } from './database.js';
import type { ThreadRef } from './threads.js';

/** A comment as stored; never sent as is (see `toComment`). */
export type CommentRow = typeof comments.$inferSelect;

/** Which comments of a thread to list: the top level (`parentId` null) or one comment's replies. */
export interface CommentFilter {
  parentId: string | null;
  /** Continue after this id (from the cursor). */
  afterId?: string;
  limit: number;
}

/** Turns a comment into its wire shape; a deleted or hidden comment shows neither its text nor its author. */
export function toComment(row: CommentRow, author: Author): Comment {
  const visible = row.status === 'visible';
  return {
    id: row.id,
    threadId: row.threadId,
    parentId: row.parentId,
    depth: row.depth,
    kind: row.kind,
    status: row.status,
    body: visible ? row.body : null,
    author: visible ? author : null,
    eventId: row.eventId,
    replyCount: row.replyCount,
    createdAt: row.createdAt.toISOString(),
    editedAt: visible && row.editedAt ? row.editedAt.toISOString() : null,
  };
}

/** One page of a thread's comments, or of one comment's replies, oldest first; `thread` is one the site shows. */
export async function listComments(db: Database, thread: ThreadRef, filter: CommentFilter): Promise<CommentPage> {
  const rows = await db
    .select({ comment: comments, ...authorColumns })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .leftJoin(...joinAuthorOrganisation(thread.networkId))
    .where(
      and(
        eq(comments.networkId, thread.networkId),
        eq(comments.threadId, thread.id),
        filter.parentId === null ? isNull(comments.parentId) : eq(comments.parentId, filter.parentId),
        filter.afterId ? gt(comments.id, filter.afterId) : undefined,
        // A comment waiting for pre-moderation is not there for anyone yet.
        ne(comments.status, 'pending'),
      ),
    )
    .orderBy(asc(comments.id))
    .limit(filter.limit + 1);
  const pageRows = rows.slice(0, filter.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map((r) => toComment(r.comment, toAuthor(r))),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.comment.id) : null,
  };
}

/** A comment of the network by id, whatever its thread; check the thread with `findThreadRef` before acting on it. */
export async function findComment(db: Database, networkId: string, id: string): Promise<CommentRow | null> {
  const [row] = await db
    .select()
    .from(comments)
    .where(and(eq(comments.networkId, networkId), eq(comments.id, id)))
    .limit(1);
  return row ?? null;
}

/** A comment of this thread by id; null when the thread has no such comment. */
export async function findCommentInThread(db: Database, thread: ThreadRef, id: string): Promise<CommentRow | null> {
  const row = await findComment(db, thread.networkId, id);
  return row && row.threadId === thread.id ? row : null;
}

/** A comment to insert; `kind: 'report'` with `eventId` for a meeting's minutes. */
export interface NewComment {
  /** Pass one to know the id before the batch commits; a new one otherwise. */
  id?: string;
  networkId: string;
  threadId: string;
  authorId: string;
  body: string;
  kind?: CommentKind;
  eventId?: string | null;
  /** Null or left out for a top-level comment. */
  parent?: Pick<CommentRow, 'id' | 'depth'> | null;
  createdAt?: Date;
}

/**
 * The statement that inserts a comment, for a batch of one's own (a meeting's report goes into
 * the initiative's thread in the same batch as the event's update). The database's triggers
 * count it on the thread and on its parent. The caller checks the thread is one the site shows
 * (`findThreadRef` / `findInitiativeThreadId`) and the reply depth.
 */
export function insertCommentStatement(db: Database, input: NewComment): BatchItem<'sqlite'> {
  return db.insert(comments).values(commentValues(input));
}

function commentValues(input: NewComment): typeof comments.$inferInsert & { id: string; createdAt: Date } {
  const createdAt = input.createdAt ?? new Date();
  return {
    id: input.id ?? newId(createdAt.getTime()),
    networkId: input.networkId,
    threadId: input.threadId,
    parentId: input.parent?.id ?? null,
    depth: input.parent ? input.parent.depth + 1 : 0,
    authorId: input.authorId,
    body: input.body,
    kind: input.kind ?? 'comment',
    eventId: input.eventId ?? null,
    createdAt,
  };
}

/** Plans a comment (or a reply to `parent`) by `author` in a thread the site shows; `pending` while it waits for pre-moderation. */
export function createComment(
  db: Database,
  thread: ThreadRef,
  author: Me,
  input: { body: string; parent: CommentRow | null; status?: 'visible' | 'pending' },
  now = new Date(),
): Write<Comment> {
  const status = input.status ?? 'visible';
  const values = { ...commentValues({ networkId: thread.networkId, threadId: thread.id, authorId: author.id, body: input.body, parent: input.parent, createdAt: now }), status };
  const row: CommentRow = {
    ...values,
    parentId: values.parentId ?? null,
    depth: values.depth ?? 0,
    kind: values.kind ?? 'comment',
    eventId: values.eventId ?? null,
    status,
    replyCount: 0,
    editedAt: null,
  };
  return { statements: [db.insert(comments).values(values)], result: toComment(row, authorOf(author)) };
}

/** Plans the author's edit of a visible comment. */
export function updateCommentBody(db: Database, row: CommentRow, author: Me, body: string, now = new Date()): Write<Comment> {
  return {
    statements: [
      db
        .update(comments)
        .set({ body, editedAt: now })
        .where(and(eq(comments.networkId, row.networkId), eq(comments.id, row.id), eq(comments.status, 'visible'))),
    ],
    result: toComment({ ...row, body, editedAt: now }, authorOf(author)),
  };
}

/** The ids of a comment's parent, grandparent and so on, nearest first. */
export async function findAncestorIds(db: Database, row: CommentRow): Promise<string[]> {
  const ids: string[] = [];
  let parentId = row.parentId;
  while (parentId !== null && ids.length < row.depth) {
    ids.push(parentId);
    const parent = await findComment(db, row.networkId, parentId);
    parentId = parent?.parentId ?? null;
  }
  return ids;
}

/**
 * Plans the author's deletion of a comment. With replies it becomes a tombstone (text cleared,
 * replies kept); without, it is removed, and so is every tombstone above it that this leaves
 * without replies. Each statement re-checks the reply count when the batch runs, so a reply
 * that lands just before the deletion keeps its parent as a tombstone rather than orphaning it.
 */
export function deleteComment(db: Database, row: CommentRow, ancestorIds: readonly string[]): Write<null> {
  const own = and(eq(comments.networkId, row.networkId), eq(comments.threadId, row.threadId));
  const statements: Statements = [
    db
      .update(comments)
      .set({ status: 'deleted', body: '', editedAt: null })
      .where(and(own, eq(comments.id, row.id), gt(comments.replyCount, 0))),
    db.delete(comments).where(and(own, eq(comments.id, row.id), eq(comments.replyCount, 0))),
  ];
  for (const id of ancestorIds) {
    statements.push(db.delete(comments).where(and(own, eq(comments.id, id), eq(comments.status, 'deleted'), eq(comments.replyCount, 0))));
  }
  return { statements, result: null };
}
