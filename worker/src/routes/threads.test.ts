import type { Comment, CommentPage, Thread, ThreadPage } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, expectProblem, send } from '../../test/api.js';
import { signIn } from '../../test/auth.js';
import { database } from '../data/database.js';
import { findInitiativeThreadId } from '../data/threads.js';
import { findSite } from '../data/sites.js';
import { demoId, demoInitiativeId, seedDemoData } from '../db/seed.js';

const GEMEENTE = 'gemeente-voorbeeldstad';
const WOONSTICHTING = 'woonstichting-voorbeeld';

const tokens = new Map<string, string>();
/** An access token of a demo user, signed in once per test file. */
async function tokenOf(user: string, site = GEMEENTE): Promise<string> {
  const key = `${site}/${user}`;
  if (!tokens.has(key)) tokens.set(key, (await signIn(site, user)).accessToken);
  return tokens.get(key)!;
}

async function list(site: string, query = ''): Promise<ThreadPage> {
  const res = await api(`/v1/sites/${site}/threads${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ThreadPage;
}

async function all(site: string, query = ''): Promise<Thread[]> {
  const out: Thread[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '?';
    const page: ThreadPage = await list(site, cursor ? `${query}${sep}cursor=${cursor}` : query);
    out.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

async function topicTitled(title: string): Promise<Thread> {
  const found = (await all(GEMEENTE, '?kind=topic')).find((t) => t.title === title);
  if (!found) throw new Error(`no topic "${title}"`);
  return found;
}

async function startTopic(user: string, body: Record<string, unknown>, site = GEMEENTE): Promise<Thread> {
  const res = await send(`/v1/sites/${site}/threads`, body, { token: await tokenOf(user, site) });
  expect(res.status).toBe(201);
  return (await res.json()) as Thread;
}

describe('GET /v1/sites/:site/threads', () => {
  it('lists the neighbourhood topics and every initiative’s thread, newest first', async () => {
    const threads = await all(GEMEENTE);
    const topics = threads.filter((t) => t.kind === 'topic').map((t) => t.title);
    expect(topics).toEqual(
      expect.arrayContaining([
        'Wat vinden jullie van een autovrije zondag in het Havenkwartier?',
        'Waarom staat de Akkerlaan ’s avonds vol met busjes?',
        'Wie doet af en toe boodschappen voor een oudere buur?',
      ]),
    );
    const moestuin = threads.find((t) => t.initiative?.id === demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat'));
    expect(moestuin).toMatchObject({ kind: 'initiative', title: 'Buurtmoestuin achter de Havenflat', neighbourhood: { name: 'Havenkwartier' } });
    const ids = threads.map((t) => t.id);
    expect(ids).toEqual([...ids].sort().reverse());
  });

  it('shows a professional’s organisation with their topic', async () => {
    const topic = await topicTitled('Wat vinden jullie van een autovrije zondag in het Havenkwartier?');
    expect(topic.author).toEqual({
      id: demoId('voorbeeldstad', 'user', 'lotte'),
      displayName: 'Lotte Visser',
      professional: true,
      organisation: { id: demoId('voorbeeldstad', 'organisation', 'gemeente'), name: 'Gemeente Voorbeeldstad' },
    });
    expect(topic.commentCount).toBe(7);
    const parking = await topicTitled('Waarom staat de Akkerlaan ’s avonds vol met busjes?');
    expect(parking.author).toMatchObject({ displayName: 'Pieter van Dijk', professional: false, organisation: null });
  });

  it('filters by neighbourhood (id or CBS code) and by kind', async () => {
    const havenkwartier = await all(GEMEENTE, '?neighbourhood=BU05990102');
    expect(havenkwartier.length).toBeGreaterThan(0);
    expect(havenkwartier.every((t) => t.neighbourhood.name === 'Havenkwartier')).toBe(true);
    const byId = await all(GEMEENTE, `?neighbourhood=${demoId('voorbeeldstad', 'neighbourhood', 'havenkwartier')}`);
    expect(byId.map((t) => t.id)).toEqual(havenkwartier.map((t) => t.id));
    const initiativesOnly = await all(GEMEENTE, '?kind=initiative');
    expect(initiativesOnly.every((t) => t.kind === 'initiative' && t.initiative !== null)).toBe(true);
    const initiatives = await env.DB.prepare(`SELECT count(*) AS n FROM initiatives WHERE network_id = 'voorbeeldstad'`).first<{ n: number }>();
    expect(initiativesOnly).toHaveLength(initiatives!.n);
  });

  it('shows another site of the network only its own neighbourhoods, and another network none of these', async () => {
    const woonstichting = await all(WOONSTICHTING);
    expect(woonstichting.some((t) => t.neighbourhood.name === 'Bloemenbuurt')).toBe(false);
    expect(woonstichting.some((t) => t.title.startsWith('Wat vinden jullie van een autovrije zondag'))).toBe(true);
    const andersdorp = await all('andersdorp');
    expect(andersdorp.map((t) => t.title).sort()).toEqual(['De bushalte bij de kerk verdwijnt: wat nu?', 'Dorpsfeest op de brink', 'Het dorpshuis opknappen']);
    await expectProblem(await api(`/v1/sites/${WOONSTICHTING}/threads?neighbourhood=BU05990101`), 404, 'not-found');
  });

  it('rejects a limit above 50 and an unknown filter', async () => {
    await expectProblem(await api(`/v1/sites/${GEMEENTE}/threads?limit=51`), 400, 'invalid-request');
    await expectProblem(await api(`/v1/sites/${GEMEENTE}/threads?kind=chat`), 400, 'invalid-request');
    await expectProblem(await api(`/v1/sites/${GEMEENTE}/threads?cursor=bm9wZQ`), 400, 'invalid-request');
  });

  it('pages without duplicates or gaps while topics are started and threads get comments', async () => {
    const before = await all(GEMEENTE);
    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const page: ThreadPage = await list(GEMEENTE, `?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data.map((t) => t.id));
      cursor = page.nextCursor;
      round += 1;
      if (round <= 2) {
        await startTopic('anouk', { neighbourhood: 'BU05990103', title: `Tussendoor ${round}` });
        // Activity on a thread further down must not move it out of the pages still to come.
        const later = before.at(-1)!;
        const res = await send(`/v1/sites/${GEMEENTE}/threads/${later.id}/comments`, { body: `Reactie ${round}` }, { token: await tokenOf('anouk') });
        expect(res.status).toBe(201);
      }
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(before.map((t) => t.id));
  });
});

