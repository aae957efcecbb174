import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { demoId } from '../../src/db/seed.js';
import { clientAs, testClient, workerFetch } from '../sdk-client.js';

const SITE = 'gemeente-voorbeeldstad';
const HOUR = 3_600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const userId = (key: string) => demoId('voorbeeldstad', 'user', key);

let plans = 0;

/** A fresh initiative owned by fatima (a title of its own, since the API refuses a double post), and her client. */
async function fatimasPlan() {
  const fatima = await clientAs(SITE, 'fatima');
  plans += 1;
  const title = `Plantenruil op het Havenplein ${plans}`;
  const initiative = await fatima.initiatives.create({ neighbourhood: 'BU05990102', title, summary: 'Stekjes ruilen met de buren.', needs: ['volunteers'] });
  return { fatima, initiative };
}

async function rowCount(sql: string, ...values: unknown[]): Promise<number> {
  return (await env.DB.prepare(sql).bind(...values).first<{ n: number }>())!.n;
}

describe('writes through the SDK client', () => {
  it('starts, edits and moves an initiative, and supports it', async () => {
    const { fatima, initiative } = await fatimasPlan();
    expect(initiative).toMatchObject({ status: 'idea', needs: ['volunteers'], owner: { displayName: 'Fatima El Amrani' } });
    const edited = await fatima.initiatives.update(initiative.id, { summary: 'Stekjes en zaden ruilen.', status: 'gathering', note: 'We zoeken buren.' });
    expect(edited).toMatchObject({ summary: 'Stekjes en zaden ruilen.', status: 'gathering' });

    const sanne = await clientAs(SITE, 'sanne');
    expect(await sanne.initiatives.support(initiative.id)).toEqual({ supporterCount: 1, supported: true });
    expect(await sanne.initiatives.unsupport(initiative.id)).toEqual({ supporterCount: 0, supported: false });
  });

  it('joins, finds whom to invite, invites, accepts, declines and leaves', async () => {
    const { fatima, initiative } = await fatimasPlan();
    const sanne = await clientAs(SITE, 'sanne');
    expect(await sanne.initiatives.members.join(initiative.id)).toMatchObject({ role: 'member', status: 'active' });
    const [found] = (await fatima.initiatives.members.candidates(initiative.id, { q: 'rub' })).data;
    expect(found).toMatchObject({ id: userId('ruben'), displayName: 'Ruben Mulder', reasons: ['serves-neighbourhood'] });
    expect(await fatima.initiatives.members.invite(initiative.id, { userId: found!.id })).toMatchObject({ status: 'invited' });
    expect(await fatima.initiatives.members.invite(initiative.id, { userId: userId('lotte') })).toMatchObject({ status: 'invited' });
    expect((await fatima.initiatives.members.candidates(initiative.id)).invited.map((i) => i.displayName)).toEqual(['Lotte Visser', 'Ruben Mulder']);
    const [ruben, lotte] = await Promise.all([clientAs(SITE, 'ruben'), clientAs(SITE, 'lotte')]);
    expect(await ruben.initiatives.members.accept(initiative.id)).toMatchObject({ status: 'active' });
    await lotte.initiatives.members.decline(initiative.id);
    expect((await lotte.initiatives.get(initiative.id)).viewer?.membership).toBeNull();
    const members = await fatima.initiatives.members.list(initiative.id);
    expect(members.data.map((m) => m.user.displayName).sort()).toEqual(['Fatima El Amrani', 'Ruben Mulder', 'Sanne Bakker']);
    await sanne.initiatives.members.leave(initiative.id);
    expect((await fatima.initiatives.get(initiative.id)).memberCount).toBe(2);
  });

  it('posts a progress update', async () => {
    const { fatima, initiative } = await fatimasPlan();
    const update = await fatima.initiatives.updates.create(initiative.id, { body: 'De eerste ruilmiddag staat gepland.' });
    expect((await testClient(SITE).initiatives.updates.list(initiative.id)).data).toEqual([update]);
  });

  it('offers help, and the owner and professional answer it', async () => {
    const { fatima, initiative } = await fatimasPlan();
    const [ruben, esra, lotte] = await Promise.all(['ruben', 'esra', 'lotte'].map((u) => clientAs(SITE, u)));
    const room = await ruben!.offers.create(initiative.id, { kind: 'meeting-space', message: 'De ontmoetingsruimte in de Havenflat is vrij.' });
    expect(room).toMatchObject({ status: 'offered', organisation: { name: 'Woonstichting Voorbeeld' } });
    expect((await fatima.offers.accept(room.id)).status).toBe('accepted');
    expect((await ruben!.offers.fulfil(room.id)).status).toBe('fulfilled');
    const coffee = await esra!.offers.create(initiative.id, { kind: 'coffee', message: 'Wij zorgen voor koffie.' });
    expect((await fatima.offers.decline(coffee.id)).status).toBe('declined');
    const legal = await lotte!.offers.create(initiative.id, { kind: 'information-legal', message: 'Ik zoek uit of er een vergunning nodig is.' });
    expect((await lotte!.offers.withdraw(legal.id)).status).toBe('withdrawn');
    expect((await fatima.offers.list(initiative.id)).data.map((o) => o.status)).toEqual(['withdrawn', 'declined', 'fulfilled']);
  });

  it('starts a topic, comments, replies, edits and deletes', async () => {
    const joost = await clientAs(SITE, 'joost');
    const topic = await joost.threads.create({ neighbourhood: 'BU05990101', title: 'Meer bankjes in het park?', body: 'Wie denkt mee?' });
    expect(topic).toMatchObject({ kind: 'topic', commentCount: 0 });
    const anouk = await clientAs(SITE, 'anouk');
    const comment = await anouk.comments.create(topic.id, { body: 'Ja, bij de vijver!' });
    const reply = await joost.comments.create(topic.id, { body: 'Goed idee.', parentId: comment.id });
    expect(reply).toMatchObject({ parentId: comment.id, depth: 1 });
    expect((await anouk.comments.update(comment.id, { body: 'Ja, twee bij de vijver!' })).editedAt).not.toBeNull();
    await joost.comments.delete(reply.id);
    const replies = await testClient(SITE).comments.list(topic.id, { parent: comment.id });
    expect(replies.data).toEqual([]);
    expect((await testClient(SITE).threads.get(topic.id)).commentCount).toBe(1);
  });

  it('plans a meeting, takes an RSVP and writes the report back', async () => {
    const { fatima, initiative } = await fatimasPlan();
    const meeting = await fatima.events.create({ initiativeId: initiative.id, title: 'Eerste ruilmiddag', startsAt: at(-HOUR), endsAt: at(HOUR), location: 'Havenplein' });
    expect(meeting).toMatchObject({ description: '', initiative: { id: initiative.id } });
    const sanne = await clientAs(SITE, 'sanne');
    expect(await sanne.events.rsvp(meeting.id, { status: 'going' })).toEqual({ eventId: meeting.id, status: 'going' });
    expect((await sanne.events.get(meeting.id)).attendeeCount).toBe(1);
    const reported = await fatima.events.report(meeting.id, { body: 'Twintig buren ruilden veertig stekjes.' });
    expect(reported.report).not.toBeNull();
  });

  it('reads and renames the signed-in user', async () => {
    const wim = await clientAs(SITE, 'wim');
    expect((await wim.me.get()).displayName).toBe('Wim Smit');
    expect((await wim.me.update({ displayName: 'Wim van de vijver' })).displayName).toBe('Wim van de vijver');
  });

  it('lets a network admin grant and revoke a role', async () => {
    const beheer = await clientAs(SITE, 'beheer');
    expect(await beheer.admin.roles.grant(userId('pieter'), { role: 'moderator' })).toMatchObject({ role: 'moderator', change: 'grant' });
    expect(await beheer.admin.roles.revoke(userId('pieter'), 'moderator')).toMatchObject({ role: 'moderator', change: 'revoke' });
  });
});

