import type { Comment, CommentPage, Thread, ThreadPage } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, expectProblem, send } from '../../test/api.js';
import { signIn } from '../../test/auth.js';
import { insertCommentStatement } from '../data/comments.js';
import { database } from '../data/database.js';
import { demoId } from '../db/seed.js';

const SITE = 'gemeente-voorbeeldstad';

const tokens = new Map<string, string>();
/** An access token of a demo user, signed in once per test file. */
async function tokenOf(user: string, site = SITE): Promise<string> {
  const key = `${site}/${user}`;
  if (!tokens.has(key)) tokens.set(key, (await signIn(site, user)).accessToken);
  return tokens.get(key)!;
}

async function topicTitled(title: string): Promise<Thread> {
  const page = (await (await api(`/v1/sites/${SITE}/threads?kind=topic&limit=50`)).json()) as ThreadPage;
  const found = page.data.find((t) => t.title === title);
  if (!found) throw new Error(`no topic "${title}"`);
  return found;
}

/** A fresh topic of its own, so a test's comments are the only ones in it. */
async function freshTopic(title: string): Promise<Thread> {
  const res = await send(`/v1/sites/${SITE}/threads`, { neighbourhood: 'BU05990102', title }, { token: await tokenOf('yara') });
  expect(res.status).toBe(201);
  return (await res.json()) as Thread;
}

async function comment(threadId: string, user: string, body: string, parentId?: string): Promise<Comment> {
  const res = await send(`/v1/sites/${SITE}/threads/${threadId}/comments`, { body, parentId }, { token: await tokenOf(user) });
  expect(res.status).toBe(201);
  return (await res.json()) as Comment;
}