describe('POST /v1/sites/:site/threads', () => {
  it('lets a resident start a topic and neighbours comment on it', async () => {
    const topic = await startTopic('sanne', {
      neighbourhood: 'BU05990101',
      title: '  Wie heeft er een ladder te leen?  ',
      body: 'Voor het snoeien van de heg aan de Tulpstraat.',
    });
    expect(topic).toMatchObject({
      kind: 'topic',
      title: 'Wie heeft er een ladder te leen?',
      neighbourhood: { name: 'Bloemenbuurt' },
      initiative: null,
      author: { displayName: 'Sanne Bakker', professional: false, organisation: null },
      commentCount: 0,
    });
    const res = await send(`/v1/sites/${GEMEENTE}/threads/${topic.id}/comments`, { body: 'Ik heb er een, kom maar langs!' }, { token: await tokenOf('joost') });
    expect(res.status).toBe(201);
    const comment = (await res.json()) as Comment;
    expect(comment).toMatchObject({ body: 'Ik heb er een, kom maar langs!', depth: 0, parentId: null, author: { displayName: 'Joost de Vries' } });

    const thread = (await (await api(`/v1/sites/${GEMEENTE}/threads/${topic.id}`)).json()) as Thread;
    expect(thread.commentCount).toBe(1);
    expect(thread.lastActivityAt).toBe(comment.createdAt);
    const page = (await (await api(`/v1/sites/${GEMEENTE}/threads/${topic.id}/comments`)).json()) as CommentPage;
    expect(page.data.map((c) => c.id)).toEqual([comment.id]);
    expect((await list(GEMEENTE)).data[0]!.id).toBe(topic.id);
  });

  it('lets a professional test an idea early, with their organisation shown', async () => {
    const topic = await startTopic('ruben', { neighbourhood: 'BU05990103', title: 'Fietsenstalling bij de flats aan de Akkerlaan?' }, WOONSTICHTING);
    expect(topic.body).toBe('');
    expect(topic.author).toMatchObject({ professional: true, organisation: { name: 'Woonstichting Voorbeeld' } });
  });

  it('asks a visitor who is not signed in to sign in', async () => {
    await expectProblem(await send(`/v1/sites/${GEMEENTE}/threads`, { neighbourhood: 'BU05990101', title: 'Hallo' }), 401, 'unauthorized');
  });

  it('refuses a neighbourhood the site does not show, naming the field', async () => {
    const res = await send(`/v1/sites/${WOONSTICHTING}/threads`, { neighbourhood: 'BU05990101', title: 'Hallo' }, { token: await tokenOf('fatima', WOONSTICHTING) });
    expect((await expectProblem(res, 400, 'invalid-request')).detail).toMatch(/^neighbourhood:/);
  });

  it('bounds the title and body, naming the field', async () => {
    const token = await tokenOf('wim');
    const long = await send(`/v1/sites/${GEMEENTE}/threads`, { neighbourhood: 'BU05990103', title: 'x'.repeat(121) }, { token });
    expect((await expectProblem(long, 400, 'invalid-request')).detail).toMatch(/^title:/);
    const empty = await send(`/v1/sites/${GEMEENTE}/threads`, { neighbourhood: 'BU05990103', title: '   ' }, { token });
    expect((await expectProblem(empty, 400, 'invalid-request')).detail).toMatch(/^title:/);
    const body = await send(`/v1/sites/${GEMEENTE}/threads`, { neighbourhood: 'BU05990103', title: 'Lang verhaal', body: 'x'.repeat(10_001) }, { token });
    expect((await expectProblem(body, 400, 'invalid-request')).detail).toMatch(/^body:/);
  });
});

