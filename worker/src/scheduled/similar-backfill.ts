import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../data/database.js';
import { similarIdsOf } from '../data/initiatives.js';
import { refreshStaleSimilar } from '../data/similar-refresh.js';
import { initiatives } from '../db/schema.js';

/**
 * How many initiatives one cron run gives similar ids: each is a text search, and a run's
 * statements count towards D1's queries per invocation, which the purge and the outbox share.
 */
export const SIMILAR_BACKFILL_PER_RUN = 25;

/**
 * Computes the similar ids of up to `limit` initiatives that have none (those written before
 * similar ids were stored), with the statement that writing an initiative runs, so their pages
 * read them by key instead of searching; oldest first, so every run makes progress. The partial
 * index finds them without reading the rest, and an initiative without telling words gets an
 * empty list, so no run picks it again. Spans networks; each list is its own network's.
 * Returns how many it computed.
 */
export async function backfillSimilar(db: Database, limit = SIMILAR_BACKFILL_PER_RUN): Promise<number> {
  const missing = await db
    .select({ id: initiatives.id, networkId: initiatives.networkId, title: initiatives.title, summary: initiatives.summary, neighbourhoodId: initiatives.neighbourhoodId, themes: initiatives.themes })
    .from(initiatives)
    .where(isNull(initiatives.similarIds))
    .orderBy(asc(initiatives.id))
    .limit(limit);
  const [first, ...rest] = missing.map((to) =>
    db
      .update(initiatives)
      .set({ similarIds: similarIdsOf(db, to.networkId, to), similarStaleAt: null })
      // An edit in between already stored a list from the newer text: keep that one.
      .where(and(eq(initiatives.id, to.id), isNull(initiatives.similarIds))),
  );
  if (!first) return 0;
  await db.batch([first, ...rest]);
  return missing.length;
}

/**
 * The cron's part of keeping similar ids current: the lists marked stale that no request
 * refreshed after its write (its isolate ended first), then the lists never computed, together
 * at most `SIMILAR_BACKFILL_PER_RUN`. Stale lists go first: their pages show an outdated list,
 * while a missing one is still searched when its page is read. Returns how many it computed.
 */
export async function keepSimilarCurrent(db: Database, limit = SIMILAR_BACKFILL_PER_RUN): Promise<number> {
  const refreshed = await refreshStaleSimilar(db, limit);
  return refreshed + (refreshed < limit ? await backfillSimilar(db, limit - refreshed) : 0);
}
