import { and, eq } from 'drizzle-orm';
import { outboundEvents } from '../db/outbound.js';
import { database, type Database } from '../data/database.js';
import { claimNotifications, immediateRecipients, releaseNotification } from '../data/notifications.js';
import { markUndeliveredFailed } from '../data/webhooks.js';
import { emailSender, sendThroughBinding } from '../email/email-sender.js';
import type { Env } from '../env.js';
import { sendDigest } from './digests.js';
import { backoffSeconds, OUTBOUND_DLQ, retryBaseSeconds, type EventMessage, type OutboundMessage } from './messages.js';
import { immediateMessage } from './notification-email.js';
import { unsubscribeUrl } from './unsubscribe-token.js';
import { toDomainEvent, type OutboxEvent } from './outbox.js';
import { deliverWebhooks } from './webhook-delivery.js';

/** What the consumer reaches out with; tests pass their own receiver. */
export interface ConsumerDeps {
  fetch: typeof fetch;
}

/** Thrown when part of a message's work must be tried again later. */
class RetryLater extends Error {}

async function findEvent(db: Database, message: EventMessage): Promise<OutboxEvent | null> {
  const [row] = await db
    .select()
    .from(outboundEvents)
    .where(and(eq(outboundEvents.networkId, message.networkId), eq(outboundEvents.id, message.eventId)))
    .limit(1);
  return row ?? null;
}

/** E-mails the immediate followers of an event, each once. */
async function notifyFollowers(env: Env, db: Database, event: OutboxEvent): Promise<void> {
  const recipients = await immediateRecipients(db, event);
  const claimed = new Set(await claimNotifications(db, event.networkId, event.id, recipients.map((r) => r.userId)));
  const sender = emailSender(env);
  const domainEvent = toDomainEvent(event);
  const failed = await Promise.all(
    recipients
      .filter((r) => claimed.has(r.userId))
      .map(async (r) => {
        try {
          const url = await unsubscribeUrl(env, r.linkOrigin, { networkId: r.networkId, userId: r.userId, scope: { targetType: r.targetType, targetId: r.targetId } });
          await sender.send(immediateMessage({ networkId: r.networkId, email: r.email, locale: r.locale, siteName: r.siteName, unsubscribeUrl: url }, domainEvent));
          return false;
        } catch (error) {
          console.error(JSON.stringify({ level: 'error', message: 'notification e-mail failed', eventId: event.id, error: String(error) }));
          await releaseNotification(db, event.networkId, event.id, r.userId);
          return true;
        }
      }),
  );
  if (failed.some(Boolean)) throw new RetryLater('some notification e-mail failed');
}

async function handle(env: Env, db: Database, message: OutboundMessage, deps: ConsumerDeps): Promise<void> {
  switch (message.kind) {
    case 'event': {
      const event = await findEvent(db, message);
      if (!event) return;
      const [webhooks, mail] = await Promise.allSettled([deliverWebhooks(env, db, event, deps.fetch), notifyFollowers(env, db, event)]);
      if (webhooks.status === 'rejected') throw webhooks.reason;
      if (webhooks.value > 0) throw new RetryLater(`${webhooks.value} endpoint(s) did not accept event ${event.id}`);
      if (mail.status === 'rejected') throw mail.reason;
      return;
    }
    case 'digest':
      return sendDigest(env, db, message);
    case 'email':
      return sendThroughBinding(env, message.email);
  }
}

/**
 * The dead-letter queue: what ran out of retries. An event's deliveries that never succeeded are
 * marked failed in the delivery log; the message stays acknowledged there for inspection.
 */
async function deadLetters(db: Database, batch: MessageBatch<OutboundMessage>): Promise<void> {
  for (const message of batch.messages) {
    const body = message.body;
    if (body.kind === 'event') await markUndeliveredFailed(db, body.networkId, body.eventId);
    console.error(JSON.stringify({ level: 'error', message: 'outbound message dead-lettered', kind: body.kind, id: message.id }));
    message.ack();
  }
}

/**
 * The consumer of the outbound queue: delivers webhooks and e-mail, one message at a time.
 * A failure retries the message with exponential backoff (`message.retry({ delaySeconds })`);
 * after `max_retries` the queue moves it to the dead-letter queue.
 */
export async function consumeOutbound(batch: MessageBatch<OutboundMessage>, env: Env, deps: ConsumerDeps = { fetch: (input, init) => fetch(input, init) }): Promise<void> {
  const db = database(env.DB);
  if (batch.queue === OUTBOUND_DLQ) return deadLetters(db, batch);
  await Promise.all(
    batch.messages.map(async (message) => {
      try {
        await handle(env, db, message.body, deps);
        message.ack();
      } catch (error) {
        if (!(error instanceof RetryLater)) console.error(JSON.stringify({ level: 'error', message: 'outbound message failed', id: message.id, error: String(error) }));
        message.retry({ delaySeconds: backoffSeconds(message.attempts, retryBaseSeconds(env.OUTBOUND_RETRY_SECONDS)) });
      }
    }),
  );
}
