import type { FollowFrequency } from '@buurtplein/sdk/contract';
import type { OutgoingEmail } from '../email/email-sender.js';

/** A domain event committed to the outbox: deliver its webhooks and immediate e-mail. */
export interface EventMessage {
  kind: 'event';
  networkId: string;
  eventId: string;
}

/** One user's digest of what they follow, up to `until` (ms since the epoch). */
export interface DigestMessage {
  kind: 'digest';
  networkId: string;
  userId: string;
  frequency: Exclude<FollowFrequency, 'immediate'>;
  until: number;
}

/** An e-mail to send through the `send_email` binding (production). */
export interface EmailMessage {
  kind: 'email';
  email: OutgoingEmail;
}

/** What travels on the outbound queue. */
export type OutboundMessage = EventMessage | DigestMessage | EmailMessage;

/** The outbound queue and its dead-letter queue, as named in wrangler.toml. */
export const OUTBOUND_QUEUE = 'buurtplein-outbound';
export const OUTBOUND_DLQ = 'buurtplein-outbound-dlq';

/** Retries before a message goes to the dead-letter queue; keep in step with `max_retries` in wrangler.toml. */
export const MAX_RETRIES = 5;

/** The first retry's delay in seconds, unless `OUTBOUND_RETRY_SECONDS` sets another. */
const RETRY_BASE_SECONDS = 30;

/**
 * Exponential backoff: 30 s, 1, 2, 4, 8 minutes … capped at an hour. `base` (the
 * `OUTBOUND_RETRY_SECONDS` var) shortens it on a development server, so retries and
 * dead-lettering can be watched in seconds.
 */
export function backoffSeconds(attempts: number, base: number = RETRY_BASE_SECONDS): number {
  return Math.min(base * 2 ** Math.max(0, attempts - 1), 3600);
}

/** The first retry's delay this worker runs with: `OUTBOUND_RETRY_SECONDS` when it is a positive number. */
export function retryBaseSeconds(setting: string | undefined): number {
  const value = Number(setting);
  return setting !== undefined && Number.isFinite(value) && value > 0 ? value : RETRY_BASE_SECONDS;
}
