import type { Comment, CreatedWebhookEndpoint, InitiativeDetail, WebhookDeliveryPage, WebhookEndpointPage, WebhookEvent } from '@buurtplein/sdk/contract';
import { signWebhook, verifyWebhook } from '@buurtplein/sdk/server';
import { env } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, expectProblem, send } from '../../test/api.js';
import { signIn } from '../../test/auth.js';
import { runQueue, webhookReceivers } from '../../test/outbound.js';
import { database } from '../data/database.js';
import { newId } from '../db/ids.js';
import { outboundEvents } from '../db/outbound.js';
import { demoId, demoInitiativeId } from '../db/seed.js';
import { MAX_RETRIES, OUTBOUND_DLQ, OUTBOUND_QUEUE, backoffSeconds } from '../outbound/messages.js';

const SITE = 'gemeente-voorbeeldstad';
const tokens = new Map<string, string>();
async function tokenOf(user: string, site = SITE): Promise<string> {
  const key = `${site}/${user}`;
  if (!tokens.has(key)) tokens.set(key, (await signIn(site, user)).accessToken);
  return tokens.get(key)!;
}

function admin(path: string, token: string, init: RequestInit = {}) {
  return api(path, { ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } });
}

async function createEndpoint(url: string, events?: string[], site = SITE, user = 'beheer'): Promise<CreatedWebhookEndpoint> {
  const res = await send(`/v1/sites/${site}/admin/webhooks`, { url, events }, { token: await tokenOf(user, site) });
  expect(res.status).toBe(201);
  return (await res.json()) as CreatedWebhookEndpoint;
}

async function deliveries(endpoint: string, site = SITE): Promise<WebhookDeliveryPage> {
  const res = await admin(`/v1/sites/${site}/admin/webhooks/${endpoint}/deliveries`, await tokenOf(site === 'andersdorp' ? 'ingrid' : 'beheer', site));
  expect(res.status).toBe(200);
  return (await res.json()) as WebhookDeliveryPage;
}

async function threadOf(initiativeKey: string): Promise<string> {
  const detail = (await (await api(`/v1/sites/${SITE}/initiatives/${demoInitiativeId('voorbeeldstad', initiativeKey)}`)).json()) as InitiativeDetail;
  if (!detail.threadId) throw new Error(`${initiativeKey} has no thread`);
  return detail.threadId;
}

beforeAll(async () => {
  // Andersdorp has no network admin in the demo; Ingrid runs its webhooks in these tests.
  await env.DB.prepare('update users set is_network_admin = 1 where id = ?').bind(demoId('andersdorp', 'user', 'ingrid')).run();
});

let receivers: ReturnType<typeof webhookReceivers>;
beforeAll(() => {
  receivers = webhookReceivers();
});
afterAll(() => receivers.restore());

