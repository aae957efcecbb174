import { desc } from 'drizzle-orm';
import { newId } from '../db/ids.js';
import { devMailbox } from '../db/schema.js';
import type { Database } from './database.js';

/** A message in the dev mailbox. */
export type DevMail = typeof devMailbox.$inferSelect;

/** Puts a message in the dev mailbox instead of sending it. */
export async function storeDevMail(db: Database, mail: { networkId: string; to: string; subject: string; text: string }): Promise<void> {
  await db.insert(devMailbox).values({ id: newId(), ...mail });
}

/**
 * The newest messages of the dev mailbox. Unlike every other query this one spans networks:
 * the dev mailbox is the local developer's view of all outgoing mail, and exists only in development.
 */
export async function listDevMail(db: Database, limit = 50): Promise<DevMail[]> {
  return db.select().from(devMailbox).orderBy(desc(devMailbox.id)).limit(limit);
}
