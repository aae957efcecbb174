import { database } from '../data/database.js';
import { storeDevMail } from '../data/dev-mailbox.js';
import { usesDevMailbox, type Env } from '../env.js';

/** A plain-text e-mail on behalf of a network. */
export interface OutgoingEmail {
  networkId: string;
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. `List-Unsubscribe`; the dev mailbox leaves them out. */
  headers?: Record<string, string>;
}

/** Sends e-mail; which way depends on where the worker runs. */
export interface EmailSender {
  send(message: OutgoingEmail): Promise<void>;
}

/** Development and tests: every message lands in the dev mailbox (`/dev/mailbox`). */
export function devMailboxSender(env: Env): EmailSender {
  return { send: ({ networkId, to, subject, text }) => storeDevMail(database(env.DB), { networkId, to, subject, text }) };
}

/**
 * Production: the message goes on the outbound queue, whose consumer sends it through the
 * `send_email` binding (`sendThroughBinding`), retried with backoff and then dead-lettered.
 */
export function queuedSender(env: Env): EmailSender {
  return {
    send: async (email) => {
      if (!env.OUTBOUND) throw new Error('the OUTBOUND queue binding is missing');
      await env.OUTBOUND.send({ kind: 'email', email });
    },
  };
}

/** Sends one message through Cloudflare's `send_email` binding; the queue consumer calls this. */
export async function sendThroughBinding(env: Env, email: OutgoingEmail): Promise<void> {
  if (!env.EMAIL) throw new Error('the EMAIL (send_email) binding is missing');
  await env.EMAIL.send({ from: env.EMAIL_FROM ?? 'Buurtplein <noreply@buurtplein.nl>', to: email.to, subject: email.subject, text: email.text, headers: email.headers });
}

/** The sender for this environment: the dev mailbox in development and tests, else the queue. */
export function emailSender(env: Env): EmailSender {
  return usesDevMailbox(env) ? devMailboxSender(env) : queuedSender(env);
}
