import type { ThreadPage } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, expectProblem, send } from '../../test/api.js';
import { signIn } from '../../test/auth.js';
import { TURNSTILE_DUMMY_TOKEN } from '../auth/turnstile.js';
import { utcDay } from '../data/quotas.js';

const SITE = 'gemeente-voorbeeldstad';
const base = `/v1/sites/${SITE}`;

async function newResident(): Promise<{ token: string; userId: string }> {
  const session = await signIn(SITE, `buur-${crypto.randomUUID()}`);
  return { token: session.accessToken, userId: session.user.id };
}

async function threadId(): Promise<string> {
  return ((await (await api(`${base}/threads?kind=topic`)).json()) as ThreadPage).data[0]!.id;
}

const commentAs = async (token: string, body: string) => send(`${base}/threads/${await threadId()}/comments`, { body }, { token });

describe('repeat posts', () => {
  it('refuses the same text by the same user within ten minutes, but not by a neighbour', async () => {
    const [me, neighbour] = [await newResident(), await newResident()];
    expect((await commentAs(me.token, 'Wie heeft er een aanhanger?')).status).toBe(201);
    await expectProblem(await commentAs(me.token, '  wie heeft er een   AANHANGER? '), 409, 'duplicate-post');
    expect((await commentAs(neighbour.token, 'Wie heeft er een aanhanger?')).status).toBe(201);
  });
});

describe('links', () => {
  it('allows three links in a comment and refuses a fourth', async () => {
    const me = await newResident();
    const three = 'Zie https://a.example, http://b.example/x en www.c.example';
    expect((await commentAs(me.token, three)).status).toBe(201);
    await expectProblem(await commentAs(me.token, `${three} en https://d.example`), 400, 'too-many-links');
  });

  it('refuses links other than http and https', async () => {
    const me = await newResident();
    for (const body of ['Klik javascript:alert(1)', 'Download ftp://bestanden.example/plan.pdf', 'Kijk data:text/html;base64,PHNjcmlwdD4=']) {
      await expectProblem(await commentAs(me.token, body), 400, 'unsafe-link');
    }
    await expectProblem(await send(`${base}/threads`, { neighbourhood: 'BU05990101', title: 'Zie vbscript:msgbox', body: '' }, { token: me.token }), 400, 'unsafe-link');
  });
});

describe('links in every other text a user writes', () => {
  it('refuses javascript: and too many links in edits, updates, offers, meetings and names', async () => {
    const me = await newResident();
    const created = await send(`${base}/initiatives`, { neighbourhood: 'BU05990101', title: 'Buurtbank', summary: 'Een bank bij de speeltuin.' }, { token: me.token });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const comment = await commentAs(me.token, 'Wie doet er mee met de bank?');
    const commentId = ((await comment.json()) as { id: string }).id;
    const ruben = await signIn(SITE, 'ruben');
    const bad = 'Kijk javascript:alert(1)';
    const refusals: [string, Response][] = [
      ['edit of an initiative', await send(`${base}/initiatives/${id}`, { summary: bad }, { token: me.token, method: 'PATCH' })],
      ['update', await send(`${base}/initiatives/${id}/updates`, { body: bad }, { token: me.token })],
      ['offer', await send(`${base}/initiatives/${id}/offers`, { kind: 'information-technical', message: bad }, { token: ruben.accessToken })],
      ['meeting', await send(`${base}/events`, { initiativeId: id, title: 'Bank bouwen', location: bad, startsAt: new Date(Date.now() + 86_400_000).toISOString() }, { token: me.token })],
      ['edit of a comment', await send(`${base}/comments/${commentId}`, { body: bad }, { token: me.token, method: 'PATCH' })],
      ['name', await send(`${base}/me`, { displayName: 'Jan data:text/html,x' }, { token: me.token, method: 'PATCH' })],
    ];
    for (const [what, res] of refusals) {
      expect(res.status, what).toBe(400);
      expect(((await res.json()) as { type: string }).type, what).toMatch(/\/unsafe-link$/);
    }
    await expectProblem(await send(`${base}/me`, { displayName: 'Jan www.goedkope-tegels.example' }, { token: me.token, method: 'PATCH' }), 400, 'too-many-links');
    const four = 'https://a.example https://b.example https://c.example https://d.example';
    await expectProblem(await send(`${base}/initiatives/${id}/offers`, { kind: 'information-technical', message: four }, { token: ruben.accessToken }), 400, 'too-many-links');
    // Plain web links stay welcome.
    expect((await send(`${base}/initiatives/${id}/updates`, { body: 'Tekening: https://voorbeeld.example/bank.pdf' }, { token: me.token })).status).toBe(201);
  });
});

describe('daily quotas', () => {
  it('answers quota-exceeded with Retry-After once a user wrote 200 comments today', async () => {
    const me = await newResident();
    await env.DB.prepare(`insert into daily_counters (network_id, user_id, day, kind, count) values ('voorbeeldstad', ?, ?, 'comment', 199)`)
      .bind(me.userId, utcDay(new Date()))
      .run();
    expect((await commentAs(me.token, 'De tweehonderdste.')).status).toBe(201);
    const refused = await commentAs(me.token, 'Eén te veel.');
    await expectProblem(refused, 429, 'quota-exceeded');
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  it('counts initiatives on their own', async () => {
    const me = await newResident();
    await env.DB.prepare(`insert into daily_counters (network_id, user_id, day, kind, count) values ('voorbeeldstad', ?, ?, 'initiative', 10)`)
      .bind(me.userId, utcDay(new Date()))
      .run();
    const res = await send(`${base}/initiatives`, { neighbourhood: 'BU05990101', title: 'Nog een plan', summary: 'Het elfde vandaag.' }, { token: me.token });
    await expectProblem(res, 429, 'quota-exceeded');
    expect((await commentAs(me.token, 'Reageren kan nog wel.')).status).toBe(201);
  });
});

describe('Turnstile on e-mail code requests', () => {
  it('asks for a token once the site enables it, and accepts the test token in a header or the body', async () => {
    const admin = (await signIn(SITE, 'beheer')).accessToken;
    const enable = (enabled: boolean) =>
      send(`${base}/admin/settings`, { policy: { turnstile: { enabled, siteKey: '1x00000000000000000000AA' } } }, { method: 'PATCH', token: admin });
    expect((await send(`${base}/auth/email/start`, { email: 'zonder@example.nl' })).status).toBe(202);
    expect((await enable(true)).status).toBe(200);
    try {
      await expectProblem(await send(`${base}/auth/email/start`, { email: 'robot@example.nl' }), 403, 'turnstile-failed');
      await expectProblem(await send(`${base}/auth/email/start`, { email: 'robot@example.nl', 'cf-turnstile-response': 'verzonnen' }), 403, 'turnstile-failed');
      expect((await send(`${base}/auth/email/start`, { email: 'mens@example.nl', 'cf-turnstile-response': TURNSTILE_DUMMY_TOKEN })).status).toBe(202);
      const viaHeader = await api(`${base}/auth/email/start`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'cf-turnstile-response': TURNSTILE_DUMMY_TOKEN },
        body: JSON.stringify({ email: 'ook-mens@example.nl' }),
      });
      expect(viaHeader.status).toBe(202);
    } finally {
      await enable(false);
    }
  });
});
