import type { ProfessionalPage } from '@buurtplein/sdk/contract';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../test/api.js';

async function directory(site: string, query = ''): Promise<ProfessionalPage> {
  const res = await api(`/v1/sites/${site}/professionals${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ProfessionalPage;
}

describe('GET /v1/sites/:site/professionals', () => {
  it('lists who can help, by name, with organisation, expertise, neighbourhoods served and bio', async () => {
    const { data, nextCursor } = await directory('gemeente-voorbeeldstad');
    expect(data.map((p) => p.displayName)).toEqual(['Esra Kaya', 'Lotte Visser', 'Ruben Mulder']);
    expect(nextCursor).toBeNull();
    expect(data[1]).toMatchObject({
      jobTitle: 'Wijkcoördinator',
      organisation: { name: 'Gemeente Voorbeeldstad', kind: 'municipality' },
      expertise: ['vergunningen', 'subsidies', 'openbare ruimte'],
      neighbourhoods: [{ name: 'Bloemenbuurt' }, { name: 'Havenkwartier' }],
    });
    expect(data[1]?.bio).toContain('vergunning');
  });

  it('filters by an area of expertise, whatever its case', async () => {
    const { data } = await directory('gemeente-voorbeeldstad', '?expertise=Fondsen');
    expect(data.map((p) => p.displayName)).toEqual(['Esra Kaya']);
    expect((await directory('gemeente-voorbeeldstad', '?expertise=openbare%20ruimte')).data.map((p) => p.displayName)).toEqual(['Lotte Visser']);
    expect((await directory('gemeente-voorbeeldstad', '?expertise=ruimte')).data).toEqual([]);
  });

  it('filters by a neighbourhood served, by id or CBS code', async () => {
    const { data } = await directory('gemeente-voorbeeldstad', '?neighbourhood=BU05990101');
    expect(data.map((p) => p.displayName)).toEqual(['Esra Kaya', 'Lotte Visser']);
    const akkers = (await directory('gemeente-voorbeeldstad', '?neighbourhood=BU05990103&expertise=onderhoud')).data;
    expect(akkers.map((p) => p.displayName)).toEqual(['Ruben Mulder']);
  });

  it('shows another site only its own neighbourhoods, and another network none of these professionals', async () => {
    const { data } = await directory('woonstichting-voorbeeld');
    expect(data.map((p) => p.displayName)).toEqual(['Esra Kaya', 'Lotte Visser', 'Ruben Mulder']);
    expect(data.find((p) => p.displayName === 'Lotte Visser')?.neighbourhoods.map((n) => n.name)).toEqual(['Havenkwartier']);
    await expectProblem(await api('/v1/sites/woonstichting-voorbeeld/professionals?neighbourhood=BU05990101'), 404, 'not-found');
    expect((await directory('andersdorp')).data).toEqual([]);
  });

  it('pages by name without duplicates or gaps', async () => {
    const first = await directory('gemeente-voorbeeldstad', '?limit=2');
    expect(first.data).toHaveLength(2);
    const second = await directory('gemeente-voorbeeldstad', `?limit=2&cursor=${first.nextCursor}`);
    expect([...first.data, ...second.data].map((p) => p.displayName)).toEqual(['Esra Kaya', 'Lotte Visser', 'Ruben Mulder']);
    expect(second.nextCursor).toBeNull();
  });

  it('rejects a limit above 50 and an unknown filter', async () => {
    await expectProblem(await api('/v1/sites/gemeente-voorbeeldstad/professionals?limit=51'), 400, 'invalid-request');
    await expectProblem(await api('/v1/sites/gemeente-voorbeeldstad/professionals?organisation=x'), 400, 'invalid-request');
  });
});
