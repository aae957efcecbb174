import type { AuthSession, Comment, InitiativeDetail, ThreadPage, UserExport } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, expectProblem, send } from '../../test/api.js';
import { signIn } from '../../test/auth.js';
import { hmac } from '../auth/hashing.js';
import { database } from '../data/database.js';
import { listDeletions, replayDeletions } from '../data/privacy.js';

const SITE = 'gemeente-voorbeeldstad';
const base = `/v1/sites/${SITE}`;
const CODE_SECRET = 'test-code-secret-0123456789abcdef0123456789';

/** Signs up a new resident by e-mail code, names them and has them take part: an initiative, a comment, a +1, a report. */
async function activeResident(tag: string) {
  const email = `${tag}-${crypto.randomUUID().slice(0, 8)}@voorbeeld-bewoner.nl`;
  expect((await send(`${base}/auth/email/start`, { email })).status).toBe(202);
  const mail = await env.DB.prepare('select text from dev_mailbox where "to" = ? order by id desc limit 1').bind(email).first<{ text: string }>();
  const code = /\b(\d{6})\b/.exec(mail!.text)![1]!;
  const session = (await (await send(`${base}/auth/email/verify`, { email, code })).json()) as AuthSession;
  const token = session.accessToken;
  const displayName = `Bewoner ${crypto.randomUUID().slice(0, 8)}`;
  expect((await send(`${base}/me`, { displayName }, { method: 'PATCH', token })).status).toBe(200);
  const initiative = (await (
    await send(`${base}/initiatives`, { neighbourhood: 'BU05990101', title: `Bloembakken ${tag}`, summary: 'Bloembakken langs de stoep.' }, { token })
  ).json()) as InitiativeDetail;
  const thread = ((await (await api(`${base}/threads?kind=topic`)).json()) as ThreadPage).data[0]!;
  const comment = (await (await send(`${base}/threads/${thread.id}/comments`, { body: `Goed plan, groet van ${tag}.` }, { token })).json()) as Comment;
  const other = ((await (await api(`${base}/initiatives`)).json()) as { data: { id: string }[] }).data.find((i) => i.id !== initiative.id)!;
  expect((await send(`${base}/initiatives/${other.id}/support`, {}, { method: 'PUT', token })).status).toBe(200);
  expect((await send(`${base}/reports`, { targetType: 'initiative', targetId: other.id, reason: 'other', note: 'Klopt dit?' }, { token })).status).toBe(201);
  return { email, token, refreshToken: session.refreshToken, userId: session.user.id, displayName, initiative, thread, comment };
}

/** Every value of every table (but Cloudflare's own), as text, with where it was found. */
async function everyStoredValue(): Promise<{ where: string; value: string }[]> {
  const { results: tables } = await env.DB.prepare(`select name from sqlite_master where type = 'table' and name not like '\\_cf\\_%' escape '\\'`).all<{ name: string }>();
  const out: { where: string; value: string }[] = [];
  for (const { name } of tables) {
    const { results: rows } = await env.DB.prepare(`select * from "${name}"`).all<Record<string, unknown>>();
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null || value === undefined) continue;
        out.push({ where: `${name}.${column}`, value: value instanceof ArrayBuffer ? new TextDecoder().decode(value) : String(value) });
      }
    }
  }
  return out;
}

describe('GET /v1/sites/:site/me/export', () => {
  it('holds everything stored about the user: profile, identity, contributions, supports and reports', async () => {
    const me = await activeResident('export');
    const res = await api(`${base}/me/export`, { headers: { Authorization: `Bearer ${me.token}` } });
    expect(res.status).toBe(200);
    const data = (await res.json()) as UserExport;
    expect(data.user).toMatchObject({ id: me.userId, displayName: me.displayName, email: me.email });
    expect(data.identities).toEqual([expect.objectContaining({ provider: 'email', subject: me.email })]);
    expect(data.initiatives.map((i) => i.id)).toEqual([me.initiative.id]);
    expect(data.comments.map((c) => c.id)).toContain(me.comment.id);
    expect(data.supports).toHaveLength(1);
    expect(data.reports).toEqual([expect.objectContaining({ reason: 'other', note: 'Klopt dit?' })]);
    expect(data.sessions.length).toBeGreaterThan(0);
    // Credentials are not information about the user: no token or code hashes.
    expect(JSON.stringify(data)).not.toMatch(/token_hash|tokenHash|codeHash|emailHash/);
  });

  it('is only for the signed-in user', async () => {
    await expectProblem(await api(`${base}/me/export`), 401, 'unauthorized');
  });
});

