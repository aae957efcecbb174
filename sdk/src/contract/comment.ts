import { z } from 'zod';
import { Cursor, Id, Limit, Timestamp, page } from './common.js';
import { Author, DISCUSSION_TEXT_MAX } from './thread.js';

/** How deep replies nest: a top-level comment has depth 0, a reply to a reply to a reply depth 3. */
export const MAX_REPLY_DEPTH = 3;

/** `report`: the minutes of a meeting, written back to the thread. */
export const CommentKind = z.enum(['comment', 'report']);
export type CommentKind = z.infer<typeof CommentKind>;

/**
 * `deleted`: its author deleted it while it had replies, so it stays as a tombstone;
 * `hidden`: a moderator hid it; `pending`: a new resident's comment waiting for a moderator
 * (only its author ever gets it back). None of these shows its text or author.
 */
export const CommentStatus = z.enum(['visible', 'deleted', 'hidden', 'pending']);
export type CommentStatus = z.infer<typeof CommentStatus>;

/** A comment or reply in a thread. */
export const Comment = z
  .object({
    id: Id,
    threadId: Id,
    /** The comment this replies to; null at the top level. */
    parentId: Id.nullable(),
    depth: z.number().int().min(0).max(MAX_REPLY_DEPTH),
    kind: CommentKind,
    status: CommentStatus,
    /** Plain text as written; null unless the comment is visible. */
    body: z.string().nullable(),
    /** Null unless the comment is visible. */
    author: Author.nullable(),
    /** For a report: the meeting it reports on. */
    eventId: Id.nullable(),
    /** Direct replies, tombstones included. */
    replyCount: z.number().int().nonnegative(),
    createdAt: Timestamp,
    editedAt: Timestamp.nullable(),
  })
  .meta({ id: 'Comment' });
export type Comment = z.infer<typeof Comment>;

/** One page of comments. */
export const CommentPage = page(Comment).meta({ id: 'CommentPage' });
export type CommentPage = z.infer<typeof CommentPage>;

/** Paging of `GET /v1/sites/:site/threads/:threadId/comments`; oldest first within a parent. */
export const CommentListQuery = z.strictObject({
  /** List the replies of this comment instead of the top-level comments. */
  parent: Id.optional(),
  cursor: Cursor.optional(),
  limit: Limit,
});
export type CommentListQuery = z.infer<typeof CommentListQuery>;
export type CommentListParams = z.input<typeof CommentListQuery>;

/** The text of a comment: plain text, trimmed, stored and returned as written. */
export const CommentBody = z.string().trim().min(1).max(DISCUSSION_TEXT_MAX);

/** Body of `POST /v1/sites/:site/threads/:threadId/comments`. */
export const CreateCommentRequest = z
  .strictObject({
    body: CommentBody,
    /** Reply to this comment of the same thread; replies nest at most `MAX_REPLY_DEPTH` deep. */
    parentId: Id.optional(),
  })
  .meta({ id: 'CreateCommentRequest' });
export type CreateCommentRequest = z.input<typeof CreateCommentRequest>;

/** Body of `PATCH /v1/sites/:site/comments/:commentId`. */
export const UpdateCommentRequest = z.strictObject({ body: CommentBody }).meta({ id: 'UpdateCommentRequest' });
export type UpdateCommentRequest = z.input<typeof UpdateCommentRequest>;
