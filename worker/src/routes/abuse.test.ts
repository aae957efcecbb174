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
