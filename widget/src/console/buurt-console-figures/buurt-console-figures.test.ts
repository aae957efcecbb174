import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { NeighbourhoodFigures } from '@buurtplein/sdk/contract';
import { textOf } from '../../../test/dom.js';
import { defineConsoleElements } from '../define-console-elements.js';
import { authSession, isRefresh, json, problem, signedInApi, stubFetch, user } from '../test/console-fetch.js';
import type { BuurtConsoleFigures } from './buurt-console-figures.js';

const SITE = 'gemeente-voorbeeldstad';

defineConsoleElements();

const FIGURES: NeighbourhoodFigures[] = [
  {
    neighbourhood: { id: 'nbhd000000000001', name: 'Bloemenbuurt' },
    initiativesByStatus: { idea: 2, gathering: 1, planning: 0, active: 3, completed: 1, paused: 0, archived: 0 },
    initiativesWithNeeds: 4,
    medianHoursToFirstOffer: 30.5,
    acceptedOffers: 2,
  },
  {
    neighbourhood: { id: 'nbhd000000000002', name: 'Havenkwartier' },
    initiativesByStatus: { idea: 1, gathering: 0, planning: 0, active: 0, completed: 0, paused: 0, archived: 0 },
    initiativesWithNeeds: 0,
    medianHoursToFirstOffer: null,
    acceptedOffers: 0,
  },
];

let stub: ReturnType<typeof stubFetch> | undefined;

afterEach(() => {
  stub?.restore();
  stub = undefined;
});

function answer() {
  stub = stubFetch((request) => {
    if (isRefresh(request)) return json(authSession(user(['moderator'])));
    if (request.url.pathname.endsWith('/admin/figures')) return json({ data: FIGURES });
    if (request.url.pathname.endsWith('/admin/figures.csv')) {
      return new Response('buurt;idee\nBloemenbuurt;2\n', { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
    }
    return problem('not-found', 404);
  });
  return stub;
}

async function section() {
  const { api, origin } = signedInApi(SITE, user(['moderator']));
  const el = await fixture<BuurtConsoleFigures>(html`<buurt-console-figures .api=${api} site=${SITE}></buurt-console-figures>`);
  await waitUntil(() => el.shadowRoot!.querySelector('table'), 'figures not shown');
  return { el, origin };
}

describe('buurt-console-figures', function (this: { timeout(ms: number): void }) {
  this.timeout(10_000);

  it('shows per neighbourhood the initiatives by status, those asking for help, the median wait and accepted offers', async () => {
    answer();
    const { el } = await section();

    const headers = [...el.shadowRoot!.querySelectorAll('thead th')].map(textOf);
    expect(headers).to.deep.equal([
      'Buurt',
      'Idee',
      'Buren gezocht',
      'In voorbereiding',
      'Actief',
      'Afgerond',
      'Gepauzeerd',
      'Gearchiveerd',
      'Vraagt hulp',
      'Mediane tijd tot eerste aanbod van een professional',
      'Aanvaard hulpaanbod',
    ]);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((row) => [...row.children].map(textOf));
    expect(rows).to.deep.equal([
      ['Bloemenbuurt', '2', '1', '0', '3', '1', '0', '0', '4', '30,5 uur', '2'],
      ['Havenkwartier', '1', '0', '0', '0', '0', '0', '0', '0', 'geen aanbod', '0'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('downloads the CSV with the session, from a link to the export', async () => {
    const sent = answer();
    const { el, origin } = await section();
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[download]')!;
    expect(textOf(link)).to.equal('Download CSV');
    expect(link.href).to.equal(`${origin}/v1/sites/${SITE}/admin/figures.csv`);

    const clicked: string[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this.href);
    };
    try {
      link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
      await waitUntil(() => clicked.length === 1, 'no download started');
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    const csv = sent.requests.find((r) => r.url.pathname.endsWith('.csv'))!;
    expect(csv.headers.get('Authorization')).to.equal('Bearer aaa.bbb.ccc');
    expect(clicked[0]).to.match(/^blob:/);
  });
});
