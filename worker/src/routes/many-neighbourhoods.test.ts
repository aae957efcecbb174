// A city's site shows hundreds of neighbourhoods, and a resident may filter a list by many of them.
// D1 refuses a statement that binds more than 100 values, so every read of such a site must stay
// within that however many neighbourhoods it shows: these are the site's reads at the edge where
// ids are still bound one by one, just past it, and at the settings' maximum of 200, where the
// site shows every neighbourhood of its network.
import { env } from 'cloudflare:test';
import type { EventPage, FollowPage, InitiativeDetail, InitiativePage, ModerationQueue, ProfessionalPage, Site, SiteFigures, ThreadPage } from '@buurtplein/sdk/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, expectProblem, send } from '../../test/api.js';
import { signIn } from '../../test/auth.js';
import { MAX_BOUND_IDS } from '../data/bound-values.js';

const SITE = 'woonstichting-voorbeeld';
const base = `/v1/sites/${SITE}`;
const tokens = new Map<string, Promise<string>>();
const tokenOf = (user: string) => {
  if (!tokens.has(user)) tokens.set(user, signIn(SITE, user).then((s) => s.accessToken));
  return tokens.get(user)!;
};

async function get<T>(path: string, user?: string): Promise<T> {
  const res = await api(path, user ? { headers: { Authorization: `Bearer ${await tokenOf(user)}` } } : {});
  expect(res.status, `${path}: ${res.status} ${res.status === 200 ? '' : await res.clone().text()}`).toBe(200);
  return (await res.json()) as T;
}

/** Every page of a list, following its cursor. */
async function allPages<T extends { id: string }>(path: string, pageSize = 2): Promise<string[]> {
  const ids: string[] = [];
  let next: string | null = null;
  do {
    const page: { data: T[]; nextCursor: string | null } = await get(`${path}${path.includes('?') ? '&' : '?'}limit=${pageSize}${next ? `&cursor=${next}` : ''}`);
    ids.push(...page.data.map((item) => item.id));
    next = page.nextCursor;
  } while (next);
  return ids;
}

