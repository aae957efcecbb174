import { database } from '../data/database.js';
import { storeDevMail } from '../data/dev-mailbox.js';
import { usesDevMailbox, type Env } from '../env.js';

/** A plain-text e-mail on behalf of a network. */
export interface OutgoingEmail {
  networkId: string;
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail; which way depends on where the worker runs. */
export interface EmailSender {
  send(message: OutgoingEmail): Promise<void>;
}

/** Development and tests: every message lands in the dev mailbox (`/dev/mailbox`). */
export function devMailboxSender(env: Env): EmailSender {
  return { send: (message) => storeDevMail(database(env.DB), message) };
}

/**
 * The sender for this environment. TODO(#7): in production, enqueue on the e-mail queue whose
 * consumer sends through the `send_email` binding with retries; until then production refuses
 * before anything is written.
 */
export function emailSender(env: Env): EmailSender {
  if (usesDevMailbox(env)) return devMailboxSender(env);
  throw new Error('no production e-mail sender yet (issue #7)');
}