describe('idempotency keys', () => {
  it('sends a fresh key with every write', async () => {
    const seen: Request[] = [];
    const mehmet = await clientAs(SITE, 'mehmet', { fetch: workerFetch(seen) });
    const topic = await mehmet.threads.create({ neighbourhood: 'BU05990102', title: 'Fietsenstalling' });
    await mehmet.comments.create(topic.id, { body: 'Eén' });
    await mehmet.comments.create(topic.id, { body: 'Twee' });
    const keys = seen.filter((r) => r.method !== 'GET').map((r) => r.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
    expect(keys.every((k) => k && /^[0-9a-f-]{36}$/.test(k))).toBe(true);
    expect(await rowCount('SELECT COUNT(*) AS n FROM comments WHERE thread_id = ?', topic.id)).toBe(2);
  });

  it('makes a retried write with the same key happen once', async () => {
    const yara = await clientAs(SITE, 'yara');
    const idempotencyKey = crypto.randomUUID();
    const body = { neighbourhood: 'BU05990102', title: 'Zwerfafval prikken op zaterdag', summary: 'Samen de buurt schoon.' };
    const first = await yara.initiatives.create(body, { idempotencyKey });
    const retry = await yara.initiatives.create(body, { idempotencyKey });
    expect(retry.id).toBe(first.id);
    expect(await rowCount('SELECT COUNT(*) AS n FROM initiatives WHERE title = ?', body.title)).toBe(1);

    const topic = await yara.threads.create({ neighbourhood: 'BU05990102', title: 'Speelstraat' });
    const key = crypto.randomUUID();
    const comment = await yara.comments.create(topic.id, { body: 'Wie doet mee?' }, { idempotencyKey: key });
    expect((await yara.comments.create(topic.id, { body: 'Wie doet mee?' }, { idempotencyKey: key })).id).toBe(comment.id);
    expect((await yara.threads.get(topic.id)).commentCount).toBe(1);
  });
});

describe('read-your-writes bookmark', () => {
  it('sends the latest Buurtplein-Bookmark back on later requests', async () => {
    const seen: Request[] = [];
    let next = 0;
    const inner = workerFetch(seen);
    // Number the bookmarks, so the test knows which one the client should hold.
    const fetch = async (input: string, init: RequestInit) => {
      const response = await inner(input, init);
      const marked = new Response(response.body, response);
      if (init.method !== 'GET') marked.headers.set('Buurtplein-Bookmark', `bookmark-${++next}`);
      else marked.headers.delete('Buurtplein-Bookmark');
      return marked;
    };
    const pieter = await clientAs(SITE, 'pieter', { fetch });
    await pieter.sites.get();
    expect(seen[0]!.headers.get('Buurtplein-Bookmark')).toBeNull();
    const topic = await pieter.threads.create({ neighbourhood: 'BU05990103', title: 'Hondenpoep op het grasveld' });
    await pieter.threads.get(topic.id);
    await pieter.comments.create(topic.id, { body: 'Een extra afvalbak?' });
    await pieter.threads.get(topic.id);
    expect(seen.slice(1).map((r) => r.headers.get('Buurtplein-Bookmark'))).toEqual([null, 'bookmark-1', 'bookmark-1', 'bookmark-2']);
  });

  it('hands the worker back the bookmark it answered last, once the client wrote', async () => {
    const requests: Request[] = [];
    const answered: (string | null)[] = [];
    const inner = workerFetch(requests);
    const fetch = async (input: string, init: RequestInit) => {
      const response = await inner(input, init);
      answered.push(response.headers.get('Buurtplein-Bookmark'));
      return response;
    };
    const gerrit = await clientAs('andersdorp', 'gerrit', { fetch });
    await gerrit.threads.list();
    const topic = await gerrit.threads.create({ neighbourhood: 'BU17000101', title: 'Kerstmarkt op het plein' });
    await gerrit.threads.get(topic.id);
    await gerrit.threads.list();
    // Reads before the first write stay without a bookmark (cacheable, no preflight).
    expect(requests[1]!.headers.get('Buurtplein-Bookmark')).toBeNull();
    for (let i = 2; i < requests.length; i++) {
      const latest = answered.slice(1, i).filter((b) => b !== null).at(-1) ?? null;
      expect(requests[i]!.headers.get('Buurtplein-Bookmark')).toBe(latest);
    }
  });
});
