import { and, eq, lt } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { follows, liveTickets, notificationSends, notificationSettings, outboundEvents } from '../db/outbound.js';
import type { Database } from './database.js';

/**
 * What deleting a user must also remove from the outbound tables, for the deletion's batch: their
 * follows and e-mail settings, and the events they caused (the outbox keeps a copy of what they
 * wrote, for digests). Webhooks already delivered cannot be called back.
 */
export function forgetOutbound(db: Database, networkId: string, userId: string): BatchItem<'sqlite'>[] {
  return [
    db.delete(follows).where(and(eq(follows.networkId, networkId), eq(follows.userId, userId))),
    db.delete(notificationSettings).where(and(eq(notificationSettings.networkId, networkId), eq(notificationSettings.userId, userId))),
    db.delete(notificationSends).where(and(eq(notificationSends.networkId, networkId), eq(notificationSends.userId, userId))),
    db.delete(liveTickets).where(and(eq(liveTickets.networkId, networkId), eq(liveTickets.userId, userId))),
    db.delete(outboundEvents).where(and(eq(outboundEvents.networkId, networkId), eq(outboundEvents.actorId, userId))),
  ];
}

const DAY = 24 * 60 * 60 * 1000;

/** How long the outbox keeps an event: longer than the longest digest (a week) and the retries. */
export const OUTBOX_RETENTION_DAYS = 30;

/**
 * The housekeeping of the outbound tables, for the purge cron's batch: expired live tickets, and
 * outbox events and e-mail claims older than the retention (the delivery log keeps only ids).
 */
export function purgeOutbound(db: Database, now: Date): BatchItem<'sqlite'>[] {
  const cutoff = new Date(now.getTime() - OUTBOX_RETENTION_DAYS * DAY);
  return [
    db.delete(liveTickets).where(lt(liveTickets.expiresAt, now)),
    db.delete(notificationSends).where(lt(notificationSends.createdAt, cutoff)),
    db.delete(outboundEvents).where(lt(outboundEvents.createdAt, cutoff)),
  ];
}
