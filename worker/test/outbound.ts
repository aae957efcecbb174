import { createExecutionContext, createMessageBatch, env, getQueueResult, type QueueResult } from 'cloudflare:test';
import { vi } from 'vitest';
import { database } from '../src/data/database.js';
import { listDevMail, type DevMail } from '../src/data/dev-mailbox.js';
import worker from '../src/index.js';
import type { OutboundMessage } from '../src/outbound/messages.js';

/**
 * Runs the outbound consumer on messages, as the queue would deliver them, and answers what it
 * acknowledged or retried, with the delay asked of each retry (which `getQueueResult` leaves out).
 */
export async function runQueue(
  queue: string,
  messages: { body: OutboundMessage; attempts?: number }[],
): Promise<QueueResult & { retryDelays: (number | undefined)[] }> {
  const batch = createMessageBatch<OutboundMessage>(
    queue,
    messages.map((m) => ({ id: crypto.randomUUID(), timestamp: new Date(), attempts: m.attempts ?? 1, body: m.body })),
  );
  const retryDelays: (number | undefined)[] = [];
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    vi.spyOn(message, 'retry').mockImplementation((options) => {
      retryDelays.push(options?.delaySeconds);
      retry(options);
    });
  }
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  return { ...(await getQueueResult(batch, ctx)), retryDelays };
}

/** A request a webhook receiver got. */
export interface Received {
  url: string;
  headers: Headers;
  body: string;
}

/**
 * Stands in for webhook receivers on the internet (any `https://*.example.org`): every outgoing
 * `fetch` there is recorded and answered 204, or by the answer set for its origin. The worker's
 * queue consumer runs in the test's isolate, so this sees its requests, also those of deliveries
 * still running in the background after a test.
 */
export function webhookReceivers() {
  const received: Received[] = [];
  const answers = new Map<string, (count: number) => number>();
  const realFetch = globalThis.fetch;
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    const origin = new URL(request.url).origin;
    if (!origin.endsWith('.example.org')) return realFetch(input, init);
    received.push({ url: request.url, headers: request.headers, body: await request.text() });
    const count = received.filter((r) => r.url.startsWith(origin)).length;
    return new Response(null, { status: answers.get(origin)?.(count) ?? 204 });
  });
  return {
    /** What reached `origin`, oldest first. */
    at: (origin: string) => received.filter((r) => r.url.startsWith(origin)),
    /** Sets how `origin` answers its n-th request. */
    answer: (origin: string, status: (count: number) => number) => answers.set(origin, status),
    restore: () => spy.mockRestore(),
  };
}

/** The dev mailbox's messages to one address, oldest first. */
export async function mailTo(address: string): Promise<DevMail[]> {
  return (await listDevMail(database(env.DB), 500)).filter((m) => m.to === address).reverse();
}
