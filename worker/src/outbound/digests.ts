import type { FollowFrequency } from '@buurtplein/sdk/contract';
import { advanceDigest, DIGEST_MAX_EVENTS, digestEvents, digestRecipients, findDigestRecipient } from '../data/notifications.js';
import { database, type Database } from '../data/database.js';
import { emailSender } from '../email/email-sender.js';
import type { Env } from '../env.js';
import { toDomainEvent } from './outbox.js';
import type { DigestMessage, OutboundMessage } from './messages.js';
import { digestMessage } from './notification-email.js';
import { unsubscribeUrl } from './unsubscribe-token.js';

type DigestFrequency = Exclude<FollowFrequency, 'immediate'>;

/** The cron expressions of the digests; keep in step with `[triggers] crons` in wrangler.toml. */
export const DIGEST_CRONS: Record<string, DigestFrequency> = {
  '0 6 * * *': 'daily',
  '0 6 * * mon': 'weekly',
};

/** Queue sends take at most 100 messages at a time. */
const SEND_BATCH = 100;

/**
 * The cron's part: one digest message per follower with an e-mail address, covering up to the
 * scheduled time. The work itself happens in the queue consumer, one user at a time.
 */
export async function enqueueDigests(env: Env, frequency: DigestFrequency, until: Date): Promise<number> {
  if (!env.OUTBOUND) throw new Error('the OUTBOUND queue binding is missing');
  const recipients = await digestRecipients(database(env.DB), frequency);
  for (let i = 0; i < recipients.length; i += SEND_BATCH) {
    const messages = recipients.slice(i, i + SEND_BATCH).map(({ networkId, userId }) => ({
      body: { kind: 'digest', networkId, userId, frequency, until: until.getTime() } satisfies OutboundMessage,
    }));
    await env.OUTBOUND.sendBatch(messages);
  }
  return recipients.length;
}

/**
 * Sends one user's digest: exactly the followed activity since their last digest up to the
 * message's `until`, in their language. A digest already sent up to `until` is not sent again;
 * a digest with nothing in it is not sent at all. A digest that hits the limit covers up to its
 * last event, and the next digest goes on from there.
 */
export async function sendDigest(env: Env, db: Database, message: DigestMessage): Promise<void> {
  const found = await findDigestRecipient(db, message.networkId, message.userId, message.frequency);
  const until = new Date(message.until);
  if (!found || (found.lastUntil && found.lastUntil >= until)) return;
  const { recipient } = found;
  const events = await digestEvents(db, message.networkId, message.userId, message.frequency, found.lastUntil, until);
  if (events.length > 0) {
    const url = await unsubscribeUrl(env, recipient.linkOrigin, { networkId: recipient.networkId, userId: recipient.userId, scope: { frequency: message.frequency } });
    const to = { networkId: recipient.networkId, email: recipient.email, locale: recipient.locale, siteName: recipient.siteName, unsubscribeUrl: url };
    await emailSender(env).send(digestMessage(to, message.frequency, events.map(toDomainEvent)));
  }
  const full = events.length === DIGEST_MAX_EVENTS;
  await advanceDigest(db, message.userId, message.frequency, full ? events[events.length - 1]!.createdAt : until);
}
