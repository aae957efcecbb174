import type { Context } from 'hono';
import { database, type Database } from '../data/database.js';
import { markQueued, unqueuedEvents, type OutboxKey } from '../data/outbox.js';
import type { AppEnv, Env } from '../env.js';
import { threadLive } from '../live/thread-live.js';
import { initiativeThreadId, LIVE_EVENT_TYPES, type PlannedEvent } from './domain-events.js';
import type { OutboundMessage } from './messages.js';

/** Queue sends take at most 100 messages at a time. */
const SEND_BATCH = 100;

/** How long after its commit an unsent event is left to the request that made it, before the cron re-sends it. */
const RESEND_AFTER_MS = 60_000;

/** The most events one cron run re-sends; the next run goes on. */
const RESEND_MAX = 1000;

/** Puts events on the outbound queue and records that it accepted them; throws when the queue did not. */
async function enqueue(env: Env, db: Database, events: readonly OutboxKey[]): Promise<void> {
  if (!env.OUTBOUND) throw new Error('the OUTBOUND queue binding is missing');
  await env.OUTBOUND.sendBatch(events.map((e) => ({ body: { kind: 'event', networkId: e.networkId, eventId: e.id } satisfies OutboundMessage })));
  const at = new Date();
  for (const networkId of new Set(events.map((e) => e.networkId))) {
    await markQueued(db, networkId, events.filter((e) => e.networkId === networkId).map((e) => e.id), at);
  }
}

async function publish(env: Env, events: readonly PlannedEvent[]): Promise<void> {
  const db = database(env.DB);
  const queued = enqueue(env, db, events.map((e) => ({ networkId: e.event.network.id, id: e.event.id })));
  const live = events
    .filter((e) => LIVE_EVENT_TYPES.has(e.event.type))
    .map(async (e) => {
      const networkId = e.event.network.id;
      const threadId = e.threadId ?? (e.initiativeId ? await initiativeThreadId(db, networkId, e.initiativeId) : null);
      if (threadId) await threadLive(env, networkId, threadId)?.broadcast(e.event);
    });
  const results = await Promise.allSettled([queued, ...live]);
  for (const result of results) {
    if (result.status === 'rejected') console.error(JSON.stringify({ level: 'error', message: 'publishing events failed', error: String(result.reason) }));
  }
}

/**
 * Sends committed events on, without holding up the response: to the outbound queue (webhooks,
 * e-mail) and to the live viewers of their thread. A lost queue send leaves the event unqueued
 * in the outbox, and the cron sends it later (`resendUnqueued`).
 */
export function publishEvents(c: Context<AppEnv>, events: readonly PlannedEvent[]): void {
  const sending = publish(c.env, events);
  try {
    c.executionCtx.waitUntil(sending);
  } catch {
    // No execution context (app.request in a unit test): let it run on its own.
  }
}

/**
 * The cron's part of the outbox: sends the events whose queue send after the commit was lost
 * (the queue refused, the isolate ended), so no event is dropped. Sending one twice is harmless:
 * deliveries skip endpoints that accepted it and notifications are claimed once per user.
 * Answers how many it sent.
 */
export async function resendUnqueued(env: Env, now: Date): Promise<number> {
  const db = database(env.DB);
  let sent = 0;
  while (sent < RESEND_MAX) {
    const events = await unqueuedEvents(db, new Date(now.getTime() - RESEND_AFTER_MS), SEND_BATCH);
    if (events.length === 0) break;
    await enqueue(env, db, events);
    sent += events.length;
    if (events.length < SEND_BATCH) break;
  }
  if (sent > 0) console.warn(JSON.stringify({ level: 'warn', message: 're-sent unqueued outbox events', count: sent }));
  return sent;
}