async function comments(threadId: string, query = '', site = SITE): Promise<CommentPage> {
  const res = await api(`/v1/sites/${site}/threads/${threadId}/comments${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as CommentPage;
}

async function thread(threadId: string): Promise<Thread> {
  return (await (await api(`/v1/sites/${SITE}/threads/${threadId}`)).json()) as Thread;
}

function edit(commentId: string, body: unknown, token: string, site = SITE) {
  return send(`/v1/sites/${site}/comments/${commentId}`, body, { method: 'PATCH', token });
}

function remove(commentId: string, token: string, site = SITE) {
  return api(`/v1/sites/${site}/comments/${commentId}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
}

describe('GET /v1/sites/:site/threads/:threadId/comments', () => {
  it('lists the top-level comments oldest first, with authors, badges and reply counts', async () => {
    const topic = await topicTitled('Wat vinden jullie van een autovrije zondag in het Havenkwartier?');
    const page = await comments(topic.id);
    expect(page.nextCursor).toBeNull();
    expect(page.data.map((c) => [c.author?.displayName ?? null, c.replyCount, c.status])).toEqual([
      ['Yara Mohamed', 1, 'visible'],
      ['Fatima El Amrani', 1, 'visible'],
      [null, 1, 'deleted'],
    ]);
    expect(page.data[0]).toMatchObject({ depth: 0, parentId: null, kind: 'comment', editedAt: null, eventId: null });
    expect(page.data[2]).toMatchObject({ body: null, author: null });
  });

  it('lists the replies of one comment with ?parent=, down to the deepest level', async () => {
    const topic = await topicTitled('Wat vinden jullie van een autovrije zondag in het Havenkwartier?');
    let parent = (await comments(topic.id)).data[0]!;
    const chain: string[] = [];
    while (parent.replyCount > 0) {
      const replies = await comments(topic.id, `?parent=${parent.id}`);
      parent = replies.data[0]!;
      expect(parent.parentId).not.toBeNull();
      chain.push(`${parent.depth}:${parent.author!.displayName}`);
    }
    expect(chain).toEqual(['1:Mehmet Yilmaz', '2:Lotte Visser', '3:Mehmet Yilmaz']);
    const lotte = (await comments(topic.id, `?parent=${(await comments(topic.id, `?parent=${(await comments(topic.id)).data[0]!.id}`)).data[0]!.id}`)).data[0]!;
    expect(lotte.author).toMatchObject({ professional: true, organisation: { name: 'Gemeente Voorbeeldstad' } });
  });

  it('answers 404 for replies of a comment that is not in the thread', async () => {
    const topic = await topicTitled('Wat vinden jullie van een autovrije zondag in het Havenkwartier?');
    const other = await topicTitled('Waarom staat de Akkerlaan ’s avonds vol met busjes?');
    const foreign = (await comments(other.id)).data[0]!;
    await expectProblem(await api(`/v1/sites/${SITE}/threads/${topic.id}/comments?parent=${foreign.id}`), 404, 'not-found');
  });

  it('rejects a limit above 50', async () => {
    const topic = await topicTitled('Waarom staat de Akkerlaan ’s avonds vol met busjes?');
    await expectProblem(await api(`/v1/sites/${SITE}/threads/${topic.id}/comments?limit=51`), 400, 'invalid-request');
    await expectProblem(await api(`/v1/sites/${SITE}/threads/${topic.id}/comments?limit=0`), 400, 'invalid-request');
  });

  it('pages without duplicates or gaps while comments are added between pages', async () => {
    const topic = await freshTopic('Drukte op het Havenplein');
    const first: string[] = [];
    for (const n of [1, 2, 3, 4, 5]) first.push((await comment(topic.id, n % 2 ? 'fatima' : 'mehmet', `Reactie ${n}`)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    const added: string[] = [];
    do {
      const page: CommentPage = await comments(topic.id, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data.map((c) => c.id));
      cursor = page.nextCursor;
      if (added.length < 2) added.push((await comment(topic.id, 'sanne', `Tussendoor ${added.length}`)).id);
    } while (cursor);
    // Oldest first: what is written while paging shows up at the end, never twice and never skipped.
    expect(seen).toEqual([...first, ...added]);
  });
});

describe('POST /v1/sites/:site/threads/:threadId/comments', () => {
  it('nests replies three deep and refuses a fourth level with reply-too-deep', async () => {
    const topic = await freshTopic('Hoe diep gaat dit gesprek?');
    const top = await comment(topic.id, 'fatima', 'Niveau 0');
    const one = await comment(topic.id, 'mehmet', 'Niveau 1', top.id);
    const two = await comment(topic.id, 'fatima', 'Niveau 2', one.id);
    const three = await comment(topic.id, 'mehmet', 'Niveau 3', two.id);
    expect([top.depth, one.depth, two.depth, three.depth]).toEqual([0, 1, 2, 3]);
    expect(three.parentId).toBe(two.id);
    const res = await send(`/v1/sites/${SITE}/threads/${topic.id}/comments`, { body: 'Niveau 4', parentId: three.id }, { token: await tokenOf('fatima') });
    await expectProblem(res, 422, 'reply-too-deep');
    expect((await comments(topic.id, `?parent=${two.id}`)).data[0]!.replyCount).toBe(0);
    expect((await comments(topic.id)).data[0]!.replyCount).toBe(1);
    expect((await thread(topic.id)).commentCount).toBe(4);
  });

  it('refuses a parent from another thread, naming the field', async () => {
    const topic = await freshTopic('Eigen draad');
    const other = await topicTitled('Waarom staat de Akkerlaan ’s avonds vol met busjes?');
    const foreign = (await comments(other.id)).data[0]!;
    const res = await send(`/v1/sites/${SITE}/threads/${topic.id}/comments`, { body: 'Hallo', parentId: foreign.id }, { token: await tokenOf('fatima') });
    expect((await expectProblem(res, 400, 'invalid-request')).detail).toMatch(/^parentId:/);
  });

  it('returns text with HTML verbatim, as plain text', async () => {
    const topic = await freshTopic('Opmaak');
    const body = '<script>alert("hoi")</script> <b>vet</b> & "quotes" \u2014 <img src=x onerror=alert(1)>';
    const created = await comment(topic.id, 'joost', `  ${body}\n`);
    expect(created.body).toBe(body);
    expect((await comments(topic.id)).data[0]!.body).toBe(body);
  });

  it('bounds the text at 10,000 characters, naming the field', async () => {
    const topic = await freshTopic('Lange verhalen');
    const token = await tokenOf('joost');
    const url = `/v1/sites/${SITE}/threads/${topic.id}/comments`;
    expect((await expectProblem(await send(url, { body: 'x'.repeat(10_001) }, { token }), 400, 'invalid-request')).detail).toMatch(/^body:/);
    expect((await expectProblem(await send(url, { body: '  ' }, { token }), 400, 'invalid-request')).detail).toMatch(/^body:/);
    expect((await send(url, { body: 'x'.repeat(10_000) }, { token })).status).toBe(201);
  });

  it('asks a visitor who is not signed in to sign in', async () => {
    const topic = await topicTitled('Waarom staat de Akkerlaan ’s avonds vol met busjes?');
    await expectProblem(await send(`/v1/sites/${SITE}/threads/${topic.id}/comments`, { body: 'Hallo' }), 401, 'unauthorized');
  });

  it('writes one comment for a retried request with the same Idempotency-Key', async () => {
    const topic = await freshTopic('Dubbel verstuurd');
    const token = await tokenOf('anouk');
    const url = `/v1/sites/${SITE}/threads/${topic.id}/comments`;
    const a = await send(url, { body: 'Eén keer graag' }, { token, idempotencyKey: 'comment-retry-1' });
    const b = await send(url, { body: 'Eén keer graag' }, { token, idempotencyKey: 'comment-retry-1' });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get('Idempotency-Replayed')).toBe('true');
    expect((await comments(topic.id)).data).toHaveLength(1);
  });

  it('puts a report into a thread inside another batch, as a meeting’s report does', async () => {
    const topic = await freshTopic('Verslag van de bewonersavond');
    const db = database(env.DB);
    const id = '0000000000reportcomment01';
    await db.batch([
      insertCommentStatement(db, {
        id,
        networkId: 'voorbeeldstad',
        threadId: topic.id,
        authorId: demoId('voorbeeldstad', 'user', 'lotte'),
        body: 'Er waren 25 bewoners. Afgesproken: een proef in het voorjaar.',
        kind: 'report',
        eventId: '0000000000reportevent0001',
      }),
    ]);
    expect((await comments(topic.id)).data).toMatchObject([{ id, kind: 'report', eventId: '0000000000reportevent0001', author: { displayName: 'Lotte Visser' } }]);
    expect((await thread(topic.id)).commentCount).toBe(1);
  });
});

describe('PATCH and DELETE /v1/sites/:site/comments/:commentId', () => {
  it('lets the author edit their comment and shows that it was edited', async () => {
    const topic = await freshTopic('Bewerken');
    const mine = await comment(topic.id, 'pieter', 'Eerste versie');
    const res = await edit(mine.id, { body: '  Tweede versie ' }, await tokenOf('pieter'));
    expect(res.status).toBe(200);
    const edited = (await res.json()) as Comment;
    expect(edited).toMatchObject({ id: mine.id, body: 'Tweede versie', createdAt: mine.createdAt });
    expect(edited.editedAt).not.toBeNull();
    expect((await comments(topic.id)).data[0]).toMatchObject({ body: 'Tweede versie', editedAt: edited.editedAt });
  });

  it('refuses someone else — a moderator too — editing or deleting my comment with 403', async () => {
    const topic = await freshTopic('Van mij');
    const mine = await comment(topic.id, 'pieter', 'Mijn mening');
    for (const other of ['wim', 'lotte']) {
      await expectProblem(await edit(mine.id, { body: 'Overgenomen' }, await tokenOf(other)), 403, 'forbidden');
      await expectProblem(await remove(mine.id, await tokenOf(other)), 403, 'forbidden');
    }
    await expectProblem(await send(`/v1/sites/${SITE}/comments/${mine.id}`, { body: 'x' }, { method: 'PATCH' }), 401, 'unauthorized');
    expect((await comments(topic.id)).data[0]!.body).toBe('Mijn mening');
  });

  it('leaves a tombstone for a deleted comment with replies, and its replies stay', async () => {
    const topic = await freshTopic('Spijt');
    const mine = await comment(topic.id, 'wim', 'Iets wat ik beter niet had gezegd');
    const reply = await comment(topic.id, 'anouk', 'Daar ben ik het niet mee eens', mine.id);
    const res = await remove(mine.id, await tokenOf('wim'));
    expect(res.status).toBe(204);
    const [tombstone] = (await comments(topic.id)).data;
    expect(tombstone).toMatchObject({ id: mine.id, status: 'deleted', body: null, author: null, editedAt: null, replyCount: 1 });
    expect(JSON.stringify(await comments(topic.id))).not.toContain('beter niet');
    expect((await comments(topic.id, `?parent=${mine.id}`)).data).toMatchObject([{ id: reply.id, body: 'Daar ben ik het niet mee eens' }]);
    expect((await thread(topic.id)).commentCount).toBe(1);
    const stored = await env.DB.prepare('SELECT body FROM comments WHERE id = ?').bind(mine.id).first<{ body: string }>();
    expect(stored!.body).toBe('');
    // A tombstone is gone for its author too: no editing it back, no replying to it.
    await expectProblem(await edit(mine.id, { body: 'Toch wel' }, await tokenOf('wim')), 404, 'not-found');
    const replyToTombstone = await send(`/v1/sites/${SITE}/threads/${topic.id}/comments`, { body: 'Hè?', parentId: mine.id }, { token: await tokenOf('anouk') });
    await expectProblem(replyToTombstone, 400, 'invalid-request');
  });

  it('removes a deleted comment without replies, and a tombstone it leaves without replies', async () => {
    const topic = await freshTopic('Opruimen');
    const keep = await comment(topic.id, 'sanne', 'Deze blijft');
    const parent = await comment(topic.id, 'wim', 'Ik trek dit in');
    const reply = await comment(topic.id, 'anouk', 'Ik ook', parent.id);
    expect((await remove(parent.id, await tokenOf('wim'))).status).toBe(204);
    expect((await comments(topic.id)).data.map((c) => c.status)).toEqual(['visible', 'deleted']);
    expect((await remove(reply.id, await tokenOf('anouk'))).status).toBe(204);
    expect((await comments(topic.id)).data.map((c) => c.id)).toEqual([keep.id]);
    expect((await thread(topic.id)).commentCount).toBe(1);
    await expectProblem(await remove(reply.id, await tokenOf('anouk')), 404, 'not-found');
  });

  it('takes a removed reply off its parent’s reply count', async () => {
    const topic = await freshTopic('Tellen');
    const parent = await comment(topic.id, 'sanne', 'Vraag');
    const reply = await comment(topic.id, 'joost', 'Antwoord', parent.id);
    expect((await comments(topic.id)).data[0]!.replyCount).toBe(1);
    expect((await remove(reply.id, await tokenOf('joost'))).status).toBe(204);
    expect((await comments(topic.id)).data[0]).toMatchObject({ status: 'visible', replyCount: 0 });
    expect((await thread(topic.id)).commentCount).toBe(1);
  });

  it('never shows the text of a comment a moderator hid, and its author cannot edit it', async () => {
    const topic = await freshTopic('Verborgen');
    const hidden = await comment(topic.id, 'mehmet', 'Iets kwetsends');
    await env.DB.prepare(`UPDATE comments SET status = 'hidden' WHERE id = ?`).bind(hidden.id).run();
    const page = await comments(topic.id);
    expect(page.data).toMatchObject([{ id: hidden.id, status: 'hidden', body: null, author: null }]);
    expect(JSON.stringify(page)).not.toContain('kwetsend');
    expect((await thread(topic.id)).commentCount).toBe(0);
    await expectProblem(await edit(hidden.id, { body: 'Iets anders' }, await tokenOf('mehmet')), 403, 'forbidden');
  });

  it('bounds an edit at 10,000 characters, naming the field', async () => {
    const topic = await freshTopic('Lang bewerken');
    const mine = await comment(topic.id, 'sanne', 'Kort');
    const res = await edit(mine.id, { body: 'x'.repeat(10_001) }, await tokenOf('sanne'));
    expect((await expectProblem(res, 400, 'invalid-request')).detail).toMatch(/^body:/);
  });

  it('answers 404 for a comment in a neighbourhood the site does not show, or in another network', async () => {
    const bloemen = (await (await api(`/v1/sites/${SITE}/threads?neighbourhood=BU05990101&kind=topic`)).json()) as ThreadPage;
    const topic = bloemen.data.find((t) => t.title.startsWith('Wie doet af en toe boodschappen'))!;
    const sanne = (await comments(topic.id)).data[0]!;
    expect(sanne.author!.displayName).toBe('Sanne Bakker');
    const woonstichtingToken = await tokenOf('sanne', 'woonstichting-voorbeeld');
    await expectProblem(await edit(sanne.id, { body: 'Anders' }, woonstichtingToken, 'woonstichting-voorbeeld'), 404, 'not-found');
    await expectProblem(await remove(sanne.id, woonstichtingToken, 'woonstichting-voorbeeld'), 404, 'not-found');
    const gerrit = await tokenOf('gerrit', 'andersdorp');
    await expectProblem(await edit(sanne.id, { body: 'Anders' }, gerrit, 'andersdorp'), 404, 'not-found');
    await expectProblem(await remove(sanne.id, gerrit, 'andersdorp'), 404, 'not-found');
    expect((await comments(topic.id)).data[0]!.body).toBe(sanne.body);
  });
});
