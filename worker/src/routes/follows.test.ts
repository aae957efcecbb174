import type { AuthSession, Follow, FollowPage, HelpOffer, InitiativeDetail, Unsubscribed } from '@buurtplein/sdk/contract';
import { createExecutionContext, createScheduledController, env } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { api, expectProblem, send } from '../../test/api.js';
import { devSecret, signIn, signSso, ssoClaims } from '../../test/auth.js';
import { mailTo, runQueue } from '../../test/outbound.js';
import { database } from '../data/database.js';
import { forgetOutbound } from '../data/outbound-privacy.js';
import { demoId, demoInitiativeId } from '../db/seed.js';
import worker from '../index.js';
import { OUTBOUND_QUEUE } from '../outbound/messages.js';
import { digestMessage } from '../outbound/notification-email.js';

const SITE = 'gemeente-voorbeeldstad';
const sessions = new Map<string, AuthSession>();
async function session(user: string, site = SITE): Promise<AuthSession> {
  const key = `${site}/${user}`;
  if (!sessions.has(key)) sessions.set(key, await signIn(site, user));
  return sessions.get(key)!;
}
const tokenOf = async (user: string, site = SITE) => (await session(user, site)).accessToken;

function follow(path: string, body: unknown, token: string, headers: Record<string, string> = {}) {
  return api(`/v1/sites/${SITE}/follows/${path}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });
}

async function initiative(key: string): Promise<InitiativeDetail> {
  return (await (await api(`/v1/sites/${SITE}/initiatives/${demoInitiativeId('voorbeeldstad', key)}`)).json()) as InitiativeDetail;
}

async function comment(threadId: string, user: string, body: string): Promise<void> {
  const res = await send(`/v1/sites/${SITE}/threads/${threadId}/comments`, { body }, { token: await tokenOf(user) });
  expect(res.status).toBe(201);
}

/** Runs the digest of one user up to now, as the cron's queue message would. */
async function digestOf(user: string, frequency: 'daily' | 'weekly' = 'daily', until = Date.now()) {
  const userId = (await session(user)).user.id;
  return runQueue(OUTBOUND_QUEUE, [{ body: { kind: 'digest', networkId: 'voorbeeldstad', userId, frequency, until } }]);
}

function bullets(text: string): string[] {
  return text.split('\n').filter((line) => line.startsWith('• '));
}

describe('PUT and DELETE /v1/sites/:site/follows/:targetType/:targetId', () => {
  it('follows an initiative, lists it under me/follows, changes the frequency and stops', async () => {
    const token = await tokenOf('pieter');
    const target = demoInitiativeId('voorbeeldstad', 'speeltuin-akkerplein');
    const res = await follow(`initiative/${target}`, { frequency: 'weekly' }, token);
    expect(res.status).toBe(200);
    const followed = (await res.json()) as Follow;
    expect(followed).toMatchObject({ targetType: 'initiative', targetId: target, frequency: 'weekly' });

    const again = (await (await follow(`initiative/${target}`, { frequency: 'immediate' }, token)).json()) as Follow;
    expect(again).toMatchObject({ frequency: 'immediate', createdAt: followed.createdAt });

    const list = (await (await api(`/v1/sites/${SITE}/me/follows`, { headers: { Authorization: `Bearer ${token}` } })).json()) as FollowPage;
    expect(list.data).toEqual([{ ...again, title: followed.title }]);

    const removed = await api(`/v1/sites/${SITE}/follows/initiative/${target}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    expect(removed.status).toBe(204);
    const after = (await (await api(`/v1/sites/${SITE}/me/follows`, { headers: { Authorization: `Bearer ${token}` } })).json()) as FollowPage;
    expect(after.data).toEqual([]);
  });

  it('follows a neighbourhood and a thread the site shows', async () => {
    const token = await tokenOf('wim');
    const neighbourhood = demoId('voorbeeldstad', 'neighbourhood', 'de-akkers');
    expect(await (await follow(`neighbourhood/${neighbourhood}`, { frequency: 'daily' }, token)).json()).toMatchObject({ title: 'De Akkers' });
    const threadId = (await initiative('speeltuin-akkerplein')).threadId!;
    expect((await follow(`thread/${threadId}`, {}, token)).status).toBe(200);
  });

  it('needs a signed-in user', async () => {
    const res = await api(`/v1/sites/${SITE}/follows/initiative/${demoInitiativeId('voorbeeldstad', 'speeltuin-akkerplein')}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    await expectProblem(res, 401, 'unauthorized');
    await expectProblem(await api(`/v1/sites/${SITE}/me/follows`), 401, 'unauthorized');
  });

  it('answers 404 for what the site does not show, another network’s or an unknown kind', async () => {
    const token = await tokenOf('pieter');
    // Bloemenbuurt is not on the housing corporation's site.
    const bloemen = demoInitiativeId('voorbeeldstad', 'geveltuinen-tulpstraat');
    const onCorporation = await api(`/v1/sites/woonstichting-voorbeeld/follows/initiative/${bloemen}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await tokenOf('pieter', 'woonstichting-voorbeeld')}` },
      body: '{}',
    });
    await expectProblem(onCorporation, 404, 'not-found');
    await expectProblem(await follow(`initiative/${demoInitiativeId('andersdorp', 'dorpsfeest')}`, {}, token), 404, 'not-found');
    await expectProblem(await follow(`person/${demoId('voorbeeldstad', 'user', 'joost')}`, {}, token), 404, 'not-found');
    await expectProblem(await follow(`initiative/${bloemen}`, { frequency: 'hourly' }, token), 400, 'invalid-request');
  });
});

describe('notification e-mail', () => {
  it('mails an immediate follower of an initiative about a new comment, in English when asked, not the commenter', async () => {
    const target = await initiative('repair-cafe-buurthuis');
    expect((await follow(`initiative/${target.id}`, { frequency: 'immediate', locale: 'en' }, await tokenOf('anouk'))).status).toBe(200);
    expect((await follow(`initiative/${target.id}`, { frequency: 'immediate' }, await tokenOf('mehmet'))).status).toBe(200);
    await comment(target.threadId!, 'mehmet', 'Ik repareer graag fietsen.');

    await vi.waitFor(async () => expect(await mailTo('anouk@example.nl')).toHaveLength(1), { timeout: 5000 });
    const [mail] = await mailTo('anouk@example.nl');
    expect(mail!.text).toContain(`Mehmet Yilmaz commented in "${target.title}": Ik repareer graag fietsen.`);
    expect(mail!.text).toMatch(/Unsubscribe with one click: https:\/\/api\.buurtplein\.test\/v1\/unsubscribe\?token=/);
    expect(await mailTo('mehmet@example.nl')).toEqual([]);
  });

  it('mails nobody who has no e-mail address', async () => {
    const token = await signSso(ssoClaims(SITE, 'zonder-adres', { name: 'Zonder Adres' }), devSecret(SITE));
    const res = await send(`/v1/sites/${SITE}/auth/sso`, { token });
    const nobody = (await res.json()) as AuthSession;
    const target = await initiative('bankjes-vijver');
    expect((await follow(`initiative/${target.id}`, { frequency: 'immediate' }, nobody.accessToken)).status).toBe(200);
    await comment(target.threadId!, 'joost', 'Wie helpt met schuren?');
    await vi.waitFor(async () => {
      const rows = await env.DB.prepare("select count(*) as n from outbound_events where type = 'comment.created' and thread_id = ?").bind(target.threadId).first<{ n: number }>();
      expect(rows?.n).toBe(1);
    });
    const sends = await env.DB.prepare('select count(*) as n from notification_sends where user_id = ?').bind(nobody.user.id).first<{ n: number }>();
    expect(sends?.n).toBe(0);
  });
});

describe('digests', () => {
  it('lists exactly the followed activity since the last digest, and nothing twice', async () => {
    const followed = await initiative('buurtmoestuin-havenflat');
    const other = await initiative('buurtbarbecue-havenplein');
    expect((await follow(`initiative/${followed.id}`, { frequency: 'daily' }, await tokenOf('sanne'))).status).toBe(200);
    expect((await follow(`initiative/${other.id}`, { frequency: 'weekly' }, await tokenOf('sanne'))).status).toBe(200);

    await comment(followed.threadId!, 'yara', 'Ik heb nog zaden over.');
    await comment(followed.threadId!, 'sanne', 'Mijn eigen reactie hoort niet in mijn overzicht.');
    await comment(other.threadId!, 'yara', 'Dit initiatief volgt Sanne wekelijks.');
    const offer = await send(`/v1/sites/${SITE}/initiatives/${followed.id}/offers`, { kind: 'information-spatial', message: 'Ik zoek uit welke grond er ligt.' }, { token: await tokenOf('ruben') });
    expect(offer.status).toBe(201);
    const accepted = await send(`/v1/sites/${SITE}/offers/${((await offer.json()) as HelpOffer).id}/accept`, {}, { token: await tokenOf('fatima') });
    expect(accepted.status).toBe(200);

    const result = await digestOf('sanne');
    expect(result.explicitAcks).toHaveLength(1);
    const mails = (await mailTo('sanne@example.nl')).filter((m) => m.subject.includes('Het nieuws van vandaag'));
    expect(mails).toHaveLength(1);
    expect(bullets(mails[0]!.text)).toEqual([
      `• Yara Mohamed reageerde in "${followed.title}": Ik heb nog zaden over.`,
      `• Ruben Mulder (Woonstichting Voorbeeld) biedt hulp aan bij "${followed.title}": Ik zoek uit welke grond er ligt.`,
      `• "${followed.title}" nam de hulp van Woonstichting Voorbeeld aan`,
    ]);

    await digestOf('sanne');
    expect((await mailTo('sanne@example.nl')).filter((m) => m.subject.includes('Het nieuws van vandaag'))).toHaveLength(1);

    await comment(followed.threadId!, 'yara', 'Morgen zaaien we.');
    await digestOf('sanne');
    const next = (await mailTo('sanne@example.nl')).filter((m) => m.subject.includes('Het nieuws van vandaag'));
    expect(next).toHaveLength(2);
    expect(bullets(next[1]!.text)).toEqual([`• Yara Mohamed reageerde in "${followed.title}": Morgen zaaien we.`]);
  }, 20_000);

  it('are started by the daily cron for every follower with an e-mail address', async () => {
    const target = await initiative('zonnepanelen-havenflat');
    expect((await follow(`initiative/${target.id}`, { frequency: 'daily' }, await tokenOf('lotte'))).status).toBe(200);
    await comment(target.threadId!, 'fatima', 'Het dak is geschikt.');
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '0 6 * * *', scheduledTime: Date.now() }), env, ctx);
    await vi.waitFor(async () => expect((await mailTo('lotte@voorbeeldstad.nl')).some((m) => m.text.includes('Het dak is geschikt.'))).toBe(true), { timeout: 5000 });
  });

  it('carry one-click unsubscribe headers', () => {
    const mail = digestMessage({ networkId: 'n', email: 'a@example.nl', locale: 'en', siteName: 'Site', unsubscribeUrl: 'https://x.test/v1/unsubscribe?token=t' }, 'weekly', []);
    expect(mail.headers).toEqual({ 'List-Unsubscribe': '<https://x.test/v1/unsubscribe?token=t>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect(mail.subject).toContain("This week's news");
  });
});

describe('/v1/unsubscribe', () => {
  it('ends the digest with the signed link from the e-mail only when confirmed, once, and refuses a forged link', async () => {
    const target = await initiative('groene-schoolroute');
    expect((await follow(`initiative/${target.id}`, { frequency: 'daily' }, await tokenOf('joost'))).status).toBe(200);
    await comment(target.threadId!, 'sanne', 'Goed plan!');
    await digestOf('joost');
    const [mail] = (await mailTo('joost@example.nl')).filter((m) => m.text.includes('Goed plan!'));
    const link = new URL(/https:\/\/\S+\/v1\/unsubscribe\?token=\S+/.exec(mail!.text)![0]);
    const dailyFollows = async () =>
      ((await (await api(`/v1/sites/${SITE}/me/follows`, { headers: { Authorization: `Bearer ${await tokenOf('joost')}` } })).json()) as FollowPage).data.filter(
        (f) => f.frequency === 'daily',
      );

    const token = link.searchParams.get('token')!;
    // One character of the signature changed: its first, whose six bits all count.
    const at = token.indexOf('.') + 1;
    const forged = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
    await expectProblem(await api(`/v1/unsubscribe?token=${encodeURIComponent(forged)}`), 401, 'invalid-token');
    await expectProblem(await api(`/v1/unsubscribe?token=${encodeURIComponent(forged)}`, { method: 'POST' }), 401, 'invalid-token');
    const otherUser = token.replace(/^[^.]+/, btoa(JSON.stringify({ v: 1, n: 'voorbeeldstad', u: demoId('voorbeeldstad', 'user', 'sanne'), f: 'daily' })).replace(/=+$/, ''));
    await expectProblem(await api(`/v1/unsubscribe?token=${encodeURIComponent(otherUser)}`, { method: 'POST' }), 401, 'invalid-token');

    // Opening the link (as a mail scanner does) only asks.
    const opened = await api(`${link.pathname}${link.search}`, { headers: { Accept: 'text/html' } });
    expect(opened.status).toBe(200);
    const confirmation = await opened.text();
    expect(confirmation).toContain('<form method="post"');
    expect(confirmation).toContain('Afmelden');
    expect(await dailyFollows()).not.toEqual([]);

    // The page's button, or a mail program's one click (RFC 8058).
    const first = await api(`${link.pathname}${link.search}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(first.status).toBe(200);
    expect((await first.json()) as Unsubscribed).toEqual({ scope: 'digest', ended: 1 });
    expect(await dailyFollows()).toEqual([]);

    const second = await api(`${link.pathname}${link.search}`, { method: 'POST' });
    expect((await second.json()) as Unsubscribed).toEqual({ scope: 'digest', ended: 0 });
  });
});

describe('forgetting a user', () => {
  it('removes their follows, settings and the events they caused from the outbound tables', async () => {
    const target = await initiative('speeltuin-akkerplein');
    const yara = (await session('yara')).user.id;
    expect((await follow(`initiative/${target.id}`, { frequency: 'daily' }, await tokenOf('yara'))).status).toBe(200);
    await comment(target.threadId!, 'yara', 'Deze tekst moet weg als ik vertrek.');
    const count = async (sql: string) => (await env.DB.prepare(sql).bind(yara).first<{ n: number }>())!.n;
    expect(await count('select count(*) as n from outbound_events where actor_id = ?')).toBeGreaterThan(0);
    const db = database(env.DB);
    const [first, ...rest] = forgetOutbound(db, 'voorbeeldstad', yara);
    await db.batch([first!, ...rest]);
    expect(await count('select count(*) as n from outbound_events where actor_id = ?')).toBe(0);
    expect(await count('select count(*) as n from follows where user_id = ?')).toBe(0);
    expect(await count('select count(*) as n from notification_settings where user_id = ?')).toBe(0);
  });
});
