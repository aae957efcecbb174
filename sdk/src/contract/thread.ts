import { z } from 'zod';
import { CbsCode, Cursor, Id, Limit, Timestamp, page } from './common.js';
import { NeighbourhoodRef } from './neighbourhood.js';

/** Who wrote a thread or comment; professionals show their organisation as a badge. */
export const Author = z
  .object({
    id: Id,
    displayName: z.string(),
    professional: z.boolean(),
    organisation: z.object({ id: Id, name: z.string() }).nullable(),
  })
  .meta({ id: 'Author' });
export type Author = z.infer<typeof Author>;

/** `initiative`: the discussion of one initiative; `topic`: a subject someone raised in a neighbourhood. */
export const ThreadKind = z.enum(['topic', 'initiative']);
export type ThreadKind = z.infer<typeof ThreadKind>;

/** The longest title of a topic. */
export const THREAD_TITLE_MAX = 120;
/** The longest text of a topic or comment. */
export const DISCUSSION_TEXT_MAX = 10_000;

/** A discussion in a neighbourhood: a topic, or the thread of an initiative. */
export const Thread = z
  .object({
    id: Id,
    kind: ThreadKind,
    title: z.string(),
    /** Plain text; empty when the title says it all. */
    body: z.string(),
    neighbourhood: NeighbourhoodRef,
    /** The initiative this thread belongs to; null for a topic. */
    initiative: z.object({ id: Id, title: z.string() }).nullable(),
    author: Author,
    /** Visible comments and replies. */
    commentCount: z.number().int().nonnegative(),
    lastActivityAt: Timestamp,
    createdAt: Timestamp,
  })
  .meta({ id: 'Thread' });
export type Thread = z.infer<typeof Thread>;

/** One page of threads. */
export const ThreadPage = page(Thread).meta({ id: 'ThreadPage' });
export type ThreadPage = z.infer<typeof ThreadPage>;

/** Filters and paging of `GET /v1/sites/:site/threads`; newest thread first. */
export const ThreadListQuery = z.strictObject({
  /** A neighbourhood by id or CBS code. */
  neighbourhood: z.union([Id, CbsCode]).optional(),
  kind: ThreadKind.optional(),
  cursor: Cursor.optional(),
  limit: Limit,
});
export type ThreadListQuery = z.infer<typeof ThreadListQuery>;
export type ThreadListParams = z.input<typeof ThreadListQuery>;

/** Body of `POST /v1/sites/:site/threads`: a topic in one of the site's neighbourhoods. */
export const CreateThreadRequest = z
  .strictObject({
    /** A neighbourhood the site shows, by id or CBS code. */
    neighbourhood: z.union([Id, CbsCode]),
    title: z.string().trim().min(1).max(THREAD_TITLE_MAX),
    body: z.string().trim().max(DISCUSSION_TEXT_MAX).default(''),
  })
  .meta({ id: 'CreateThreadRequest' });
export type CreateThreadRequest = z.input<typeof CreateThreadRequest>;
