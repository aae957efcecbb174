import { database, type Database } from './database.js';

/** The request header in which a client sends, and the response header in which it gets, its D1 bookmark. */
export const BOOKMARK_HEADER = 'Buurtplein-Bookmark';

/** Bookmarks are opaque strings from D1; this only keeps junk and oversized values out. */
const BOOKMARK = /^[\x21-\x7e]{1,200}$/;

/** A data layer over one D1 session, and the bookmark to hand back to the client. */
export interface DatabaseSession {
  db: Database;
  bookmark(): string | null;
}

/**
 * Opens a D1 session for one request (Sessions API). Writes start on the primary. Reads start on
 * any replica, or at least as new as the client's bookmark when it sends one, so a resident reads
 * their own writes on the request after posting.
 */
export function openSession(d1: D1Database, options: { write: boolean; bookmark?: string | null }): DatabaseSession {
  const bookmark = options.bookmark && BOOKMARK.test(options.bookmark) ? options.bookmark : null;
  const constraint = options.write ? 'first-primary' : (bookmark ?? 'first-unconstrained');
  // A binding without sessions (e.g. a test double) is used as is.
  if (typeof d1.withSession !== 'function') return { db: database(d1), bookmark: () => null };
  const session = d1.withSession(constraint);
  // A session has the part of D1Database that drizzle's D1 driver calls: prepare and batch.
  return { db: database(session as unknown as D1Database), bookmark: () => session.getBookmark() };
}