describe('webhook admin API', () => {
  it('shows the signing secret once, at creation, and never in the list', async () => {
    const created = await createEndpoint('https://hooks.example.org/once', ['comment.created']);
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.events).toEqual(['comment.created']);
    const res = await admin(`/v1/sites/${SITE}/admin/webhooks`, await tokenOf('beheer'));
    const page = (await res.json()) as WebhookEndpointPage;
    const listed = page.data.find((e) => e.id === created.id);
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty('secret');
    expect(JSON.stringify(page)).not.toContain(created.secret);
  });

  it('keeps the secret out of the database in plain text', async () => {
    const created = await createEndpoint('https://hooks.example.org/sealed');
    const rows = await env.DB.prepare('select secret_sealed from webhook_endpoints where id = ?').bind(created.id).all<{ secret_sealed: string }>();
    expect(rows.results[0]?.secret_sealed).toBeTruthy();
    expect(rows.results[0]!.secret_sealed).not.toContain(created.secret.slice(6));
  });

  it('is for network admins only', async () => {
    await expectProblem(await send(`/v1/sites/${SITE}/admin/webhooks`, { url: 'https://x.example.org/' }, { token: await tokenOf('joost') }), 403, 'forbidden');
    await expectProblem(await send(`/v1/sites/${SITE}/admin/webhooks`, { url: 'https://x.example.org/' }), 401, 'unauthorized');
    await expectProblem(await admin(`/v1/sites/${SITE}/admin/webhooks`, await tokenOf('lotte')), 403, 'forbidden');
  });

  it('refuses an address that is not a URL, or an unknown event type', async () => {
    const token = await tokenOf('beheer');
    await expectProblem(await send(`/v1/sites/${SITE}/admin/webhooks`, { url: 'niet een url' }, { token }), 400, 'invalid-request');
    await expectProblem(await send(`/v1/sites/${SITE}/admin/webhooks`, { url: 'https://x.example.org/', events: ['user.deleted'] }, { token }), 400, 'invalid-request');
  });

  it('answers 404 for another site’s endpoint and removes its own with the log', async () => {
    const created = await createEndpoint('https://hooks.example.org/gone');
    const other = await tokenOf('beheer', 'woonstichting-voorbeeld');
    await expectProblem(await admin(`/v1/sites/woonstichting-voorbeeld/admin/webhooks/${created.id}/deliveries`, other), 404, 'not-found');
    await expectProblem(await admin(`/v1/sites/woonstichting-voorbeeld/admin/webhooks/${created.id}`, other, { method: 'DELETE' }), 404, 'not-found');
    const token = await tokenOf('beheer');
    expect((await admin(`/v1/sites/${SITE}/admin/webhooks/${created.id}`, token, { method: 'DELETE' })).status).toBe(204);
    await expectProblem(await admin(`/v1/sites/${SITE}/admin/webhooks/${created.id}/deliveries`, token), 404, 'not-found');
  });

  it('refuses a token from another network', async () => {
    const outsider = await tokenOf('gerrit', 'andersdorp');
    await expectProblem(await admin(`/v1/sites/${SITE}/admin/webhooks`, outsider), 401, 'invalid-token');
  });
});

