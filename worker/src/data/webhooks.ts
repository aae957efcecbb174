import type { CreatedWebhookEndpoint, DomainEventType, WebhookDelivery, WebhookDeliveryPage, WebhookEndpoint, WebhookEndpointPage } from '@buurtplein/sdk/contract';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { newId } from '../db/ids.js';
import { webhookDeliveries, webhookEndpoints } from '../db/outbound.js';
import { siteNeighbourhoods } from '../db/schema.js';
import { encodeCursor } from '../http/cursor.js';
import type { Database, Write } from './database.js';

type EndpointRow = typeof webhookEndpoints.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** A site, as the owner of webhook endpoints. */
export interface EndpointOwner {
  key: string;
  networkId: string;
}

/** Turns an endpoint row into its wire shape; the secret never leaves but at creation. */
export function toWebhookEndpoint(row: EndpointRow): WebhookEndpoint {
  return { id: row.id, url: row.url, events: row.eventTypes, description: row.description, createdAt: row.createdAt.toISOString() };
}

/** Turns a delivery row into the delivery log's wire shape. */
export function toWebhookDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    lastResponseStatus: row.lastResponseStatus,
    lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

function ownedBy(site: EndpointOwner) {
  return and(eq(webhookEndpoints.networkId, site.networkId), eq(webhookEndpoints.siteKey, site.key));
}

/** A site's endpoints, newest first. */
export async function listEndpoints(db: Database, site: EndpointOwner, page: { afterId?: string; limit: number }): Promise<WebhookEndpointPage> {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(and(ownedBy(site), page.afterId === undefined ? undefined : lt(webhookEndpoints.id, page.afterId)))
    .orderBy(desc(webhookEndpoints.id))
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const data = rows.slice(0, page.limit).map(toWebhookEndpoint);
  return { data, nextCursor: more ? encodeCursor(data[data.length - 1]!.id) : null };
}

/** One of the site's endpoints; null when the site has no such endpoint. */
export async function findEndpoint(db: Database, site: EndpointOwner, id: string): Promise<EndpointRow | null> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(ownedBy(site), eq(webhookEndpoints.id, id)))
    .limit(1);
  return row ?? null;
}

/** What a new endpoint is: its address, event types and (already sealed) secret. */
export interface NewEndpoint {
  url: string;
  events: DomainEventType[];
  description: string;
  secret: string;
  secretSealed: string;
  createdBy: string;
}

/** Plans a new endpoint of the site; the result carries the plain secret, shown this once. */
export function createEndpoint(db: Database, site: EndpointOwner, input: NewEndpoint, now = new Date()): Write<CreatedWebhookEndpoint> {
  const row: EndpointRow = {
    id: newId(now.getTime()),
    networkId: site.networkId,
    siteKey: site.key,
    url: input.url,
    eventTypes: input.events,
    description: input.description,
    secretSealed: input.secretSealed,
    createdBy: input.createdBy,
    createdAt: now,
  };
  // An endpoint is the site admin's configuration: no public read changes.
  return { statements: [db.insert(webhookEndpoints).values(row)], result: { ...toWebhookEndpoint(row), secret: input.secret }, publicContent: false };
}

/** Plans removing an endpoint with its delivery log. */
export function deleteEndpoint(db: Database, endpoint: EndpointRow): Write<null> {
  return {
    statements: [
      db.delete(webhookDeliveries).where(and(eq(webhookDeliveries.networkId, endpoint.networkId), eq(webhookDeliveries.endpointId, endpoint.id))),
      db.delete(webhookEndpoints).where(and(eq(webhookEndpoints.networkId, endpoint.networkId), eq(webhookEndpoints.id, endpoint.id))),
    ],
    result: null,
    publicContent: false,
  };
}

/** An endpoint's delivery log, newest event first; the cursor is the last event id. */
export async function listDeliveries(db: Database, endpoint: EndpointRow, page: { afterId?: string; limit: number }): Promise<WebhookDeliveryPage> {
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.networkId, endpoint.networkId),
        eq(webhookDeliveries.endpointId, endpoint.id),
        page.afterId === undefined ? undefined : lt(webhookDeliveries.eventId, page.afterId),
      ),
    )
    .orderBy(desc(webhookDeliveries.eventId))
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const data = rows.slice(0, page.limit).map(toWebhookDelivery);
  return { data, nextCursor: more ? encodeCursor(data[data.length - 1]!.eventId) : null };
}

/**
 * The endpoints that receive an event: those of every site in the network that shows the
 * event's neighbourhood and subscribed to its type.
 */
export async function endpointsForEvent(db: Database, event: { networkId: string; neighbourhoodId: string; type: DomainEventType }): Promise<EndpointRow[]> {
  const rows = await db
    .select({ endpoint: webhookEndpoints })
    .from(webhookEndpoints)
    .innerJoin(
      siteNeighbourhoods,
      and(eq(siteNeighbourhoods.siteKey, webhookEndpoints.siteKey), eq(siteNeighbourhoods.neighbourhoodId, event.neighbourhoodId)),
    )
    .where(eq(webhookEndpoints.networkId, event.networkId));
  return rows.map((r) => r.endpoint).filter((e) => e.eventTypes.includes(event.type));
}

/** The delivery rows of one event to these endpoints. */
export async function findDeliveries(db: Database, networkId: string, eventId: string, endpointIds: readonly string[]): Promise<DeliveryRow[]> {
  if (endpointIds.length === 0) return [];
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.networkId, networkId), eq(webhookDeliveries.eventId, eventId), inArray(webhookDeliveries.endpointId, [...endpointIds])));
}

/** How one attempt went. */
export interface DeliveryAttempt {
  endpointId: string;
  eventId: string;
  networkId: string;
  eventType: DomainEventType;
  delivered: boolean;
  responseStatus: number | null;
  error: string | null;
  at: Date;
}

/** Records an attempt in the delivery log: one row per (endpoint, event), counting attempts. */
export async function recordAttempt(db: Database, attempt: DeliveryAttempt): Promise<void> {
  const status = attempt.delivered ? 'delivered' : 'pending';
  const deliveredAt = attempt.delivered ? attempt.at : null;
  await db
    .insert(webhookDeliveries)
    .values({
      endpointId: attempt.endpointId,
      eventId: attempt.eventId,
      networkId: attempt.networkId,
      eventType: attempt.eventType,
      status,
      attempts: 1,
      lastResponseStatus: attempt.responseStatus,
      lastError: attempt.error,
      lastAttemptAt: attempt.at,
      deliveredAt,
    })
    .onConflictDoUpdate({
      target: [webhookDeliveries.endpointId, webhookDeliveries.eventId],
      set: {
        status,
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lastResponseStatus: attempt.responseStatus,
        lastError: attempt.error,
        lastAttemptAt: attempt.at,
        deliveredAt,
      },
    });
}

/** Marks an event's undelivered deliveries failed: its message went to the dead-letter queue. */
export async function markUndeliveredFailed(db: Database, networkId: string, eventId: string): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ status: 'failed' })
    .where(and(eq(webhookDeliveries.networkId, networkId), eq(webhookDeliveries.eventId, eventId), eq(webhookDeliveries.status, 'pending')));
}
