import type { DomainEvent, InitiativeDetail, LiveTicket } from '@buurtplein/sdk/contract';
import { SELF } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { api, expectProblem, send } from '../../test/api.js';
import { signIn } from '../../test/auth.js';
import { demoInitiativeId } from '../db/seed.js';

const SITE = 'gemeente-voorbeeldstad';
const ORIGIN = 'https://www.voorbeeldstad.nl';

async function ticketFor(threadId: string, token?: string): Promise<LiveTicket> {
  const res = await send(`/v1/sites/${SITE}/threads/${threadId}/live-tickets`, {}, { token });
  expect(res.status).toBe(201);
  return (await res.json()) as LiveTicket;
}

/** Opens the ticket's WebSocket as a browser page on `origin` would. */
function connect(ticket: LiveTicket, origin: string | null = ORIGIN): Promise<Response> {
  const headers: Record<string, string> = { Upgrade: 'websocket' };
  if (origin) headers.Origin = origin;
  return SELF.fetch(ticket.url.replace(/^ws/, 'http'), { headers });
}

async function listen(ticket: LiveTicket): Promise<{ socket: WebSocket; messages: DomainEvent[] }> {
  const res = await connect(ticket);
  expect(res.status).toBe(101);
  const socket = res.webSocket!;
  socket.accept();
  const messages: DomainEvent[] = [];
  socket.addEventListener('message', (e) => {
    if (e.data !== 'pong') messages.push(JSON.parse(e.data as string) as DomainEvent);
  });
  return { socket, messages };
}

async function initiative(key: string): Promise<InitiativeDetail> {
  return (await (await api(`/v1/sites/${SITE}/initiatives/${demoInitiativeId('voorbeeldstad', key)}`)).json()) as InitiativeDetail;
}

describe('live updates of a thread', () => {
  it('pushes a comment posted through the API to an open socket, also of an anonymous viewer', async () => {
    const target = await initiative('geveltuinen-tulpstraat');
    const ticket = await ticketFor(target.threadId!);
    expect(ticket.url).toMatch(/^wss:\/\/api\.buurtplein\.test\/v1\/sites\/gemeente-voorbeeldstad\/threads\/\w+\/live\?ticket=/);
    const { socket, messages } = await listen(ticket);

    const joost = await signIn(SITE, 'joost');
    const res = await send(`/v1/sites/${SITE}/threads/${target.threadId}/comments`, { body: 'Live erbij!' }, { token: joost.accessToken });
    expect(res.status).toBe(201);
    await vi.waitFor(() => expect(messages.map((m) => m.type)).toContain('comment.created'), { timeout: 2000 });
    const event = messages.find((m) => m.type === 'comment.created');
    expect(event?.data).toMatchObject({ comment: { body: 'Live erbij!', author: { displayName: 'Joost de Vries' } } });
    socket.close(1000, 'done');
  });

  it('pushes status changes and help offers of the thread’s initiative', async () => {
    const target = await initiative('speeltuin-akkerplein');
    const { socket, messages } = await listen(await ticketFor(target.threadId!, (await signIn(SITE, 'wim')).accessToken));
    const esra = await signIn(SITE, 'esra');
    const offer = await send(`/v1/sites/${SITE}/initiatives/${target.id}/offers`, { kind: 'coffee', message: 'Koffie voor de klussers.' }, { token: esra.accessToken });
    expect(offer.status).toBe(201);
    const anouk = await signIn(SITE, 'anouk');
    const paused = await send(`/v1/sites/${SITE}/initiatives/${target.id}`, { status: 'paused', note: 'Even wachten op de vergunning.' }, { method: 'PATCH', token: anouk.accessToken });
    expect(paused.status).toBe(200);
    await vi.waitFor(() => expect(messages.map((m) => m.type)).toEqual(['offer.created', 'initiative.status_changed']), { timeout: 2000 });
    expect(messages[1]?.data).toMatchObject({ change: { from: 'active', to: 'paused', note: 'Even wachten op de vergunning.' } });
    socket.close(1000, 'done');
  });

  it('answers ping with pong', async () => {
    const target = await initiative('geveltuinen-tulpstraat');
    const res = await connect(await ticketFor(target.threadId!));
    const socket = res.webSocket!;
    socket.accept();
    const answers: unknown[] = [];
    socket.addEventListener('message', (e) => answers.push(e.data));
    socket.send('ping');
    await vi.waitFor(() => expect(answers).toContain('pong'));
    socket.close(1000, 'done');
  });

  it('refuses a used ticket, a forged one and one for another thread', async () => {
    const a = await initiative('geveltuinen-tulpstraat');
    const b = await initiative('speeltuin-akkerplein');
    const ticket = await ticketFor(a.threadId!);
    const first = await connect(ticket);
    expect(first.status).toBe(101);
    first.webSocket!.accept();
    first.webSocket!.close(1000, 'done');
    await expectProblem(await connect(ticket), 401, 'invalid-token');

    const forged = { ...ticket, url: ticket.url.replace(/ticket=[^&]+/, 'ticket=nep-ticket-0123456789') };
    await expectProblem(await connect(forged), 401, 'invalid-token');

    const forA = await ticketFor(a.threadId!);
    const onB = { ...forA, url: forA.url.replace(a.threadId!, b.threadId!) };
    await expectProblem(await connect(onB), 401, 'invalid-token');
  });

  it('refuses a handshake from a page the site does not allow, or without an origin', async () => {
    const target = await initiative('geveltuinen-tulpstraat');
    await expectProblem(await connect(await ticketFor(target.threadId!), 'https://evil.example.org'), 403, 'forbidden');
    await expectProblem(await connect(await ticketFor(target.threadId!), 'https://www.woonstichting-voorbeeld.nl'), 403, 'forbidden');
    await expectProblem(await connect(await ticketFor(target.threadId!), null), 403, 'forbidden');
  });

  it('answers a plain GET with upgrade-required, and 404 for a thread the site does not show', async () => {
    const target = await initiative('geveltuinen-tulpstraat');
    const ticket = await ticketFor(target.threadId!);
    await expectProblem(await SELF.fetch(ticket.url.replace(/^ws/, 'http')), 426, 'upgrade-required');
    const res = await send(`/v1/sites/woonstichting-voorbeeld/threads/${target.threadId}/live-tickets`, {});
    await expectProblem(res, 404, 'not-found');
  });
});
