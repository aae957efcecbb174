import type { Bootstrap, Page, Neighbourhood, Site } from '@buurtplein/sdk/contract';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../test/api.js';

describe('GET /v1/sites/:site', () => {
  it('returns the public configuration of the municipality site', async () => {
    const res = await api('/v1/sites/gemeente-voorbeeldstad');
    expect(res.status).toBe(200);
    const site = (await res.json()) as Site;
    expect(site.name).toBe('Gemeente Voorbeeldstad');
    expect(site.network).toMatchObject({ id: 'voorbeeldstad', name: 'Voorbeeldstad' });
    expect(site.neighbourhoods.map((n) => n.name)).toEqual(['Bloemenbuurt', 'Havenkwartier', 'De Akkers']);
    expect(site.locales).toEqual(['nl', 'en']);
  });

  it('never sends allowed origins or other server-side settings', async () => {
    const site = (await (await api('/v1/sites/gemeente-voorbeeldstad')).json()) as Record<string, unknown>;
    expect(Object.keys(site).sort()).toEqual(['key', 'locales', 'name', 'neighbourhoods', 'network', 'theme']);
  });

  it('answers an unknown site with a site-not-found problem', async () => {
    const body = await expectProblem(await api('/v1/sites/nope'), 404, 'site-not-found');
    expect(body.detail).toContain('nope');
  });

  it('answers a malformed site key with site-not-found, without a database lookup error', async () => {
    await expectProblem(await api('/v1/sites/NOT_A_KEY!'), 404, 'site-not-found');
  });
});

describe('GET /v1/sites/:site/neighbourhoods', () => {
  it('lists only the neighbourhoods the housing corporation shows', async () => {
    const page = (await (await api('/v1/sites/woonstichting-voorbeeld/neighbourhoods')).json()) as Page<Neighbourhood>;
    expect(page.data.map((n) => [n.name, n.cbsCode])).toEqual([
      ['Havenkwartier', 'BU05990102'],
      ['De Akkers', 'BU05990103'],
    ]);
    expect(page.nextCursor).toBeNull();
  });

  it('finds the neighbourhood of a four-digit postcode among those the site shows', async () => {
    const names = async (site: string, postcode: string) =>
      ((await (await api(`/v1/sites/${site}/neighbourhoods?postcode=${postcode}`)).json()) as Page<Neighbourhood>).data.map((n) => n.name);
    expect(await names('gemeente-voorbeeldstad', '3013')).toEqual(['Havenkwartier']);
    expect(await names('gemeente-voorbeeldstad', '3015')).toEqual(['De Akkers']);
    expect(await names('woonstichting-voorbeeld', '3011')).toEqual([]);
    expect(await names('andersdorp', '3013')).toEqual([]);
    expect(await names('andersdorp', '7711')).toEqual(['Dorpskern']);
  });

  it('rejects a postcode that is not four digits', async () => {
    for (const postcode of ['301', '3013AB', 'abcd', '30133']) {
      await expectProblem(await api(`/v1/sites/gemeente-voorbeeldstad/neighbourhoods?postcode=${postcode}`), 400, 'invalid-request');
    }
  });

  it('pages the neighbourhoods in the site’s order and rejects a limit above 50', async () => {
    const first = (await (await api('/v1/sites/gemeente-voorbeeldstad/neighbourhoods?limit=2')).json()) as Page<Neighbourhood>;
    const second = (await (await api(`/v1/sites/gemeente-voorbeeldstad/neighbourhoods?limit=2&cursor=${first.nextCursor}`)).json()) as Page<Neighbourhood>;
    expect([...first.data, ...second.data].map((n) => n.name)).toEqual(['Bloemenbuurt', 'Havenkwartier', 'De Akkers']);
    expect(second.nextCursor).toBeNull();
    await expectProblem(await api('/v1/sites/gemeente-voorbeeldstad/neighbourhoods?limit=51'), 400, 'invalid-request');
  });
});

describe('GET /v1/sites/:site/bootstrap', () => {
  it('returns the site and its first page of initiatives in one response', async () => {
    const res = await api('/v1/sites/woonstichting-voorbeeld/bootstrap?limit=5');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Bootstrap;
    expect(body.site.key).toBe('woonstichting-voorbeeld');
    expect(body.site.theme['--buurt-color-primary']).toBe('#0b6e4f');
    expect(body.initiatives.data).toHaveLength(5);
    expect(body.initiatives.nextCursor).toEqual(expect.any(String));
  });

  it('applies a neighbourhood filter given as a CBS code', async () => {
    const body = (await (await api('/v1/sites/gemeente-voorbeeldstad/bootstrap?neighbourhood=BU05990101')).json()) as Bootstrap;
    expect(body.initiatives.data.length).toBeGreaterThan(0);
    expect(new Set(body.initiatives.data.map((i) => i.neighbourhood.name))).toEqual(new Set(['Bloemenbuurt']));
  });

  it('rejects a limit above 50 like the list does', async () => {
    await expectProblem(await api('/v1/sites/gemeente-voorbeeldstad/bootstrap?limit=500'), 400, 'invalid-request');
  });
});
