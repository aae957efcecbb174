import { and, eq, gt, isNull } from 'drizzle-orm';
import { sha256 } from '../auth/hashing.js';
import { liveTickets } from '../db/outbound.js';
import type { Database, Write } from './database.js';

/** A ticket to plan: for whom, on which site and thread, until when. */
export interface NewLiveTicket {
  ticket: string;
  networkId: string;
  siteKey: string;
  threadId: string;
  userId: string | null;
  expiresAt: Date;
}

/** Plans storing a ticket (as its SHA-256 only). */
export async function createLiveTicket(db: Database, input: NewLiveTicket): Promise<Write<null>> {
  const { ticket, ...rest } = input;
  return { statements: [db.insert(liveTickets).values({ ticketHash: await sha256(ticket), ...rest })], result: null };
}

/**
 * Uses a ticket up: it must be for this site and thread, unused and unexpired. One statement,
 * so of two connections with the same ticket exactly one gets it. Answers the viewer, or
 * undefined when the ticket is not good (null is an anonymous viewer).
 */
export async function useLiveTicket(
  db: Database,
  where: { ticket: string; networkId: string; siteKey: string; threadId: string },
  now = new Date(),
): Promise<{ userId: string | null } | undefined> {
  const [row] = await db
    .update(liveTickets)
    .set({ usedAt: now })
    .where(
      and(
        eq(liveTickets.ticketHash, await sha256(where.ticket)),
        eq(liveTickets.networkId, where.networkId),
        eq(liveTickets.siteKey, where.siteKey),
        eq(liveTickets.threadId, where.threadId),
        isNull(liveTickets.usedAt),
        gt(liveTickets.expiresAt, now),
      ),
    )
    .returning({ userId: liveTickets.userId });
  return row;
}
