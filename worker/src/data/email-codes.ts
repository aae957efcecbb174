import { and, asc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { emailCodes } from '../db/schema.js';
import type { Database, Statements } from './database.js';

/** Where a code applies: the site it was requested on, and the HMAC of the address. */
export interface CodeAddress {
  networkId: string;
  siteKey: string;
  emailHash: string;
}

/** How many codes this address got in the network since `since`, and when the oldest of them was made. */
export async function recentCodes(db: Database, networkId: string, emailHash: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
  const rows = await db
    .select({ createdAt: emailCodes.createdAt })
    .from(emailCodes)
    .where(and(eq(emailCodes.networkId, networkId), eq(emailCodes.emailHash, emailHash), gt(emailCodes.createdAt, since)))
    .orderBy(asc(emailCodes.createdAt));
  return { count: rows.length, oldest: rows[0]?.createdAt ?? null };
}

/** Plans a new code for the address; any earlier code still open on the site stops working. */
export function createEmailCode(
  db: Database,
  address: CodeAddress,
  code: { id: string; codeHash: string; expiresAt: Date },
  now = new Date(),
): Statements {
  return [
    db
      .update(emailCodes)
      .set({ consumedAt: now })
      .where(
        and(
          eq(emailCodes.networkId, address.networkId),
          eq(emailCodes.siteKey, address.siteKey),
          eq(emailCodes.emailHash, address.emailHash),
          isNull(emailCodes.consumedAt),
        ),
      ),
    db.insert(emailCodes).values({ ...address, ...code, createdAt: now }),
  ];
}

/** The newest code of the address on the site that has not been used or replaced; null when there is none. */
export async function findOpenCode(db: Database, address: CodeAddress) {
  const [row] = await db
    .select({ id: emailCodes.id, codeHash: emailCodes.codeHash, attempts: emailCodes.attempts, expiresAt: emailCodes.expiresAt })
    .from(emailCodes)
    .where(
      and(
        eq(emailCodes.networkId, address.networkId),
        eq(emailCodes.siteKey, address.siteKey),
        eq(emailCodes.emailHash, address.emailHash),
        isNull(emailCodes.consumedAt),
      ),
    )
    .orderBy(sql`${emailCodes.createdAt} desc`)
    .limit(1);
  return row ?? null;
}

/**
 * Counts one try at the code, atomically, so parallel guesses cannot exceed the limit.
 * False when the code is out of tries, used or expired.
 */
export async function countCodeAttempt(db: Database, networkId: string, id: string, maxAttempts: number, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(emailCodes)
    .set({ attempts: sql`${emailCodes.attempts} + 1` })
    .where(
      and(
        eq(emailCodes.networkId, networkId),
        eq(emailCodes.id, id),
        lt(emailCodes.attempts, maxAttempts),
        isNull(emailCodes.consumedAt),
        gt(emailCodes.expiresAt, now),
      ),
    )
    .returning({ id: emailCodes.id });
  return rows.length === 1;
}

/** Uses up a code; false when a parallel request used it first. */
export async function consumeCode(db: Database, networkId: string, id: string, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(emailCodes)
    .set({ consumedAt: now })
    .where(and(eq(emailCodes.networkId, networkId), eq(emailCodes.id, id), isNull(emailCodes.consumedAt)))
    .returning({ id: emailCodes.id });
  return rows.length === 1;
}
