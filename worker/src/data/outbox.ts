import { and, asc, eq, inArray, isNull, lt } from 'drizzle-orm';
import { outboundEvents } from '../db/outbound.js';
import type { Database } from './database.js';

/** An outbox event, by the keys the queue message carries. */
export interface OutboxKey {
  networkId: string;
  id: string;
}

/** Records that the queue accepted these events of one network. */
export async function markQueued(db: Database, networkId: string, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(outboundEvents)
    .set({ queuedAt: at })
    .where(and(eq(outboundEvents.networkId, networkId), inArray(outboundEvents.id, [...ids]), isNull(outboundEvents.queuedAt)));
}

/**
 * Events the queue never accepted that were committed before `before`, oldest first. Spans
 * networks: it is the operator's housekeeping (the cron), not a request.
 */
export async function unqueuedEvents(db: Database, before: Date, limit: number): Promise<OutboxKey[]> {
  return db
    .select({ networkId: outboundEvents.networkId, id: outboundEvents.id })
    .from(outboundEvents)
    .where(and(isNull(outboundEvents.queuedAt), lt(outboundEvents.createdAt, before)))
    .orderBy(asc(outboundEvents.createdAt))
    .limit(limit);
}
