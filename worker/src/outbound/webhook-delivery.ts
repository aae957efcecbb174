import type { DomainEventType, WebhookEvent } from '@buurtplein/sdk/contract';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '@buurtplein/sdk/server';
import type { Database } from '../data/database.js';
import { endpointsForEvent, findDeliveries, recordAttempt } from '../data/webhooks.js';
import type { Env } from '../env.js';
import type { OutboxEvent } from './outbox.js';
import { openSecret } from './secret-box.js';

/** How long a receiver has to answer. */
const DELIVERY_TIMEOUT_MS = 10_000;

/** The JSON a site's endpoint receives for an event: the same bytes on every retry. */
export function webhookBody(event: OutboxEvent, siteKey: string): string {
  const body = {
    id: event.id,
    type: event.type,
    createdAt: event.createdAt.toISOString(),
    network: { id: event.networkId },
    site: siteKey,
    data: event.payload,
  } as WebhookEvent;
  return JSON.stringify(body);
}

async function attempt(url: string, body: string, signature: string, type: DomainEventType, id: string, send: typeof fetch) {
  try {
    const response = await send(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Buurtplein-Webhooks/1',
        [WEBHOOK_SIGNATURE_HEADER]: signature,
        'Buurtplein-Event-Id': id,
        'Buurtplein-Event-Type': type,
      },
      body,
      // A redirect is a failure: the signed body goes only where the admin said.
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.body?.cancel();
    const delivered = response.status >= 200 && response.status < 300;
    return { delivered, responseStatus: response.status, error: delivered ? null : `HTTP ${response.status}` };
  } catch (error) {
    return { delivered: false, responseStatus: null, error: (error instanceof Error ? error.message : String(error)).slice(0, 200) };
  }
}

/**
 * Delivers an event to every endpoint that should receive it and has not yet: an endpoint that
 * answered 2xx before (a redelivered message) is skipped, so nobody receives an event twice
 * from us. Each attempt is logged. Answers how many endpoints still wait for it.
 */
export async function deliverWebhooks(env: Env, db: Database, event: OutboxEvent, send: typeof fetch = fetch): Promise<number> {
  const endpoints = await endpointsForEvent(db, event);
  const delivered = new Set(
    (await findDeliveries(db, event.networkId, event.id, endpoints.map((e) => e.id))).filter((d) => d.status === 'delivered').map((d) => d.endpointId),
  );
  const results = await Promise.all(
    endpoints
      .filter((endpoint) => !delivered.has(endpoint.id))
      .map(async (endpoint) => {
        const body = webhookBody(event, endpoint.siteKey);
        // The SDK's signer, so receivers verify with the same code (`verifyWebhook`).
        const signature = await signWebhook({ payload: body, secret: await openSecret(env, endpoint.secretSealed) });
        const outcome = await attempt(endpoint.url, body, signature, event.type, event.id, send);
        await recordAttempt(db, { endpointId: endpoint.id, eventId: event.id, networkId: event.networkId, eventType: event.type, at: new Date(), ...outcome });
        return outcome.delivered;
      }),
  );
  return results.filter((ok) => !ok).length;
}
