import type { DomainEvent } from '@buurtplein/sdk/contract';
import type { outboundEvents } from '../db/outbound.js';

/** An event as the outbox holds it. */
export type OutboxEvent = typeof outboundEvents.$inferSelect;

/** Turns an outbox row back into the event as webhooks, e-mail and live updates carry it. */
export function toDomainEvent(row: OutboxEvent): DomainEvent {
  return { id: row.id, type: row.type, createdAt: row.createdAt.toISOString(), network: { id: row.networkId }, data: row.payload } as DomainEvent;
}
