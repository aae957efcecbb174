import type { Comment, CommentListParams, CommentPage, CreateCommentRequest, UpdateCommentRequest } from '../contract/index.js';
import type { ReadOptions, Transport, WriteOptions } from '../http.js';
import { paginate } from '../pagination.js';
import { path } from '../path.js';

/** Comments and replies in a thread. */
export function commentsResource(transport: Transport) {
  const list = (threadId: string, params: CommentListParams = {}, options: ReadOptions = {}) =>
    transport.request<CommentPage>({ method: 'GET', path: path`/threads/${threadId}/comments`, query: params, ...options });
  return {
    /** One page of a thread's top-level comments, or with `parent` of one comment's replies, oldest first. */
    list,
    /** Every comment (or reply, with `parent`), page after page. */
    all: (threadId: string, params: CommentListParams = {}) =>
      paginate((p: CommentListParams) => list(threadId, p), params),
    /** Comment, or reply with `parentId`. */
    create: (threadId: string, comment: CreateCommentRequest, options: WriteOptions = {}) =>
      transport.request<Comment>({ method: 'POST', path: path`/threads/${threadId}/comments`, body: comment, ...options }),
    /** Edit your comment. */
    update: (commentId: string, changes: UpdateCommentRequest, options: WriteOptions = {}) =>
      transport.request<Comment>({ method: 'PATCH', path: path`/comments/${commentId}`, body: changes, ...options }),
    /** Delete your comment; with replies it stays as a tombstone. */
    delete: (commentId: string, options: WriteOptions = {}) =>
      transport.request<void>({ method: 'DELETE', path: path`/comments/${commentId}`, ...options }),
  };
}
