import type { InitiativePage, InitiativeSummary } from '@buurtplein/sdk/contract';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../test/api.js';
import { call, detailOf, listPage, startInitiative } from '../../test/initiatives.js';
import { demoInitiativeId } from '../db/seed.js';

const site = 'gemeente-voorbeeldstad';
const id = (key: string) => demoInitiativeId('voorbeeldstad', key);

async function titles(query: string, on = site): Promise<string[]> {
  return (await listPage(on, query)).data.map((i) => i.title);
}

async function similarTitles(key: string, on = site): Promise<string[]> {
  return (await detailOf(on, id(key))).similar.map((i) => i.title);
}

describe('GET /v1/sites/:site/initiatives?q=', () => {
  it('finds an initiative by a word from its body, and by the start of a word', async () => {
    expect(await titles('?q=naaimachine')).toEqual(['Repair Café in het buurthuis']);
    expect(await titles('?q=klimpl')).toEqual(['Geveltuinen in de Tulpstraat']);
    expect(await titles('?q=cafe')).toEqual(['Repair Café in het buurthuis']);
  });

  it('needs every word and ranks a title match above a body match', async () => {
    expect(await titles('?q=havenflat%20zonnepanelen')).toEqual(['Samen zonnepanelen op de Havenflat']);
    const havenflat = await titles('?q=havenflat');
    expect(havenflat.slice(0, 2).sort()).toEqual(['Buurtmoestuin achter de Havenflat', 'Samen zonnepanelen op de Havenflat']);
  });

  it('stays inside the site’s window and the network', async () => {
    expect(await titles('?q=tulpstraat', 'woonstichting-voorbeeld')).toEqual([]);
    expect(await titles('?q=dorpsfeest')).toEqual([]);
    expect(await titles('?q=dorpsfeest', 'andersdorp')).toEqual(['Dorpsfeest op de brink']);
  });

  it('never lets FTS5 syntax through: quotes, stars, NEAR, minus and column filters answer 200', async () => {
    for (const q of ['"', '*', 'NEAR(tuin moestuin)', '-tuin', 'tuin -moestuin', 'title:tuin', '"unterminated', 'AND OR NOT', '^tuin', '(', '{title}:x', '\u0000']) {
      const res = await api(`/v1/sites/${site}/initiatives?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect(await titles(`?q=${encodeURIComponent('"moestuin*')}`)).toEqual(['Buurtmoestuin achter de Havenflat']);
  });

  it('combines search with the theme, needs and status filters', async () => {
    expect(await titles('?q=buurt&theme=green')).toEqual(['Buurtmoestuin achter de Havenflat']);
    expect((await titles('?q=buurthuis&status=active'))).toEqual(['Repair Café in het buurthuis']);
  });

  it('pages a search by rank without duplicates or gaps while initiatives are started', async () => {
    const everything = (await listPage(site, '?q=de&limit=50')).data.map((i) => i.id);
    expect(everything.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let page: InitiativePage = await listPage(site, '?q=de&limit=3');
    seen.push(...page.data.map((i) => i.id));
    await startInitiative(site, 'joost', { title: 'De allerbeste de de de initiatief', summary: 'De de de.' });
    while (page.nextCursor) {
      page = await listPage(site, `?q=de&limit=3&cursor=${page.nextCursor}`);
      seen.push(...page.data.map((i) => i.id));
      await startInitiative(site, 'joost', { title: 'Nog een de de initiatief', summary: 'De de.' });
    }
    expect(seen).toEqual(everything);
  });

  it('rejects a limit over 50 and a newest-first cursor in a search', async () => {
    await expectProblem(await api(`/v1/sites/${site}/initiatives?q=tuin&limit=51`), 400, 'invalid-request');
    const newestFirst = await listPage(site, '?limit=2');
    await expectProblem(await api(`/v1/sites/${site}/initiatives?q=tuin&cursor=${newestFirst.nextCursor}`), 400, 'invalid-request');
  });
});

describe('GET /v1/sites/:site/initiatives filters', () => {
  it('filters by theme and by needs, with needs=any for every initiative asking for help', async () => {
    const green = (await listPage(site, '?theme=green&limit=50')).data;
    expect(green.map((i) => i.title).sort()).toEqual(['Buurtmoestuin achter de Havenflat', 'Geveltuinen in de Tulpstraat', 'Veilige en groene schoolroute']);
    const permit = (await listPage(site, '?needs=permit&limit=50')).data;
    expect(permit.every((i) => i.needs.includes('permit'))).toBe(true);
    expect(permit).toHaveLength(4);
    const needHelp = (await listPage(site, '?needs=any&limit=50')).data;
    expect(needHelp.every((i: InitiativeSummary) => i.needs.length > 0)).toBe(true);
    expect(needHelp.map((i) => i.title)).not.toContain('Buurtbarbecue op het Havenplein');
    expect(needHelp).toHaveLength(10);
  });

  it('lists a new initiative under needs=any once it asks for help, and no longer once it asks for none', async () => {
    const started = await startInitiative(site, 'fatima');
    const helpIds = async () => (await listPage(site, '?needs=any&limit=50')).data.map((i) => i.id);
    expect(await helpIds()).not.toContain(started.id);
    for (const [needs, listed] of [[['volunteers'], true], [[], false]] as const) {
      const res = await call(site, `/${started.id}`, { method: 'PATCH', as: 'fatima', body: { needs } });
      expect(res.status).toBe(200);
      expect((await helpIds()).includes(started.id)).toBe(listed);
    }
  });

  it('answers bootstrap with the same filters', async () => {
    const res = await api(`/v1/sites/${site}/bootstrap?q=naaimachine`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { initiatives: InitiativePage };
    expect(body.initiatives.data.map((i) => i.title)).toEqual(['Repair Café in het buurthuis']);
  });

  it('pages newest first without duplicates or gaps while initiatives are started', async () => {
    const before = (await listPage(site, '?limit=50')).data.map((i) => i.id);
    const seen: string[] = [];
    let page = await listPage(site, '?limit=4');
    seen.push(...page.data.map((i) => i.id));
    while (page.nextCursor) {
      await startInitiative(site, 'sanne', { title: 'Tussendoor gestart' });
      page = await listPage(site, `?limit=4&cursor=${page.nextCursor}`);
      seen.push(...page.data.map((i) => i.id));
    }
    expect(seen).toEqual(before);
  });
});

describe('similar initiatives on the initiative’s page', () => {
  it('relates the seeded initiatives that are about the same things', async () => {
    expect(await similarTitles('buurtmoestuin-havenflat')).toEqual(['Samen zonnepanelen op de Havenflat']);
    expect(await similarTitles('zonnepanelen-havenflat')).toEqual(['Buurtmoestuin achter de Havenflat']);
    expect(await similarTitles('repair-cafe-buurthuis')).toEqual(['Koffieochtend voor ouderen']);
    expect(await similarTitles('koffieochtend-ouderen')).toEqual(['Repair Café in het buurthuis']);
    expect(await similarTitles('speeltuin-akkerplein')).toEqual(['Buurtbarbecue op het Havenplein']);
    expect((await similarTitles('groene-schoolroute'))[0]).toBe('Geveltuinen in de Tulpstraat');
  });

  it('offers at most five, never the initiative itself, and only what the site shows', async () => {
    const bankjes = await detailOf(site, id('bankjes-vijver'));
    expect(bankjes.similar.length).toBeLessThanOrEqual(5);
    expect(bankjes.similar.map((i) => i.id)).not.toContain(bankjes.id);
    const onCorporationSite = await detailOf('woonstichting-voorbeeld', id('bankjes-vijver'));
    expect(onCorporationSite.similar.length).toBeGreaterThan(0);
    expect(onCorporationSite.similar.every((i) => i.neighbourhood.name !== 'Bloemenbuurt')).toBe(true);
    const dorpshuis = await detailOf('andersdorp', demoInitiativeId('andersdorp', 'dorpshuis'));
    expect(dorpshuis.similar.every((i) => i.title === 'Dorpsfeest op de brink')).toBe(true);
  });
});
