import type { Comment, CreatedWebhookEndpoint, InitiativeDetail } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, freshIp, send } from '../../test/api.js';
import { signIn } from '../../test/auth.js';
import { webhookReceivers } from '../../test/outbound.js';
import { app } from '../app.js';
import { database } from '../data/database.js';
import { outboundEvents } from '../db/outbound.js';
import { demoInitiativeId } from '../db/seed.js';
import type { Env } from '../env.js';
import { resendUnqueued } from './publish.js';

const SITE = 'gemeente-voorbeeldstad';
const RECEIVER = 'https://outbox.example.org';

let receivers: ReturnType<typeof webhookReceivers>;
let endpoint: CreatedWebhookEndpoint;
beforeAll(async () => {
  receivers = webhookReceivers();
  const admin = await signIn(SITE, 'beheer');
  const res = await send(`/v1/sites/${SITE}/admin/webhooks`, { url: `${RECEIVER}/hook`, events: ['comment.created'] }, { token: admin.accessToken });
  expect(res.status).toBe(201);
  endpoint = (await res.json()) as CreatedWebhookEndpoint;
});
afterAll(() => receivers.restore());

/** A queue binding that is down: every send is refused, and counted. */
function downQueue() {
  const calls: unknown[] = [];
  const queue = {
    send: async () => Promise.reject(new Error('queue unavailable')),
    sendBatch: async (messages: unknown) => {
      calls.push(messages);
      throw new Error('queue unavailable');
    },
  } as unknown as Queue;
  return { queue, calls };
}

async function queuedAt(eventId: string): Promise<Date | null | undefined> {
  const [row] = await database(env.DB).select({ queuedAt: outboundEvents.queuedAt }).from(outboundEvents).where(eq(outboundEvents.id, eventId));
  return row?.queuedAt;
}

async function commentEventId(commentId: string): Promise<string> {
  const [row] = await database(env.DB).select({ id: outboundEvents.id }).from(outboundEvents).where(eq(outboundEvents.subjectId, commentId));
  if (!row) throw new Error(`no outbox event for comment ${commentId}`);
  return row.id;
}

describe('the outbox', () => {
  it('marks an event queued once the queue accepted it', async () => {
    const { accessToken } = await signIn(SITE, 'sanne');
    const detail = (await (await api(`/v1/sites/${SITE}/initiatives/${demoInitiativeId('voorbeeldstad', 'geveltuinen-tulpstraat')}`)).json()) as InitiativeDetail;
    const res = await send(`/v1/sites/${SITE}/threads/${detail.threadId}/comments`, { body: 'Ik neem de schoffels mee.' }, { token: accessToken });
    const comment = (await res.json()) as Comment;
    const eventId = await commentEventId(comment.id);
    await vi.waitFor(async () => expect(await queuedAt(eventId)).toBeInstanceOf(Date), { timeout: 5000 });
    await vi.waitFor(() => expect(receivers.at(RECEIVER).filter((r) => r.body.includes(comment.id))).toHaveLength(1), { timeout: 5000 });
  });

  it('keeps an event whose queue send failed, and the cron sends it on: the receiver gets it once', async () => {
    const { accessToken } = await signIn(SITE, 'joost');
    const detail = (await (await api(`/v1/sites/${SITE}/initiatives/${demoInitiativeId('voorbeeldstad', 'geveltuinen-tulpstraat')}`)).json()) as InitiativeDetail;
    const down = downQueue();
    const broken: Env = { ...env, OUTBOUND: down.queue };
    const res = await app.request(
      `https://api.buurtplein.test/v1/sites/${SITE}/threads/${detail.threadId}/comments`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}`, 'CF-Connecting-IP': freshIp() },
        body: JSON.stringify({ body: 'Deze reactie raakte de wachtrij kwijt.' }),
      },
      broken,
    );
    expect(res.status).toBe(201);
    const comment = (await res.json()) as Comment;
    const eventId = await commentEventId(comment.id);
    await vi.waitFor(() => expect(down.calls).toHaveLength(1));
    // Let the failed publish finish before looking.
    await new Promise((r) => setTimeout(r, 50));
    expect(await queuedAt(eventId)).toBeNull();
    expect(receivers.at(RECEIVER).filter((r) => r.body.includes(comment.id))).toHaveLength(0);

    // Within the first minute the cron leaves it to the request's own send.
    expect(await resendUnqueued(env, new Date())).toBe(0);
    // A cron run while the queue is still down keeps it for the next run.
    await expect(resendUnqueued(broken, new Date(Date.now() + 120_000))).rejects.toThrow('queue unavailable');
    expect(await queuedAt(eventId)).toBeNull();

    expect(await resendUnqueued(env, new Date(Date.now() + 120_000))).toBeGreaterThanOrEqual(1);
    expect(await queuedAt(eventId)).toBeInstanceOf(Date);
    await vi.waitFor(() => expect(receivers.at(RECEIVER).filter((r) => r.body.includes(comment.id))).toHaveLength(1), { timeout: 5000 });
    await vi.waitFor(async () => {
      const log = await api(`/v1/sites/${SITE}/admin/webhooks/${endpoint.id}/deliveries`, { headers: { Authorization: `Bearer ${(await signIn(SITE, 'beheer')).accessToken}` } });
      expect(((await log.json()) as { data: { eventId: string; status: string }[] }).data.find((d) => d.eventId === eventId)).toMatchObject({ status: 'delivered' });
    });

    // Sent; the next run has nothing left.
    expect(await resendUnqueued(env, new Date(Date.now() + 180_000))).toBe(0);
    expect(receivers.at(RECEIVER).filter((r) => r.body.includes(comment.id))).toHaveLength(1);
  });
});