async function showNeighbourhoods(ids: string[]): Promise<void> {
  const res = await send(`${base}/admin/settings`, { neighbourhoodIds: ids }, { method: 'PATCH', token: await tokenOf('beheer') });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** Fatima follows the newest initiative and a neighbourhood (again: following twice changes nothing). */
async function follow(initiativeId: string, neighbourhoodId: string): Promise<void> {
  for (const target of [`initiative/${initiativeId}`, `neighbourhood/${neighbourhoodId}`]) {
    const res = await api(`${base}/follows/${target}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await tokenOf('fatima')}` },
      body: JSON.stringify({ frequency: 'weekly' }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }
}

/** What the site's reads show, by list. */
async function reads(content: string[]) {
  const firstInitiative = (await get<InitiativePage>(`${base}/initiatives?limit=1`)).data[0]!.id;
  await follow(firstInitiative, content[0]!);
  const withMeetings = (await get<EventPage>(`${base}/events?when=upcoming&limit=50`)).data.find((e) => e.initiative)!.initiative!.id;
  const detail = await get<InitiativeDetail>(`${base}/initiatives/${firstInitiative}`);
  const figures = await get<SiteFigures>(`${base}/admin/figures`, 'beheer');
  return {
    initiatives: await allPages(`${base}/initiatives`),
    active: await allPages(`${base}/initiatives?status=active`),
    askingForHelp: await allPages(`${base}/initiatives?needs=any`),
    filtered: await allPages(`${base}/initiatives?neighbourhood=${content.join(',')}`),
    search: (await get<InitiativePage>(`${base}/initiatives?q=buurt`)).data.map((i) => i.id),
    bootstrap: (await get<{ initiatives: InitiativePage }>(`${base}/bootstrap`)).initiatives.data.map((i) => i.id),
    detail: { id: detail.id, similar: detail.similar.map((i) => i.id), events: detail.upcomingEvents.map((e) => e.id) },
    upcoming: await allPages(`${base}/events?when=upcoming`),
    past: await allPages(`${base}/events?when=past`),
    initiativeEvents: await allPages(`${base}/events?when=upcoming&initiative=${withMeetings}`, 1),
    // One neighbourhood's meetings and professionals, for each with content.
    neighbourhoodEvents: await Promise.all(content.map((n) => allPages(`${base}/events?when=upcoming&neighbourhood=${n}`))),
    neighbourhoodProfessionals: await Promise.all(content.map(async (n) => (await get<ProfessionalPage>(`${base}/professionals?neighbourhood=${n}`)).data.map((p) => p.id))),
    threads: (await get<ThreadPage>(`${base}/threads`)).data.map((t) => t.id),
    professionals: (await get<ProfessionalPage>(`${base}/professionals`)).data.map((p) => p.id),
    follows: (await get<FollowPage>(`${base}/me/follows`, 'fatima')).data.map((f) => f.targetId),
    queue: (await get<ModerationQueue>(`${base}/moderation/queue`, 'lotte')).data.map((i) => i.targetId),
    figures: figures.data.filter((n) => content.includes(n.neighbourhood.id)),
  };
}

describe('a site that shows many neighbourhoods', () => {
  let content: string[];
  let empty: string[];
  let before: Awaited<ReturnType<typeof reads>>;

  // Each test file has a database of its own: no need to put the site back.
  beforeAll(async () => {
    const site = await get<Site>(base);
    // The network's three neighbourhoods with content, and 197 new ones without any yet.
    content = (await env.DB.prepare('select id from neighbourhoods where network_id = ? order by id').bind(site.network.id).all<{ id: string }>()).results.map((r) => r.id);
    empty = Array.from({ length: 200 - content.length }, (_, n) => `nieuwebuurt${String(n).padStart(5, '0')}`);
    await env.DB.batch(empty.map((id, n) => env.DB.prepare('insert into neighbourhoods (id, network_id, name) values (?, ?, ?)').bind(id, site.network.id, `Nieuwe buurt ${n}`)));
    await showNeighbourhoods(content);
    // A second upcoming meeting of an initiative, so its meetings take two pages (a cursor).
    const meeting = (await get<EventPage>(`${base}/events?when=upcoming&limit=50`)).data.find((e) => e.initiative)!;
    const columns = (await env.DB.prepare("select name from pragma_table_info('events')").all<{ name: string }>()).results.map((c) => c.name);
    const copied = columns.map((c) => (c === 'id' ? '?' : c === 'starts_at' || c === 'ends_at' ? `${c} + 3600000` : c));
    await env.DB.prepare(`insert into events (${columns.join(', ')}) select ${copied.join(', ')} from events where id = ?`).bind(`${meeting.id.slice(0, -4)}zzzz`, meeting.id).run();
    before = await reads(content);
  });

  for (const shown of [10, MAX_BOUND_IDS, MAX_BOUND_IDS + 1, 200]) {
    it(`shows the same content when it shows ${shown} neighbourhoods`, async () => {
      const ids = [...empty.slice(0, shown - content.length), ...content];
      await showNeighbourhoods(ids);
      expect((await get<Site>(base)).neighbourhoods).toHaveLength(shown);
      const after = await reads(content);
      expect(after).toEqual(before);
      // The lists hold something to compare.
      expect(before.initiatives.length).toBeGreaterThan(4);
      expect(before.upcoming.length).toBeGreaterThan(2);
      expect(before.initiativeEvents.length).toBeGreaterThan(1);
      expect(before.follows.length).toBe(2);
      expect(before.neighbourhoodEvents.filter((ids) => ids.length > 0).length).toBeGreaterThan(0);
      expect(before.neighbourhoodProfessionals.filter((ids) => ids.length > 0).length).toBeGreaterThan(0);
    });
  }

  it('lists the initiatives of as many neighbourhoods as a resident names', async () => {
    await showNeighbourhoods([...empty, ...content]);
    // A list names at most 20 (the contract's limit).
    for (const count of [8, MAX_BOUND_IDS, 20]) {
      const named = [...content, ...empty.slice(0, count - content.length)];
      expect(await allPages(`${base}/initiatives?neighbourhood=${named.join(',')}`)).toEqual(before.initiatives);
      expect(await allPages(`${base}/initiatives?neighbourhood=${named.join(',')}&status=active`)).toEqual(before.active);
    }
    // Naming many neighbourhoods but not one with content leaves its initiatives out, on a site that shows them all.
    const without = [...content.slice(1), ...empty.slice(0, MAX_BOUND_IDS + 2)];
    const expected = await allPages(`${base}/initiatives?neighbourhood=${content.slice(1).join(',')}`);
    expect(expected.length).toBeLessThan(before.initiatives.length);
    expect(await allPages(`${base}/initiatives?neighbourhood=${without.join(',')}`)).toEqual(expected);
    await expectProblem(await api(`${base}/initiatives?neighbourhood=${[...content, ...empty.slice(0, 18)].join(',')}`), 400, 'invalid-request');
    // One neighbourhood's: only its own.
    const hood = (await get<InitiativePage>(`${base}/initiatives?limit=1`)).data[0]!.neighbourhood.id;
    const one = await get<InitiativePage>(`${base}/initiatives?neighbourhood=${hood}&limit=50`);
    expect(one.data.length).toBeGreaterThan(0);
    expect(one.data.every((i) => i.neighbourhood.id === hood)).toBe(true);
  });
});
