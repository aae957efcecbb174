import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Professional } from '@buurtplein/sdk/contract';
import { deferred, freshApi, jsonResponse, problemResponse, stubFetch } from '../../../test/fetch-stub.js';
import { settle, textOf, textsIn } from '../../../test/dom.js';
import { defineElements } from '../../define-elements.js';
import { loadElement } from '../../element-chunks.js';
import type { BuurtProfessionals } from './buurt-professionals.js';

const SITE = 'professionals-test';

defineElements();
await loadElement('buurt-professionals');

const lotte: Professional = {
  id: 'user000000000011',
  displayName: 'Lotte Visser',
  jobTitle: 'Wijkcoördinator',
  organisation: { id: 'org0000000000001', name: 'Gemeente Voorbeeldstad', kind: 'municipality' },
  expertise: ['vergunningen', 'subsidies'],
  neighbourhoods: [
    { id: 'nbhd000000000001', name: 'Bloemenbuurt' },
    { id: 'nbhd000000000002', name: 'Havenkwartier' },
  ],
  bio: 'Ik weet welke vergunning u nodig heeft.',
};
const ruben: Professional = {
  id: 'user000000000012',
  displayName: 'Ruben Mulder',
  jobTitle: 'Wijkconsulent',
  organisation: { id: 'org0000000000002', name: 'Woonstichting Voorbeeld', kind: 'housing-corporation' },
  expertise: ['ruimtes'],
  neighbourhoods: [{ id: 'nbhd000000000002', name: 'Havenkwartier' }],
  bio: '',
};

let stub: ReturnType<typeof stubFetch> | undefined;

afterEach(() => {
  stub?.restore();
  stub = undefined;
});

async function professionals(attributes: { neighbourhood?: string; expertise?: string } = {}) {
  const el = await fixture<BuurtProfessionals>(
    html`<buurt-professionals site=${SITE} api=${freshApi(SITE)} neighbourhood=${attributes.neighbourhood ?? ''} expertise=${attributes.expertise ?? ''}></buurt-professionals>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="professional"], [part~="empty"], [part~="error"]'), 'nothing shown');
  await settle(el);
  return el;
}

describe('buurt-professionals', () => {
  it('holds the place of the cards with a skeleton while they load', async () => {
    const answer = deferred<Response>();
    stub = stubFetch(() => answer.promise);
    const el = await fixture<BuurtProfessionals>(html`<buurt-professionals site=${SITE} api=${freshApi(SITE)}></buurt-professionals>`);
    expect(el.shadowRoot!.querySelectorAll('[part="skeleton"] li')).to.have.length(3);
    expect(el.getBoundingClientRect().height).to.be.greaterThan(150);
    await expect(el).to.be.accessible();
    answer.resolve(jsonResponse({ data: [lotte], nextCursor: null }));
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="professional"]'), 'not shown');
  });

  it('shows each professional with job, organisation badge, what they help with and where', async () => {
    stub = stubFetch(() => jsonResponse({ data: [lotte, ruben], nextCursor: null }));
    const el = await professionals();
    const [first, second] = el.shadowRoot!.querySelectorAll('[part="professional"]');
    expect(textOf(first!.querySelector('[part="name"]'))).to.equal('Lotte Visser');
    expect(textOf(first!.querySelector('[part="job-title"]'))).to.equal('Wijkcoördinator');
    expect(textOf(first!.querySelector('[part="badge"]'))).to.equal('Gemeente: Gemeente Voorbeeldstad');
    expect(textsIn(first!, '[part="topic"]')).to.deep.equal(['vergunningen', 'subsidies']);
    expect(textOf(first!.querySelector('[part="neighbourhoods"]'))).to.equal('Actief in Bloemenbuurt en Havenkwartier');
    expect(textOf(first!.querySelector('[part="bio"]'))).to.equal('Ik weet welke vergunning u nodig heeft.');
    expect(textOf(second!.querySelector('[part="badge"]'))).to.equal('Woningcorporatie: Woonstichting Voorbeeld');
    expect(second!.querySelector('[part="bio"]')).to.equal(null);
    expect(textOf(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('2 professionals gevonden.');
    await expect(el).to.be.accessible();
  });

  it('asks for one neighbourhood and expertise, and says when nobody helps with it', async () => {
    stub = stubFetch(() => jsonResponse({ data: [], nextCursor: null }));
    const el = await professionals({ neighbourhood: 'BU05990102', expertise: 'vergunningen' });
    expect(stub.requests[0]!.searchParams.get('neighbourhood')).to.equal('BU05990102');
    expect(stub.requests[0]!.searchParams.get('expertise')).to.equal('vergunningen');
    expect(textOf(el.shadowRoot!.querySelector('[part="empty"]'))).to.equal('Er is hier nog niemand die helpt met vergunningen.');
    await expect(el).to.be.accessible();
  });

  it('loads the next page on "Meer tonen"', async () => {
    stub = stubFetch((url) => jsonResponse(url.searchParams.get('cursor') ? { data: [ruben], nextCursor: null } : { data: [lotte], nextCursor: 'next' }));
    const el = await professionals();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part="professional"]').length === 2, 'no next page');
    await settle(el);
    expect(stub.requests.at(-1)!.searchParams.get('cursor')).to.equal('next');
    expect(el.shadowRoot!.querySelector('[part~="more-button"]')).to.equal(null);
    expect(textOf(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('1 professional toegevoegd.');
  });

  it('says plainly when loading failed, and loads again on retry', async () => {
    let fail = true;
    stub = stubFetch(() => (fail ? problemResponse('internal-error', 500) : jsonResponse({ data: [lotte], nextCursor: null })));
    const el = await professionals();
    expect(textOf(el.shadowRoot!.querySelector('[part="error"] p'))).to.equal('Het laden van de professionals is niet gelukt. Probeer het opnieuw.');
    await expect(el).to.be.accessible();
    fail = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="professional"]'), 'not loaded again');
  });

  it('shows names, jobs and introductions with HTML in them as text', async () => {
    const payload = '<img src=x onerror="window.hacked=1"><b>Lotte</b>';
    stub = stubFetch(() => jsonResponse({ data: [{ ...lotte, displayName: payload, jobTitle: payload, bio: payload, expertise: [payload] }], nextCursor: null }));
    const el = await professionals();
    expect(textOf(el.shadowRoot!.querySelector('[part="name"]'))).to.equal(payload);
    expect(textOf(el.shadowRoot!.querySelector('[part="bio"]'))).to.equal(payload);
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });
});
