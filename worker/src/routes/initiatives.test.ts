import type { Bootstrap, InitiativeDetail, InitiativePage, InitiativeSummary } from '@buurtplein/sdk/contract';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../test/api.js';
import { demoId, demoInitiativeId } from '../db/seed.js';

async function list(site: string, query = ''): Promise<InitiativePage> {
  const res = await api(`/v1/sites/${site}/initiatives${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as InitiativePage;
}

async function all(site: string, query = ''): Promise<InitiativeSummary[]> {
  const out: InitiativeSummary[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '?';
    const page: InitiativePage = await list(site, cursor ? `${query}${sep}cursor=${cursor}` : query);
    out.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

const moestuin = demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat');
const geveltuinen = demoInitiativeId('voorbeeldstad', 'geveltuinen-tulpstraat');

describe('GET /v1/sites/:site/initiatives', () => {
  it('lists the seeded initiatives newest first, with the fields a card shows', async () => {
    const page = await list('gemeente-voorbeeldstad');
    expect(page.data).toHaveLength(13);
    expect(page.nextCursor).toBeNull();
    const created = page.data.map((i) => i.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const tuin = page.data.find((i) => i.id === moestuin);
    expect(tuin).toMatchObject({
      title: 'Buurtmoestuin achter de Havenflat',
      status: 'planning',
      neighbourhood: { name: 'Havenkwartier' },
      supporterCount: 23,
    });
  });

  it('shows a shared neighbourhood’s initiative on both sites of the network', async () => {
    expect((await list('gemeente-voorbeeldstad')).data.map((i) => i.id)).toContain(moestuin);
    expect((await list('woonstichting-voorbeeld')).data.map((i) => i.id)).toContain(moestuin);
  });

  it('keeps a site to its own neighbourhoods: the corporation does not show the Bloemenbuurt', async () => {
    const names = new Set((await all('woonstichting-voorbeeld')).map((i) => i.neighbourhood.name));
    expect(names).toEqual(new Set(['Havenkwartier', 'De Akkers']));
  });

  it('never shows another network’s initiatives', async () => {
    const titles = (await all('andersdorp')).map((i) => i.title);
    expect(titles.sort()).toEqual(['Dorpsfeest op de brink', 'Het dorpshuis opknappen']);
  });

  it('filters by status and by neighbourhood id', async () => {
    expect((await list('gemeente-voorbeeldstad', '?status=active')).data.map((i) => i.status)).toEqual(['active', 'active', 'active']);
    const havenkwartier = (await list('gemeente-voorbeeldstad')).data.find((i) => i.id === moestuin)!.neighbourhood.id;
    const page = await list('gemeente-voorbeeldstad', `?neighbourhood=${havenkwartier}`);
    expect(page.data).toHaveLength(5);
    expect(page.data.every((i) => i.neighbourhood.id === havenkwartier)).toBe(true);
  });

  it('filters by several neighbourhoods, named by id or CBS code and separated by commas, also in the first view', async () => {
    const havenkwartier = demoId('voorbeeldstad', 'neighbourhood', 'havenkwartier');
    const both = await all('gemeente-voorbeeldstad', `?neighbourhood=${havenkwartier},BU05990103&limit=3`);
    const everything = await all('gemeente-voorbeeldstad');
    expect(both.map((i) => i.id)).toEqual(everything.filter((i) => i.neighbourhood.name !== 'Bloemenbuurt').map((i) => i.id));
    expect(new Set(both.map((i) => i.neighbourhood.name))).toEqual(new Set(['Havenkwartier', 'De Akkers']));
    // The same neighbourhood twice, by id and by code, lists it once.
    expect((await list('gemeente-voorbeeldstad', `?neighbourhood=BU05990102,${havenkwartier}`)).data).toHaveLength(5);
    const first = (await (await api(`/v1/sites/gemeente-voorbeeldstad/bootstrap?neighbourhood=BU05990101,BU05990102`)).json()) as Bootstrap;
    expect(new Set(first.initiatives.data.map((i) => i.neighbourhood.name))).toEqual(new Set(['Bloemenbuurt', 'Havenkwartier']));
  });

  it('answers a list with one neighbourhood the site does not show with not-found, and a malformed or too long list with invalid-request', async () => {
    await expectProblem(await api('/v1/sites/woonstichting-voorbeeld/initiatives?neighbourhood=BU05990102,BU05990101'), 404, 'not-found');
    await expectProblem(await api('/v1/sites/woonstichting-voorbeeld/bootstrap?neighbourhood=BU05990102,BU17000101'), 404, 'not-found');
    for (const bad of ['BU05990101,', ',BU05990101', 'BU05990101,,BU05990102', 'BU05990101;BU05990102', Array(21).fill('BU05990101').join(',')]) {
      const body = await expectProblem(await api(`/v1/sites/gemeente-voorbeeldstad/initiatives?neighbourhood=${encodeURIComponent(bad)}`), 400, 'invalid-request');
      expect(body.detail).toMatch(/^neighbourhood/);
    }
  });

  it('pages with a cursor without duplicates or gaps', async () => {
    const everything = (await list('gemeente-voorbeeldstad')).data.map((i) => i.id);
    const paged = (await all('gemeente-voorbeeldstad', '?limit=4')).map((i) => i.id);
    expect(paged).toEqual(everything);
    const first = await list('gemeente-voorbeeldstad', '?limit=4');
    expect(first.data).toHaveLength(4);
    expect(first.nextCursor).not.toBeNull();
  });

  it('rejects a limit above 50 with an invalid-request problem naming the field', async () => {
    const body = await expectProblem(await api('/v1/sites/gemeente-voorbeeldstad/initiatives?limit=500'), 400, 'invalid-request');
    expect(body.detail).toMatch(/^limit: /);
  });

  it('rejects an unknown status, an unknown parameter and a forged cursor', async () => {
    await expectProblem(await api('/v1/sites/gemeente-voorbeeldstad/initiatives?status=done'), 400, 'invalid-request');
    await expectProblem(await api('/v1/sites/gemeente-voorbeeldstad/initiatives?sort=title'), 400, 'invalid-request');
    await expectProblem(await api('/v1/sites/gemeente-voorbeeldstad/initiatives?cursor=%%%'), 400, 'invalid-request');
  });

  it('answers a neighbourhood the site does not show with not-found', async () => {
    await expectProblem(await api('/v1/sites/woonstichting-voorbeeld/initiatives?neighbourhood=BU05990101'), 404, 'not-found');
    await expectProblem(await api('/v1/sites/andersdorp/initiatives?neighbourhood=BU05990102'), 404, 'not-found');
  });
});

describe('GET /v1/sites/:site/initiatives/:id', () => {
  it('returns the full initiative with its owner', async () => {
    const res = await api(`/v1/sites/woonstichting-voorbeeld/initiatives/${moestuin}`);
    expect(res.status).toBe(200);
    const detail = (await res.json()) as InitiativeDetail;
    expect(detail.body).toContain('Achter de Havenflat ligt een grasveld');
    expect(detail.owner.displayName).toBe('Fatima El Amrani');
    expect(detail.themes).toEqual(['green', 'meeting']);
    expect(detail.needs).toEqual(['space', 'expertise', 'permit']);
  });

  it('carries the people, history, timeline, thread and similar initiatives of the seeded moestuin', async () => {
    const detail = (await (await api(`/v1/sites/gemeente-voorbeeldstad/initiatives/${moestuin}`)).json()) as InitiativeDetail;
    expect(detail.members.slice(0, 3).map((m) => [m.role, m.user.displayName])).toEqual([
      ['owner', 'Fatima El Amrani'],
      ['organiser', 'Mehmet Yilmaz'],
      ['member', 'Yara Mohamed'],
    ]);
    // The count is the database's count of the rows it shows.
    expect(detail.memberCount).toBe(8);
    expect(detail.members).toHaveLength(8);
    expect(detail.statusHistory.map((h) => [h.from, h.to])).toEqual([
      ['gathering', 'planning'],
      ['idea', 'gathering'],
      [null, 'idea'],
    ]);
    expect(detail.updates[0]?.body).toMatch(/^Grondmonster genomen/);
    expect(detail.threadId).not.toBeNull();
    expect(detail.similar.map((i) => i.title)).toContain('Samen zonnepanelen op de Havenflat');
    expect(detail.viewer).toBeNull();
  });

  it('shows an invited professional with their organisation', async () => {
    const repair = demoInitiativeId('voorbeeldstad', 'repair-cafe-buurthuis');
    const detail = (await (await api(`/v1/sites/gemeente-voorbeeldstad/initiatives/${repair}`)).json()) as InitiativeDetail;
    expect(detail.members.find((m) => m.user.displayName === 'Esra Kaya')?.organisation?.name).toBe('Welzijn Voorbeeldstad');
  });

  it('answers an initiative of another network with not-found', async () => {
    await expectProblem(await api(`/v1/sites/andersdorp/initiatives/${moestuin}`), 404, 'not-found');
  });

  it('answers an initiative outside the site’s neighbourhoods with not-found', async () => {
    await expectProblem(await api(`/v1/sites/woonstichting-voorbeeld/initiatives/${geveltuinen}`), 404, 'not-found');
    expect((await api(`/v1/sites/gemeente-voorbeeldstad/initiatives/${geveltuinen}`)).status).toBe(200);
  });

  it('answers a malformed id with not-found', async () => {
    await expectProblem(await api('/v1/sites/gemeente-voorbeeldstad/initiatives/..%2F..'), 404, 'not-found');
  });
});