describe('webhook delivery', () => {
  it('delivers a new comment to the site’s endpoint, signed so the receiver can verify it', async () => {
    const received = () => receivers.at('https://receiver.example.org');
    const endpoint = await createEndpoint('https://receiver.example.org/buurtplein', ['comment.created']);
    const threadId = await threadOf('geveltuinen-tulpstraat');
    const res = await send(`/v1/sites/${SITE}/threads/${threadId}/comments`, { body: 'Ik kom zaterdag helpen met de tegels.' }, { token: await tokenOf('sanne') });
    const comment = (await res.json()) as Comment;

    await vi.waitFor(() => expect(received().some((r) => r.body.includes(comment.id))).toBe(true), { timeout: 5000 });
    const delivery = received().find((r) => r.body.includes(comment.id))!;
    expect(delivery.headers.get('Content-Type')).toBe('application/json');
    const event = await verifyWebhook<WebhookEvent>({ payload: delivery.body, header: delivery.headers.get('Buurtplein-Signature'), secret: endpoint.secret });
    expect(event).toMatchObject({ type: 'comment.created', site: SITE, network: { id: 'voorbeeldstad' } });
    expect(delivery.headers.get('Buurtplein-Event-Id')).toBe(event.id);
    if (event.type !== 'comment.created') throw new Error('wrong type');
    expect(event.data.comment).toMatchObject({ id: comment.id, body: 'Ik kom zaterdag helpen met de tegels.' });
    expect(event.data.thread).toMatchObject({ id: threadId, title: 'Geveltuinen in de Tulpstraat' });

    await vi.waitFor(async () => expect((await deliveries(endpoint.id)).data[0]).toMatchObject({ eventId: event.id, status: 'delivered', attempts: 1 }));
  });

  it('sends an endpoint only the event types it chose', async () => {
    await createEndpoint('https://only-initiatives.example.org/', ['initiative.created']);
    const threadId = await threadOf('geveltuinen-tulpstraat');
    await send(`/v1/sites/${SITE}/threads/${threadId}/comments`, { body: 'Geen webhook hiervoor.' }, { token: await tokenOf('sanne') });
    const res = await send(
      `/v1/sites/${SITE}/initiatives`,
      { neighbourhood: 'BU05990101', title: 'Zwerfafval prikken', summary: 'Elke eerste zaterdag samen prikken.', body: 'Met grijpers van de gemeente.', themes: ['green'], needs: ['volunteers'] },
      { token: await tokenOf('sanne') },
    );
    expect(res.status).toBe(201);
    const received = () => receivers.at('https://only-initiatives.example.org');
    await vi.waitFor(() => expect(received()).toHaveLength(1), { timeout: 5000 });
    expect(JSON.parse(received()[0]!.body)).toMatchObject({ type: 'initiative.created', data: { initiative: { title: 'Zwerfafval prikken' } } });
  });

  it('does not deliver a redelivered event twice once the receiver accepted it', async () => {
    const endpoint = await createEndpoint('https://once.example.org/', ['event.created'], 'andersdorp', 'ingrid');
    const event = await insertEvent('andersdorp');
    const message = { kind: 'event' as const, networkId: event.networkId, eventId: event.id };

    expect((await runQueue(OUTBOUND_QUEUE, [{ body: message }])).explicitAcks).toHaveLength(1);
    expect((await runQueue(OUTBOUND_QUEUE, [{ body: message, attempts: 2 }])).explicitAcks).toHaveLength(1);
    expect(receivers.at('https://once.example.org').filter((r) => r.headers.get('Buurtplein-Event-Id') === event.id)).toHaveLength(1);
    expect((await deliveries(endpoint.id, 'andersdorp')).data[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('retries a failing receiver with growing delays, then dead-letters the event and logs it failed, delivering nothing twice', async () => {
    receivers.answer('https://failing.example.org', () => 503);
    const endpoint = await createEndpoint('https://failing.example.org/', ['event.created'], 'andersdorp', 'ingrid');
    const event = await insertEvent('andersdorp');
    const message = { kind: 'event' as const, networkId: event.networkId, eventId: event.id };

    const delays: (number | undefined)[] = [];
    for (let attempt = 1; attempt <= MAX_RETRIES + 1; attempt++) {
      const result = await runQueue(OUTBOUND_QUEUE, [{ body: message, attempts: attempt }]);
      expect(result.explicitAcks).toHaveLength(0);
      expect(result.retryMessages).toHaveLength(1);
      delays.push(result.retryDelays[0]);
    }
    expect(delays).toEqual([1, 2, 3, 4, 5, 6].map((attempt) => backoffSeconds(attempt)));
    expect(delays[5]).toBeGreaterThan(delays[0]!);
    expect((await deliveries(endpoint.id, 'andersdorp')).data[0]).toMatchObject({ status: 'pending', attempts: MAX_RETRIES + 1, lastResponseStatus: 503 });

    // After max_retries the queue moves the message to the dead-letter queue.
    const dead = await runQueue(OUTBOUND_DLQ, [{ body: message }]);
    expect(dead.explicitAcks).toHaveLength(1);
    expect((await deliveries(endpoint.id, 'andersdorp')).data[0]).toMatchObject({ status: 'failed', attempts: MAX_RETRIES + 1 });
    expect(receivers.at('https://failing.example.org').filter((r) => r.headers.get('Buurtplein-Event-Id') === event.id)).toHaveLength(MAX_RETRIES + 1);
  });

  it('delivers once when a receiver that failed recovers, and never again after that', async () => {
    receivers.answer('https://flaky.example.org', (count) => (count < 3 ? 500 : 200));
    const endpoint = await createEndpoint('https://flaky.example.org/', ['event.created'], 'andersdorp', 'ingrid');
    const event = await insertEvent('andersdorp');
    const message = { kind: 'event' as const, networkId: event.networkId, eventId: event.id };
    for (let attempt = 1; attempt <= 4; attempt++) await runQueue(OUTBOUND_QUEUE, [{ body: message, attempts: attempt }]);
    const mine = receivers.at('https://flaky.example.org').filter((r) => r.headers.get('Buurtplein-Event-Id') === event.id);
    expect(mine).toHaveLength(3);
    expect(new Set(mine.map((r) => r.body)).size).toBe(1);
    expect((await deliveries(endpoint.id, 'andersdorp')).data[0]).toMatchObject({ status: 'delivered', attempts: 3 });
  });
});

describe('webhook signatures', () => {
  it('are rejected by verifyWebhook when the body, signature, secret or time was tampered with', async () => {
    const secret = 'whsec_test-secret';
    const payload = JSON.stringify({ id: 'evt', type: 'comment.created' });
    const header = await signWebhook({ payload, secret });
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    await expect(verifyWebhook({ payload, header, secret })).resolves.toEqual({ id: 'evt', type: 'comment.created' });
    await expect(verifyWebhook({ payload: payload.replace('comment', 'offer'), header, secret })).rejects.toMatchObject({ code: 'invalid-signature' });
    await expect(verifyWebhook({ payload, header, secret: 'whsec_other' })).rejects.toMatchObject({ code: 'invalid-signature' });
    await expect(verifyWebhook({ payload, header: header.replace(/v1=(.)/, (_, first: string) => `v1=${first === '0' ? '1' : '0'}`), secret })).rejects.toMatchObject({ code: 'invalid-signature' });
    const stale = await signWebhook({ payload, secret, timestamp: Math.floor(Date.now() / 1000) - 3600 });
    await expect(verifyWebhook({ payload, header: stale, secret })).rejects.toMatchObject({ code: 'timestamp-out-of-tolerance' });
    await expect(verifyWebhook({ payload, header: null, secret })).rejects.toMatchObject({ code: 'missing-signature' });
  });

  it('of a real delivery are rejected once the delivered body is altered', async () => {
    const endpoint = await createEndpoint('https://tamper.example.org/', ['comment.created']);
    const threadId = await threadOf('geveltuinen-tulpstraat');
    const res = await send(`/v1/sites/${SITE}/threads/${threadId}/comments`, { body: 'Echt van Buurtplein.' }, { token: await tokenOf('sanne') });
    const comment = (await res.json()) as Comment;
    await vi.waitFor(() => expect(receivers.at('https://tamper.example.org').some((r) => r.body.includes(comment.id))).toBe(true), { timeout: 5000 });
    const delivery = receivers.at('https://tamper.example.org').find((r) => r.body.includes(comment.id))!;
    const header = delivery.headers.get('Buurtplein-Signature');
    const tampered = delivery.body.replace('Echt van Buurtplein.', 'Nep!');
    await expect(verifyWebhook({ payload: tampered, header, secret: endpoint.secret })).rejects.toMatchObject({ code: 'invalid-signature' });
  });
});

/** An `event.created` in the outbox of a site's first neighbourhood, without a queue message of its own. */
async function insertEvent(siteKey: string) {
  const network = siteKey === 'andersdorp' ? 'andersdorp' : 'voorbeeldstad';
  const networkId = network;
  const neighbourhoodId = demoId(network, 'neighbourhood', network === 'andersdorp' ? 'dorpskern' : 'bloemenbuurt');
  const id = newId();
  const row = {
    id,
    networkId,
    siteKey,
    type: 'event.created' as const,
    actorId: null,
    neighbourhoodId,
    initiativeId: null,
    threadId: null,
    subjectId: id,
    payload: { event: { id, title: 'Dorpsoverleg' } },
    createdAt: new Date(),
  };
  await database(env.DB).insert(outboundEvents).values(row);
  return row;
}
