import { CommentListQuery, CreateCommentRequest, Id, MAX_REPLY_DEPTH, UpdateCommentRequest } from '@buurtplein/sdk/contract';
import { Hono, type Context } from 'hono';
import { authorize } from '../auth/authorize.js';
import {
  createComment,
  deleteComment,
  findAncestorIds,
  findComment,
  findCommentInThread,
  listComments,
  updateCommentBody,
  type CommentRow,
} from '../data/comments.js';
import { findThreadRef, type ThreadRef } from '../data/threads.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { commitWrite } from '../http/commit-write.js';
import { MAX_LINKS_PER_COMMENT } from '../http/links.js';
import { awaitsPremoderation, guardLinks, guardPost, withStatements } from '../http/post-guard.js';
import { commentCreated, withEvents } from '../outbound/domain-events.js';
import { decodeCursor } from '../http/cursor.js';
import { signedInUser } from '../http/signed-in-user.js';
import { parseInput } from '../http/validate.js';

/** The thread named in the path, if the site shows it; 404 otherwise. */
async function shownThread(c: Context<AppEnv>): Promise<ThreadRef> {
  const id = c.req.param('threadId') ?? '';
  const thread = Id.safeParse(id).success ? await findThreadRef(c.get('db'), c.get('site'), id) : null;
  if (!thread) throw new ApiError('not-found', 'Deze discussie bestaat niet op deze site.');
  return thread;
}

/** The comment named in the path, if it still exists in a thread the site shows; 404 otherwise. */
async function shownComment(c: Context<AppEnv>): Promise<CommentRow> {
  const id = c.req.param('commentId') ?? '';
  const db = c.get('db');
  const site = c.get('site');
  const comment = Id.safeParse(id).success ? await findComment(db, site.networkId, id) : null;
  const thread = comment && comment.status !== 'deleted' ? await findThreadRef(db, site, comment.threadId) : null;
  if (!comment || !thread) throw new ApiError('not-found', 'Deze reactie bestaat niet op deze site.');
  return comment;
}

/** `/v1/sites/:site/threads/:threadId/comments`: a thread's comments and replies. */
export const threadCommentsRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const thread = await shownThread(c);
    const { parent, cursor, limit } = parseInput(CommentListQuery, c.req.query());
    const db = c.get('db');
    if (parent !== undefined && !(await findCommentInThread(db, thread, parent))) {
      throw new ApiError('not-found', 'Deze reactie bestaat niet in deze discussie.');
    }
    const afterId = cursor === undefined ? undefined : decodeCursor(cursor);
    return c.json(await listComments(db, thread, { parentId: parent ?? null, afterId, limit }), 200);
  })
  .post('/', async (c) => {
    const thread = await shownThread(c);
    authorize(c, 'comment.create', { type: 'thread', networkId: thread.networkId, neighbourhoodId: thread.neighbourhoodId });
    const { body, parentId } = parseInput(CreateCommentRequest, c.get('body'));
    const db = c.get('db');
    const parent = parentId === undefined ? null : await findCommentInThread(db, thread, parentId);
    if (parentId !== undefined) {
      if (!parent) throw new ApiError('invalid-request', 'parentId: geen reactie in deze discussie');
      if (parent.status !== 'visible') throw new ApiError('invalid-request', 'parentId: op een verwijderde of verborgen reactie kunt u niet reageren');
      // Refused rather than moved up a level: the client knows each comment's depth and offers no reply button there.
      if (parent.depth >= MAX_REPLY_DEPTH) {
        throw new ApiError('reply-too-deep', `Reacties gaan hoogstens ${MAX_REPLY_DEPTH} niveaus diep; reageer op een reactie hoger in het gesprek.`);
      }
    }
    const author = await signedInUser(c);
    const counted = await guardPost(c, 'comment', body);
    const pending = await awaitsPremoderation(c);
    const write = withStatements(createComment(db, thread, author, { body, parent, status: pending ? 'pending' : 'visible' }), counted);
    // A comment waiting for a moderator is news to no one yet.
    return commitWrite(c, pending ? write : withEvents(db, write, commentCreated(c, thread, write.result)), 201);
  });

/** `/v1/sites/:site/comments`: authors edit and delete their own comments. */
export const commentsRoutes = new Hono<AppEnv>()
  .patch('/:commentId', async (c) => {
    const comment = await shownComment(c);
    authorize(c, 'comment.update', { type: 'comment', networkId: comment.networkId, authorId: comment.authorId });
    const { body } = parseInput(UpdateCommentRequest, c.get('body'));
    guardLinks(body, MAX_LINKS_PER_COMMENT);
    if (comment.status === 'hidden') throw new ApiError('forbidden', 'Een moderator heeft deze reactie verborgen; bewerken kan niet meer.');
    const author = await signedInUser(c);
    return commitWrite(c, updateCommentBody(c.get('db'), comment, author, body), 200);
  })
  .delete('/:commentId', async (c) => {
    const comment = await shownComment(c);
    authorize(c, 'comment.delete', { type: 'comment', networkId: comment.networkId, authorId: comment.authorId });
    const db = c.get('db');
    return commitWrite(c, deleteComment(db, comment, await findAncestorIds(db, comment)), 204);
  });
