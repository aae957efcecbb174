import type { Context } from 'hono';
import { database } from '../data/database.js';
import type { AppEnv, Env } from '../env.js';
import { threadLive } from '../live/thread-live.js';
import { initiativeThreadId, LIVE_EVENT_TYPES, type PlannedEvent } from './domain-events.js';
import type { OutboundMessage } from './messages.js';

async function publish(env: Env, events: readonly PlannedEvent[]): Promise<void> {
  const messages = events.map((e) => ({ body: { kind: 'event', networkId: e.event.network.id, eventId: e.event.id } satisfies OutboundMessage }));
  const live = events
    .filter((e) => LIVE_EVENT_TYPES.has(e.event.type))
    .map(async (e) => {
      const networkId = e.event.network.id;
      const threadId = e.threadId ?? (e.initiativeId ? await initiativeThreadId(database(env.DB), networkId, e.initiativeId) : null);
      if (threadId) await threadLive(env, networkId, threadId)?.broadcast(e.event);
    });
  const results = await Promise.allSettled([env.OUTBOUND?.sendBatch(messages), ...live]);
  for (const result of results) {
    if (result.status === 'rejected') console.error(JSON.stringify({ level: 'error', message: 'publishing events failed', error: String(result.reason) }));
  }
}

/**
 * Sends committed events on, without holding up the response: to the outbound queue (webhooks,
 * e-mail) and to the live viewers of their thread. A lost send leaves the event in the outbox.
 */
export function publishEvents(c: Context<AppEnv>, events: readonly PlannedEvent[]): void {
  const sending = publish(c.env, events);
  try {
    c.executionCtx.waitUntil(sending);
  } catch {
    // No execution context (app.request in a unit test): let it run on its own.
  }
}