describe('DELETE /v1/sites/:site/me', () => {
  it('leaves no personal field of the user in any table, and keeps their contributions under a neutral name', async () => {
    const me = await activeResident('wissen');
    const addressHash = await hmac(CODE_SECRET, `email:${me.email}`);
    const before = await everyStoredValue();
    expect(before.some((v) => v.value.includes(me.email))).toBe(true);
    expect(before.some((v) => v.value === addressHash)).toBe(true);

    const res = await send(`${base}/me`, { contributions: 'keep' }, { method: 'DELETE', token: me.token });
    expect(res.status).toBe(200);

    const personal = [me.email, me.displayName, addressHash, me.email.split('@')[0]!];
    const left = (await everyStoredValue()).filter((v) => personal.some((p) => v.value.includes(p)));
    expect(left).toEqual([]);

    const comments = (await (await api(`${base}/threads/${me.thread.id}/comments?limit=50`)).json()) as { data: Comment[] };
    expect(comments.data.find((c) => c.id === me.comment.id)).toMatchObject({ status: 'visible', author: { displayName: 'Voormalig buurtbewoner' } });
    expect((await api(`${base}/initiatives/${me.initiative.id}`)).status).toBe(200);
  });

  it('removes the texts of their contributions when asked, and their session ends', async () => {
    const me = await activeResident('weg');
    expect((await send(`${base}/me`, { contributions: 'remove' }, { method: 'DELETE', token: me.token })).status).toBe(200);
    const comments = (await (await api(`${base}/threads/${me.thread.id}/comments?limit=50`)).json()) as { data: Comment[] };
    expect(comments.data.find((c) => c.id === me.comment.id)).toMatchObject({ status: 'deleted', body: null, author: null });
    await expectProblem(await api(`${base}/initiatives/${me.initiative.id}`), 404, 'not-found');
    await expectProblem(await send(`${base}/auth/refresh`, { refreshToken: me.refreshToken }), 401, 'invalid-token');
    // The access token lives a few more minutes, but writes nothing any more.
    await expectProblem(await send(`${base}/me`, { displayName: 'Terug' }, { method: 'PATCH', token: me.token }), 401, 'invalid-token');
  });
});

describe('replayDeletions', () => {
  it('deletes again, after a restore from a backup taken before the deletion', async () => {
    const me = await activeResident('herstel');
    expect((await send(`${base}/me`, { contributions: 'keep' }, { method: 'DELETE', token: me.token })).status).toBe(200);
    const db = database(env.DB);
    const saved = await listDeletions(db);
    expect(saved.some((e) => e.userId === me.userId)).toBe(true);

    // The backup: the user as they were, and a deletion log without their deletion.
    await env.DB.batch([
      env.DB.prepare('update users set display_name = ?, email = ? where id = ?').bind(me.displayName, me.email, me.userId),
      env.DB.prepare(`insert into identities (id, network_id, user_id, provider, subject) values (?, 'voorbeeldstad', ?, 'email', ?)`).bind(
        crypto.randomUUID().replaceAll('-', '').slice(0, 26),
        me.userId,
        me.email,
      ),
      env.DB.prepare('delete from deletion_log where user_id = ?').bind(me.userId),
    ]);

    expect(await replayDeletions(db, { codeSecret: CODE_SECRET }, saved)).toBe(saved.length);

    const user = await env.DB.prepare('select display_name, email from users where id = ?').bind(me.userId).first();
    expect(user).toEqual({ display_name: 'Voormalig buurtbewoner', email: null });
    expect((await env.DB.prepare('select count(*) as n from identities where user_id = ?').bind(me.userId).first<{ n: number }>())!.n).toBe(0);
    expect((await listDeletions(db)).map((e) => e.id)).toEqual(saved.map((e) => e.id));
    // Replaying twice changes nothing.
    await replayDeletions(db, { codeSecret: CODE_SECRET });
    expect((await listDeletions(db)).length).toBe(saved.length);
  });
});

describe('signing in after deleting', () => {
  it('starts a fresh account for the same host subject', async () => {
    const subject = `sso-${crypto.randomUUID()}`;
    const first = await signIn(SITE, subject);
    expect((await send(`${base}/me`, { contributions: 'keep' }, { method: 'DELETE', token: first.accessToken })).status).toBe(200);
    const again = await signIn(SITE, subject);
    expect(again.user.id).not.toBe(first.user.id);
  });
});
