import type { Comment, CommentPage, InitiativePage, ModerationLogPage, ModerationQueue, Thread, ThreadPage } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, expectProblem, send } from '../../test/api.js';
import { signIn } from '../../test/auth.js';
import { demoId, demoInitiativeId } from '../db/seed.js';

const SITE = 'gemeente-voorbeeldstad';
const base = `/v1/sites/${SITE}`;
const userId = (key: string) => demoId('voorbeeldstad', 'user', key);

const tokens = new Map<string, Promise<string>>();
function tokenOf(user: string, site = SITE): Promise<string> {
  const key = `${site}/${user}`;
  if (!tokens.has(key)) tokens.set(key, signIn(site, user).then((s) => s.accessToken));
  return tokens.get(key)!;
}

async function get<T>(path: string, as?: string): Promise<T> {
  const res = await api(path, { headers: as ? { Authorization: `Bearer ${await tokenOf(as)}` } : {} });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

async function post(path: string, body: unknown, as: string, method = 'POST'): Promise<Response> {
  return send(path, body, { token: await tokenOf(as), method });
}

async function aTopic(): Promise<Thread> {
  const page = await get<ThreadPage>(`${base}/threads?kind=topic`);
  return page.data[0]!;
}

async function comment(threadId: string, as: string, body: string): Promise<Comment> {
  const res = await post(`${base}/threads/${threadId}/comments`, { body }, as);
  expect(res.status).toBe(201);
  return (await res.json()) as Comment;
}

async function commentsOf(threadId: string): Promise<Comment[]> {
  return (await get<CommentPage>(`${base}/threads/${threadId}/comments?limit=50`)).data;
}

async function mailTo(address: string): Promise<{ subject: string; text: string }[]> {
  const { results } = await env.DB.prepare('select subject, text from dev_mailbox where "to" = ? order by id').bind(address).all<{ subject: string; text: string }>();
  return results;
}

const report = (targetType: string, targetId: string, as: string, reason = 'spam') =>
  post(`${base}/reports`, { targetType, targetId, reason, note: 'Dit is reclame.' }, as);

describe('report → auto-hide → restore', () => {
  it('hides a comment at the third report, logs the system and the moderator, and tells the author both times', async () => {
    const thread = await aTopic();
    const posted = await comment(thread.id, 'fatima', 'Koop nu goedkope zonnepanelen bij mijn zwager!');
    const mailBefore = (await mailTo('fatima@example.nl')).length;

    for (const reporter of ['joost', 'anouk']) expect((await report('comment', posted.id, reporter)).status).toBe(201);
    expect((await commentsOf(thread.id)).find((c) => c.id === posted.id)?.status).toBe('visible');

    expect((await report('comment', posted.id, 'mehmet')).status).toBe(201);
    const hidden = (await commentsOf(thread.id)).find((c) => c.id === posted.id)!;
    expect(hidden).toMatchObject({ status: 'hidden', body: null, author: null });

    const queue = await get<ModerationQueue>(`${base}/moderation/queue`, 'lotte');
    const item = queue.data.find((i) => i.targetId === posted.id)!;
    expect(item).toMatchObject({ targetType: 'comment', state: 'hidden', reportCount: 3, reasons: [{ reason: 'spam', count: 3 }] });
    expect(item.text).toContain('zonnepanelen');

    let log = await get<ModerationLogPage>(`${base}/moderation/audit-log`, 'lotte');
    expect(log.data[0]).toMatchObject({ action: 'auto-hide', targetId: posted.id, userId: userId('fatima'), actor: { kind: 'system', id: null } });
    const autoHideId = log.data[0]!.id;

    let mail = (await mailTo('fatima@example.nl')).slice(mailBefore);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('verborgen');
    expect(mail[0]!.text).toContain(`Kenmerk: ${autoHideId}`);
    expect(mail[0]!.text).toContain('bezwaar');

    const restore = await post(`${base}/moderation/actions`, { action: 'restore', targetType: 'comment', targetId: posted.id, reason: 'Geen reclame: een tip aan buren.' }, 'lotte');
    expect(restore.status).toBe(201);
    expect((await commentsOf(thread.id)).find((c) => c.id === posted.id)).toMatchObject({ status: 'visible', body: posted.body });

    log = await get<ModerationLogPage>(`${base}/moderation/audit-log?limit=2`, 'lotte');
    expect(log.data.map((e) => [e.action, e.actor.kind])).toEqual([
      ['restore', 'user'],
      ['auto-hide', 'system'],
    ]);
    expect(log.data[0]).toMatchObject({ actor: { id: userId('lotte') }, reason: 'Geen reclame: een tip aan buren.' });
    mail = (await mailTo('fatima@example.nl')).slice(mailBefore);
    expect(mail.map((m) => m.subject)).toEqual([expect.stringContaining('verborgen'), expect.stringContaining('weer zichtbaar')]);
    expect(mail[1]!.text).toContain('Geen reclame: een tip aan buren.');

    // The reports are settled: the item left the queue, and new reports start counting again.
    expect((await get<ModerationQueue>(`${base}/moderation/queue`, 'lotte')).data.some((i) => i.targetId === posted.id)).toBe(false);
  });

  it('refuses a second open report by the same user, and reports of what the site does not show', async () => {
    const thread = await aTopic();
    const posted = await comment(thread.id, 'sanne', 'Wie heeft er een ladder te leen?');
    expect((await report('comment', posted.id, 'pieter')).status).toBe(201);
    await expectProblem(await report('comment', posted.id, 'pieter'), 409, 'report-exists');
    await expectProblem(await report('comment', 'zzzzzzzzzzzzzzzzzzzzzzzzzz', 'pieter'), 404, 'not-found');
    await expectProblem(await report('initiative', demoInitiativeId('andersdorp', (await firstAndersdorpKey())), 'pieter'), 404, 'not-found');
    await expectProblem(await send(`${base}/reports`, { targetType: 'comment', targetId: posted.id, reason: 'spam' }), 401, 'unauthorized');
  });
});

async function firstAndersdorpKey(): Promise<string> {
  const { demoNetworks } = await import('../db/demo-data.js');
  return demoNetworks.find((n) => n.key === 'andersdorp')!.initiatives[0]!.key;
}

describe('POST /v1/sites/:site/moderation/actions', () => {
  it('hides an initiative from every public read: list, detail, search, its thread and its meetings', async () => {
    const id = demoInitiativeId('voorbeeldstad', 'repair-cafe-buurthuis');
    const before = await get<{ title: string; threadId: string | null }>(`${base}/initiatives/${id}`);
    const hide = await post(`${base}/moderation/actions`, { action: 'hide', targetType: 'initiative', targetId: id, reason: 'Bevat een telefoonnummer van een ander.' }, 'lotte');
    expect(hide.status).toBe(201);

    await expectProblem(await api(`${base}/initiatives/${id}`), 404, 'not-found');
    const everything = JSON.stringify(await get<InitiativePage>(`${base}/initiatives?limit=50`));
    expect(everything).not.toContain(id);
    const search = JSON.stringify(await get<InitiativePage>(`${base}/initiatives?q=${encodeURIComponent(before.title)}`));
    expect(search).not.toContain(id);
    if (before.threadId) await expectProblem(await api(`${base}/threads/${before.threadId}`), 404, 'not-found');
    expect(JSON.stringify(await get(`${base}/events?limit=50`))).not.toContain(id);

    await post(`${base}/moderation/actions`, { action: 'restore', targetType: 'initiative', targetId: id, reason: 'Het nummer is eruit gehaald.' }, 'lotte');
    expect((await get<{ title: string }>(`${base}/initiatives/${id}`)).title).toBe(before.title);
  });

  it('lets only moderators act, see the queue and (with admins) the audit log', async () => {
    const body = { action: 'dismiss', targetType: 'initiative', targetId: demoInitiativeId('voorbeeldstad', 'repair-cafe-buurthuis'), reason: 'Niets aan de hand.' };
    await expectProblem(await post(`${base}/moderation/actions`, body, 'joost'), 403, 'forbidden');
    await expectProblem(await api(`${base}/moderation/queue`), 401, 'unauthorized');
    await expectProblem(await api(`${base}/moderation/queue`, { headers: { Authorization: `Bearer ${await tokenOf('beheer')}` } }), 403, 'forbidden');
    expect((await api(`${base}/moderation/audit-log`, { headers: { Authorization: `Bearer ${await tokenOf('beheer')}` } })).status).toBe(200);
  });

  it('blocks a user: their writes answer user-blocked, reading goes on, and unblocking lets them back', async () => {
    const thread = await aTopic();
    const block = await post(`${base}/moderation/actions`, { action: 'block-user', userId: userId('wim'), reason: 'Herhaaldelijk schelden.' }, 'lotte');
    expect(block.status).toBe(201);
    await expectProblem(await post(`${base}/threads/${thread.id}/comments`, { body: 'Hallo?' }, 'wim'), 403, 'user-blocked');
    await expectProblem(await post(`${base}/initiatives/${demoInitiativeId('voorbeeldstad', 'repair-cafe-buurthuis')}/support`, {}, 'wim', 'PUT'), 403, 'user-blocked');
    expect((await api(`${base}/me`, { headers: { Authorization: `Bearer ${await tokenOf('wim')}` } })).status).toBe(200);
    expect((await mailTo('wim@example.nl')).at(-1)?.subject).toContain('geblokkeerd');

    await post(`${base}/moderation/actions`, { action: 'unblock-user', userId: userId('wim'), reason: 'Excuses aangeboden.' }, 'lotte');
    expect((await post(`${base}/threads/${thread.id}/comments`, { body: 'Sorry, buren.' }, 'wim')).status).toBe(201);
  });

  it('answers content and users of another network with not-found', async () => {
    const other = demoId('andersdorp', 'user', 'gerrit');
    await expectProblem(await post(`${base}/moderation/actions`, { action: 'block-user', userId: other, reason: 'Bestaat hier niet.' }, 'lotte'), 404, 'not-found');
    const initiative = demoInitiativeId('andersdorp', await firstAndersdorpKey());
    await expectProblem(await post(`${base}/moderation/actions`, { action: 'hide', targetType: 'initiative', targetId: initiative, reason: 'Bestaat hier niet.' }, 'lotte'), 404, 'not-found');
  });
});

describe('the audit log', () => {
  it('cannot be changed or emptied, not even by the database’s own user', async () => {
    await env.DB.prepare(`insert into moderation_log (id, network_id, site_key, action, reason, created_at) values ('0000000000testlogentry00', 'voorbeeldstad', ?, 'dismiss', 'test', 0)`)
      .bind(SITE)
      .run();
    await expect(env.DB.prepare(`update moderation_log set reason = 'anders' where id = '0000000000testlogentry00'`).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare(`delete from moderation_log`).run()).rejects.toThrow(/append-only/);
  });
});

describe('pre-moderation', () => {
  it('holds a new resident’s first comment until a moderator lets it through', async () => {
    const admin = await tokenOf('beheer');
    const patch = await send(`${base}/admin/settings`, { policy: { premoderateFirstPosts: 1 } }, { method: 'PATCH', token: admin });
    expect(patch.status).toBe(200);
    try {
      const newcomer = (await signIn(SITE, `nieuw-${crypto.randomUUID()}`)).accessToken;
      const thread = await aTopic();
      const res = await send(`${base}/threads/${thread.id}/comments`, { body: 'Hoi allemaal, ik ben nieuw hier.' }, { token: newcomer });
      expect(res.status).toBe(201);
      const held = (await res.json()) as Comment;
      expect(held.status).toBe('pending');
      expect((await commentsOf(thread.id)).some((c) => c.id === held.id)).toBe(false);
      expect((await get<ModerationQueue>(`${base}/moderation/queue`, 'lotte')).data.find((i) => i.targetId === held.id)).toMatchObject({ state: 'pending', reportCount: 0 });

      await post(`${base}/moderation/actions`, { action: 'restore', targetType: 'comment', targetId: held.id, reason: 'Welkom in de buurt.' }, 'lotte');
      expect((await commentsOf(thread.id)).find((c) => c.id === held.id)).toMatchObject({ status: 'visible', body: 'Hoi allemaal, ik ben nieuw hier.' });
      // One shown post, and the policy asks for one: the next one goes straight through.
      const next = await send(`${base}/threads/${thread.id}/comments`, { body: 'Dank voor het welkom!' }, { token: newcomer });
      expect(((await next.json()) as Comment).status).toBe('visible');
    } finally {
      await send(`${base}/admin/settings`, { policy: { premoderateFirstPosts: 0 } }, { method: 'PATCH', token: admin });
    }
  });
});