describe('windows onto threads', () => {
  it('answers 404 for a thread in a neighbourhood the site does not show, for reads and writes', async () => {
    const topic = await topicTitled('Wie doet af en toe boodschappen voor een oudere buur?');
    const base = `/v1/sites/${WOONSTICHTING}/threads/${topic.id}`;
    await expectProblem(await api(base), 404, 'not-found');
    await expectProblem(await api(`${base}/comments`), 404, 'not-found');
    await expectProblem(await send(`${base}/comments`, { body: 'Ik help graag' }, { token: await tokenOf('fatima', WOONSTICHTING) }), 404, 'not-found');
  });

  it('answers 404 for a thread of another network, for reads and writes', async () => {
    const topic = await topicTitled('Wat vinden jullie van een autovrije zondag in het Havenkwartier?');
    const base = `/v1/sites/andersdorp/threads/${topic.id}`;
    await expectProblem(await api(base), 404, 'not-found');
    await expectProblem(await api(`${base}/comments`), 404, 'not-found');
    await expectProblem(await send(`${base}/comments`, { body: 'Hallo' }, { token: await tokenOf('gerrit', 'andersdorp') }), 404, 'not-found');
    await expectProblem(await api(`/v1/sites/${GEMEENTE}/threads/not-an-id`), 404, 'not-found');
  });

  it('lets an initiative’s thread follow its initiative to another neighbourhood and a new title', async () => {
    const initiativeId = demoInitiativeId('voorbeeldstad', 'jeu-de-boules');
    const db = database(env.DB);
    const gemeente = (await findSite(db, GEMEENTE))!;
    const threadId = await findInitiativeThreadId(db, gemeente, initiativeId);
    expect(threadId).not.toBeNull();
    expect((await api(`/v1/sites/${WOONSTICHTING}/threads/${threadId}`)).status).toBe(200);
    await env.DB.prepare('UPDATE initiatives SET neighbourhood_id = ? WHERE id = ?')
      .bind(demoId('voorbeeldstad', 'neighbourhood', 'bloemenbuurt'), initiativeId)
      .run();
    await expectProblem(await api(`/v1/sites/${WOONSTICHTING}/threads/${threadId}`), 404, 'not-found');
    expect(await findInitiativeThreadId(db, (await findSite(db, WOONSTICHTING))!, initiativeId)).toBeNull();
    const moved = (await (await api(`/v1/sites/${GEMEENTE}/threads/${threadId}`)).json()) as Thread;
    expect(moved.neighbourhood.name).toBe('Bloemenbuurt');
    await env.DB.prepare(`UPDATE initiatives SET title = 'Jeu-de-boulesbaan (beheer boulesclub)' WHERE id = ?`).bind(initiativeId).run();
    const renamed = (await (await api(`/v1/sites/${GEMEENTE}/threads/${threadId}`)).json()) as Thread;
    expect(renamed).toMatchObject({ title: 'Jeu-de-boulesbaan (beheer boulesclub)', initiative: { title: 'Jeu-de-boulesbaan (beheer boulesclub)' } });
  });

  it('hides a thread a moderator hid', async () => {
    const topic = await startTopic('mehmet', { neighbourhood: 'BU05990102', title: 'Even testen' });
    await env.DB.prepare('UPDATE threads SET hidden = 1 WHERE id = ?').bind(topic.id).run();
    await expectProblem(await api(`/v1/sites/${GEMEENTE}/threads/${topic.id}`), 404, 'not-found');
    expect((await all(GEMEENTE)).some((t) => t.id === topic.id)).toBe(false);
  });
});

describe('demo discussions', () => {
  it('seeds again without adding a thread or a comment, or changing a count', async () => {
    const snapshot = () => env.DB.prepare('SELECT id, comment_count, last_activity_at FROM threads ORDER BY id').all();
    const comments = () => env.DB.prepare('SELECT count(*) AS n, sum(reply_count) AS replies FROM comments').first();
    const [threadsBefore, commentsBefore] = [await snapshot(), await comments()];
    await seedDemoData(env.DB);
    expect((await snapshot()).results).toEqual(threadsBefore.results);
    expect(await comments()).toEqual(commentsBefore);
  });
});
