import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { initiatives } from '../db/schema.js';
import type { Database } from './database.js';
import { SIMILAR_KEPT, similarIdsOf } from './initiatives.js';

/*
 * An initiative's similar ids are computed when it is written, so a later initiative that
 * resembles it, or a later edit of one it lists, leaves its list behind. Searching the others'
 * lists again inside the write would cost one text search per neighbour on every write, and the
 * write's answer would wait for all of them; instead the write marks them stale in its own batch
 * (a few key updates, committed or rolled back with it), the request refreshes them after its
 * response, and the hourly cron refreshes whatever an ended isolate left. The neighbours marked
 * are the ones the written initiative lists (before and after an edit): similarity runs both
 * ways often enough, and it keeps a write's work bounded by SIMILAR_KEPT. A list that another
 * initiative enters without listing it back catches up when that list is next written.
 */

/** How many stale lists a write's request refreshes after its response: all that an edit marks. */
export const SIMILAR_REFRESH_AFTER_WRITE = 2 * SIMILAR_KEPT;

/**
 * The statement that marks stale the similar ids of the initiatives that `listedBy` lists now, as
 * the batch runs: put it before a statement that changes `listedBy` to reach the ones it listed,
 * after it for the ones it lists from then on. A list already stale keeps its older mark, so the
 * refresh goes oldest first.
 */
export function markListedStale(db: Database, networkId: string, listedBy: string, now: Date) {
  const listing = alias(initiatives, 'listing');
  const listed = db
    .select({ ids: listing.similarIds })
    .from(listing)
    .where(and(eq(listing.networkId, networkId), eq(listing.id, listedBy)));
  return db
    .update(initiatives)
    .set({ similarStaleAt: sql`coalesce(${initiatives.similarStaleAt}, ${now.getTime()})` })
    .where(and(eq(initiatives.networkId, networkId), sql`${initiatives.id} in (select value from json_each(${listed}))`));
}

/**
 * Searches the similar ids of up to `limit` initiatives marked stale again, oldest mark first,
 * within one network or (for the cron) all of them; the partial index finds them without reading
 * the rest. A list marked again or written by an edit meanwhile is left for its next turn, so an
 * older text never overwrites a newer list. Returns how many it refreshed.
 */
export async function refreshStaleSimilar(db: Database, limit: number, networkId?: string): Promise<number> {
  const stale = await db
    .select({
      id: initiatives.id,
      networkId: initiatives.networkId,
      title: initiatives.title,
      summary: initiatives.summary,
      neighbourhoodId: initiatives.neighbourhoodId,
      themes: initiatives.themes,
      staleAt: initiatives.similarStaleAt,
    })
    .from(initiatives)
    .where(and(networkId === undefined ? undefined : eq(initiatives.networkId, networkId), isNotNull(initiatives.similarStaleAt)))
    .orderBy(asc(initiatives.similarStaleAt), asc(initiatives.id))
    .limit(limit);
  const [first, ...rest] = stale.map((to) =>
    db
      .update(initiatives)
      .set({ similarIds: similarIdsOf(db, to.networkId, to), similarStaleAt: null })
      .where(and(eq(initiatives.id, to.id), eq(initiatives.similarStaleAt, to.staleAt!))),
  );
  if (!first) return 0;
  await db.batch([first, ...rest]);
  return stale.length;
}
