import { and, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { idempotencyRecords } from '../db/schema.js';
import type { IdempotencyContext } from '../env.js';
import type { Database } from './database.js';

/** A stored response to replay. */
export interface StoredResponse {
  requestHash: string;
  status: number;
  body: string;
}

/** The response stored under this key for this scope; null when the key is new. */
export async function findIdempotencyRecord(db: Database, idem: IdempotencyContext): Promise<StoredResponse | null> {
  const [row] = await db
    .select({ requestHash: idempotencyRecords.requestHash, status: idempotencyRecords.status, body: idempotencyRecords.body })
    .from(idempotencyRecords)
    .where(and(eq(idempotencyRecords.networkId, idem.networkId), eq(idempotencyRecords.scope, idem.scope), eq(idempotencyRecords.key, idem.key)))
    .limit(1);
  return row ?? null;
}

/**
 * The statement that stores a mutation's response under its key, for the mutation's own batch.
 * Its primary key makes the second of two parallel requests fail, rolling back its write.
 */
export function recordIdempotentResponse(db: Database, idem: IdempotencyContext, status: number, body: string): BatchItem<'sqlite'> {
  return db.insert(idempotencyRecords).values({ ...idem, status, body });
}
