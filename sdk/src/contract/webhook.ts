import { z } from 'zod';
import { Cursor, Id, Limit, Timestamp, page } from './common.js';
import { Comment } from './comment.js';
import { Event } from './event.js';
import { InitiativeSummary } from './initiative.js';
import { InitiativeStatusChange } from './initiative-detail.js';
import { HelpOffer } from './offer.js';

/** What happened in a neighbourhood, as webhooks, notifications and live updates tell it. */
export const DomainEventType = z.enum([
  'initiative.created',
  'initiative.status_changed',
  'offer.created',
  'offer.accepted',
  'comment.created',
  'event.created',
]);
export type DomainEventType = z.infer<typeof DomainEventType>;

/** The short form of an initiative that other events point at. */
const InitiativeRef = z.object({ id: Id, title: z.string() });

/** The thread a new comment was written in. */
const ThreadRef = z.object({ id: Id, title: z.string(), initiativeId: Id.nullable() });

/** What each type of event carries. */
export const domainEventData = {
  'initiative.created': z.object({ initiative: InitiativeSummary }),
  'initiative.status_changed': z.object({ initiative: InitiativeRef, change: InitiativeStatusChange }),
  'offer.created': z.object({ initiative: InitiativeRef, offer: HelpOffer }),
  'offer.accepted': z.object({ initiative: InitiativeRef, offer: HelpOffer }),
  'comment.created': z.object({ thread: ThreadRef, comment: Comment }),
  'event.created': z.object({ event: Event }),
} as const satisfies Record<DomainEventType, z.ZodType>;

/** The data of an event of type `T`. */
export type DomainEventData<T extends DomainEventType = DomainEventType> = z.infer<(typeof domainEventData)[T]>;

function envelope<T extends DomainEventType>(type: T) {
  return z.object({
    /** Unique per event: receivers de-duplicate on it, since a delivery may arrive more than once. */
    id: Id,
    type: z.literal(type),
    createdAt: Timestamp,
    network: z.object({ id: Id }),
    data: domainEventData[type],
  });
}

/** One event as live updates push it to an open widget. */
export const DomainEvent = z
  .discriminatedUnion('type', [
    envelope('initiative.created'),
    envelope('initiative.status_changed'),
    envelope('offer.created'),
    envelope('offer.accepted'),
    envelope('comment.created'),
    envelope('event.created'),
  ])
  .meta({ id: 'DomainEvent' });
export type DomainEvent = z.infer<typeof DomainEvent>;

/**
 * The JSON body of a webhook delivery: the event, plus the site whose endpoint receives it.
 * It comes with `Buurtplein-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
 */
export const WebhookEvent = z
  .discriminatedUnion('type', [
    envelope('initiative.created').extend({ site: z.string() }),
    envelope('initiative.status_changed').extend({ site: z.string() }),
    envelope('offer.created').extend({ site: z.string() }),
    envelope('offer.accepted').extend({ site: z.string() }),
    envelope('comment.created').extend({ site: z.string() }),
    envelope('event.created').extend({ site: z.string() }),
  ])
  .meta({ id: 'WebhookEvent' });
export type WebhookEvent = z.infer<typeof WebhookEvent>;

/** A receiver of a site's events. The signing secret is shown once, when the endpoint is created. */
export const WebhookEndpoint = z
  .object({
    id: Id,
    url: z.string(),
    /** The event types it receives. */
    events: z.array(DomainEventType),
    description: z.string(),
    createdAt: Timestamp,
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** A new endpoint, with the secret its receiver verifies signatures with; never shown again. */
export const CreatedWebhookEndpoint = WebhookEndpoint.extend({
  /** `whsec_…`: the HMAC key of `Buurtplein-Signature`, as UTF-8 bytes. */
  secret: z.string(),
}).meta({ id: 'CreatedWebhookEndpoint' });
export type CreatedWebhookEndpoint = z.infer<typeof CreatedWebhookEndpoint>;

/** Body of `POST /v1/sites/:site/admin/webhooks`. */
export const CreateWebhookEndpointRequest = z
  .strictObject({
    /** Where deliveries are POSTed: https (http only on a local development server). */
    url: z.url({ protocol: /^https?$/ }).max(500),
    /** The event types to receive; all of them when left out. */
    events: z.array(DomainEventType).min(1).max(DomainEventType.options.length).default([...DomainEventType.options]),
    description: z.string().trim().max(200).default(''),
  })
  .meta({ id: 'CreateWebhookEndpointRequest' });
export type CreateWebhookEndpointRequest = z.input<typeof CreateWebhookEndpointRequest>;

/** One page of a site's endpoints, newest first. */
export const WebhookEndpointPage = page(WebhookEndpoint).meta({ id: 'WebhookEndpointPage' });
export type WebhookEndpointPage = z.infer<typeof WebhookEndpointPage>;

/**
 * Where one event's delivery to one endpoint stands: `pending` while retries go on,
 * `delivered` after a 2xx answer, `failed` once the retries ran out (the event is in the dead-letter queue).
 */
export const WebhookDeliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;

/** One event's delivery to one endpoint: the delivery log. */
export const WebhookDelivery = z
  .object({
    eventId: Id,
    eventType: DomainEventType,
    status: WebhookDeliveryStatus,
    attempts: z.number().int().nonnegative(),
    /** The receiver's HTTP status of the last attempt; null when it did not answer. */
    lastResponseStatus: z.number().int().nullable(),
    /** Why the last attempt failed; null after a success. */
    lastError: z.string().nullable(),
    lastAttemptAt: Timestamp.nullable(),
    deliveredAt: Timestamp.nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/** One page of an endpoint's deliveries, newest event first. */
export const WebhookDeliveryPage = page(WebhookDelivery).meta({ id: 'WebhookDeliveryPage' });
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>;

/** Paging of the webhook admin lists. */
export const WebhookListQuery = z.strictObject({ cursor: Cursor.optional(), limit: Limit });
export type WebhookListQuery = z.infer<typeof WebhookListQuery>;
