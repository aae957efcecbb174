import { createMiddleware } from 'hono/factory';
import { BOOKMARK_HEADER, openSession } from '../data/d1-session.js';
import type { AppEnv } from '../env.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Puts the request's data layer on the context (`c.get('db')`): one D1 session, reads from
 * replicas, writes from the primary. The response carries the session's latest bookmark in
 * `Buurtplein-Bookmark`; a client that sends it back reads at least that new.
 */
export const databaseSession = createMiddleware<AppEnv>(async (c, next) => {
  const session = openSession(c.env.DB, { write: !READS.has(c.req.method), bookmark: c.req.header(BOOKMARK_HEADER) });
  c.set('db', session.db);
  await next();
  const bookmark = session.bookmark();
  if (bookmark !== null && !c.res.headers.has(BOOKMARK_HEADER)) c.res.headers.set(BOOKMARK_HEADER, bookmark);
});
