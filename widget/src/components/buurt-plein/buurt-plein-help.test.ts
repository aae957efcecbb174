import { expect, html, waitUntil } from '@open-wc/testing';
import type { Neighbourhood } from '@buurtplein/sdk/contract';
import { authSession, bootstrap, freshApi, initiative, initiativeDetail, jsonResponse, me, site, stubFetch } from '../../../test/fetch-stub.js';
import { textOf, textsIn } from '../../../test/dom.js';
import { mountPlein, pleinList } from '../../../test/plein.js';
import { defineElements } from '../../define-elements.js';
import type { BuurtPlein } from './buurt-plein.js';

const SITE = 'gemeente-voorbeeldstad';
const VOLUNTEERS = initiative({ id: 'init000000000001', title: 'Buurtmoestuin', needs: ['volunteers'] });
const FUNDING = initiative({ id: 'init000000000002', title: 'Speeltuin opknappen', needs: ['funding', 'permit'] });
const DONE = initiative({ id: 'init000000000003', title: 'Repair café', needs: [] });
const HAVEN = { id: 'nbhd000000000002', name: 'Havenkwartier', cbsCode: 'BU05990102', postcodes: [] };
const AKKERS = { id: 'nbhd000000000003', name: 'De Akkers', cbsCode: 'BU05990103', postcodes: [] };
const ELSEWHERE = { id: 'nbhd000000000004', name: 'Bloemenbuurt', cbsCode: 'BU05990101', postcodes: [] };
const IN_HAVEN = initiative({ id: 'init000000000004', title: 'Bankjes bij de haven', needs: ['materials'], neighbourhood: HAVEN });
const IN_AKKERS = initiative({ id: 'init000000000005', title: 'Speelplein De Akkers', needs: ['funding'], neighbourhood: AKKERS });
const QUIET_IN_AKKERS = initiative({ id: 'init000000000006', title: 'Buurtbarbecue', needs: [], neighbourhood: AKKERS });
const ELSEWHERE_HELP = initiative({ id: 'init000000000007', title: 'Geveltuinen', needs: ['volunteers'], neighbourhood: ELSEWHERE });

defineElements();

let fetchStub: ReturnType<typeof stubFetch> | undefined;
/** The test page's own URL (the runner's query parameters), put back after each test. */
const hostUrl = location.href;

/**
 * An API that filters on `needs` and on `neighbourhood` (ids separated by commas) as the worker
 * does; without neighbourhoods, nothing asks for materials.
 */
function answerApi(user = me(), initiatives = [VOLUNTEERS, FUNDING, DONE], neighbourhoods: Neighbourhood[] = []) {
  fetchStub = stubFetch((url) => {
    if (url.pathname.endsWith('/auth/refresh')) return jsonResponse(authSession(user));
    if (url.pathname === `/v1/sites/${SITE}`) return jsonResponse(site({ neighbourhoods }));
    if (url.pathname.endsWith('/bootstrap')) {
      const needs = url.searchParams.get('needs');
      const hoods = url.searchParams.get('neighbourhood')?.split(',');
      const shown = initiatives.filter((i) => !needs || (needs === 'any' ? i.needs.length > 0 : i.needs.includes(needs as never)));
      return jsonResponse(bootstrap(shown.filter((i) => !hoods || hoods.includes(i.neighbourhood.id)), null, { neighbourhoods }));
    }
    return jsonResponse(initiativeDetail(VOLUNTEERS));
  });
  return fetchStub;
}

/** A professional serving the Havenkwartier and De Akkers, signed in on a plein whose API has help requests in both and elsewhere. */
async function esraServingHavenAndAkkers() {
  const esra = me({
    displayName: 'Esra Kaya',
    roles: ['professional'],
    organisation: { id: 'org0000000000003', name: 'Welzijn Voorbeeldstad' },
    servedNeighbourhoods: [HAVEN, AKKERS].map(({ id, name, cbsCode }) => ({ id, name, cbsCode })),
  });
  const stub = answerApi(esra, [ELSEWHERE_HELP, IN_AKKERS, QUIET_IN_AKKERS, IN_HAVEN], [ELSEWHERE, HAVEN, AKKERS]);
  return { stub, el: await plein(freshApi(SITE, esra)) };
}

function plein(api: string) {
  return mountPlein(html`<buurt-plein site=${SITE} api=${api}></buurt-plein>`);
}

const list = pleinList;

function needsSelect(el: BuurtPlein): HTMLSelectElement {
  return el.shadowRoot!.querySelector<HTMLSelectElement>('#needs')!;
}

function choose(el: BuurtPlein, value: string): void {
  const select = needsSelect(el);
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

/** Waits until the list shows exactly these titles (no skeleton left). */
async function shows(el: BuurtPlein, titles: string[]): Promise<void> {
  const shown = () => (list(el).shadowRoot ? textsIn(list(el).shadowRoot!, '[part="link"]') : []);
  await waitUntil(
    () => list(el).shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false' && JSON.stringify(shown()) === JSON.stringify(titles),
    `expected ${titles.join(', ') || 'no initiatives'}, saw ${shown().join(', ')}`,
  );
}

/** The `needs` (or another parameter) of the last first-view request. */
function lastNeeds(stub: ReturnType<typeof stubFetch>, parameter = 'needs'): string | null {
  return stub.requests.filter((url) => url.pathname.endsWith('/bootstrap')).at(-1)!.searchParams.get(parameter);
}

beforeEach(() => history.replaceState(null, '', hostUrl));

afterEach(() => {
  fetchStub?.restore();
  fetchStub = undefined;
  history.replaceState(null, '', hostUrl);
  localStorage.clear();
});

describe('buurt-plein: Zoekt hulp', () => {
  it('lists only the initiatives that ask for help, any or one kind, and says so plainly when none do', async () => {
    const stub = answerApi();
    const el = await plein(freshApi(SITE));
    await shows(el, ['Buurtmoestuin', 'Speeltuin opknappen', 'Repair café']);
    expect(lastNeeds(stub)).to.equal(null);
    expect(textOf(el.shadowRoot!.querySelector('label[for="needs"]'))).to.equal('Zoekt hulp');
    expect(textsIn(el.shadowRoot!, '#needs option')).to.deep.equal([
      'Alle initiatieven',
      'Elke hulpvraag',
      'Vrijwilligers',
      'Geld',
      'Vergunning',
      'Ruimte',
      'Kennis',
      'Materiaal',
      'Overig',
    ]);

    choose(el, 'any');
    await shows(el, ['Buurtmoestuin', 'Speeltuin opknappen']);
    expect(lastNeeds(stub)).to.equal('any');
    expect(new URL(location.href).searchParams.get('buurt')).to.equal('hulp');
    await expect(el).to.be.accessible();

    choose(el, 'funding');
    await shows(el, ['Speeltuin opknappen']);
    expect(lastNeeds(stub)).to.equal('funding');
    expect(new URL(location.href).searchParams.get('buurt')).to.equal('hulp/geld');

    choose(el, 'materials');
    await shows(el, []);
    expect(lastNeeds(stub)).to.equal('materials');
    expect(textOf(list(el).shadowRoot!.querySelector('[part~="empty"]'))).to.equal('Geen initiatieven gevonden die hulp zoeken.');
    await expect(el).to.be.accessible();
  });

  it('goes back to the previous filter on the back button, also after opening an initiative', async () => {
    const stub = answerApi();
    const el = await plein(freshApi(SITE));
    await shows(el, ['Buurtmoestuin', 'Speeltuin opknappen', 'Repair café']);
    choose(el, 'any');
    await shows(el, ['Buurtmoestuin', 'Speeltuin opknappen']);
    choose(el, 'funding');
    await shows(el, ['Speeltuin opknappen']);

    history.back();
    await shows(el, ['Buurtmoestuin', 'Speeltuin opknappen']);
    expect(needsSelect(el).value).to.equal('any');
    expect(lastNeeds(stub)).to.equal('any');

    list(el).shadowRoot!.querySelector<HTMLAnchorElement>('[part="link"]')!.click();
    await waitUntil(() => new URL(location.href).searchParams.get('buurt') === 'initiatief/init000000000001', 'initiative not opened');
    const back = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="back-link"]')!;
    expect(new URL(back.href).searchParams.get('buurt')).to.equal('hulp');
    history.back();
    await waitUntil(() => !list(el).closest('section')!.hidden, 'list not shown again');
    await shows(el, ['Buurtmoestuin', 'Speeltuin opknappen']);
    expect(needsSelect(el).value).to.equal('any');

    history.back();
    await shows(el, ['Buurtmoestuin', 'Speeltuin opknappen', 'Repair café']);
    expect(needsSelect(el).value).to.equal('');
    expect(new URL(location.href).searchParams.has('buurt')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('opens a shared link to one need with the list filtered on it', async () => {
    history.replaceState(null, '', `${hostUrl}&buurt=hulp/geld`);
    const stub = answerApi();
    const el = await plein(freshApi(SITE));
    await shows(el, ['Speeltuin opknappen']);
    expect(lastNeeds(stub)).to.equal('funding');
    expect(needsSelect(el).value).to.equal('funding');
    await expect(el).to.be.accessible();
  });

  it('offers a signed-in professional the initiatives that ask for help, and residents not', async () => {
    const lotte = me({ displayName: 'Lotte Visser', roles: ['professional'], organisation: { id: 'org0000000000001', name: 'Gemeente Voorbeeldstad' } });
    const stub = answerApi(lotte);
    const el = await plein(freshApi(SITE, lotte));
    const offer = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="help-button"]');
    await waitUntil(() => offer(), 'no offer for the professional');
    expect(textOf(offer())).to.equal('Initiatieven die hulp zoeken');
    await shows(el, ['Buurtmoestuin', 'Speeltuin opknappen', 'Repair café']);
    await expect(el).to.be.accessible();

    offer()!.click();
    await shows(el, ['Buurtmoestuin', 'Speeltuin opknappen']);
    expect(lastNeeds(stub)).to.equal('any');
    expect(needsSelect(el).value).to.equal('any');
    expect(new URL(location.href).searchParams.get('buurt')).to.equal('hulp');

    fetchStub!.restore();
    answerApi(me());
    const resident = await plein(freshApi(SITE, me()));
    await waitUntil(() => textOf(resident.shadowRoot!.querySelector('[part="account"]')).startsWith('Ingelogd als'), 'resident not signed in');
    expect(resident.shadowRoot!.querySelector('[part~="help-button"]')).to.equal(null);
  });

  it('offers a professional the initiatives that ask for help in their own neighbourhoods, and says so', async () => {
    const { stub, el } = await esraServingHavenAndAkkers();
    const offer = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="help-button"]');
    await waitUntil(() => offer(), 'no offer for the professional');
    expect(textOf(offer())).to.equal('Initiatieven die hulp zoeken in jouw buurten');
    await shows(el, ['Geveltuinen', 'Speelplein De Akkers', 'Buurtbarbecue', 'Bankjes bij de haven']);

    offer()!.click();
    await shows(el, ['Speelplein De Akkers', 'Bankjes bij de haven']);
    expect(lastNeeds(stub)).to.equal('any');
    expect(lastNeeds(stub, 'neighbourhood')).to.equal(`${HAVEN.id},${AKKERS.id}`);
    const neighbourhood = el.shadowRoot!.querySelector<HTMLSelectElement>('#neighbourhood')!;
    expect(textOf(neighbourhood.selectedOptions[0]!)).to.equal('Jouw buurten');
    expect(new URL(location.href).searchParams.get('buurt')).to.equal('hulp');
    await expect(el).to.be.accessible();

    // Every neighbourhood again, still asking for help.
    neighbourhood.value = '';
    neighbourhood.dispatchEvent(new Event('change'));
    await shows(el, ['Geveltuinen', 'Speelplein De Akkers', 'Bankjes bij de haven']);
    expect(lastNeeds(stub, 'neighbourhood')).to.equal(null);
  });

  it('shows every neighbourhood again when the professional signs out from "Jouw buurten"', async () => {
    const { stub, el } = await esraServingHavenAndAkkers();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="help-button"]'), 'no offer for the professional');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="help-button"]')!.click();
    await shows(el, ['Speelplein De Akkers', 'Bankjes bij de haven']);

    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="sign-out-button"]')!.click();
    await shows(el, ['Geveltuinen', 'Speelplein De Akkers', 'Bankjes bij de haven']);
    expect(lastNeeds(stub, 'neighbourhood')).to.equal(null);
    const neighbourhood = el.shadowRoot!.querySelector<HTMLSelectElement>('#neighbourhood')!;
    expect(textOf(neighbourhood.selectedOptions[0]!)).to.equal('Alle buurten');
    await expect(el).to.be.accessible();
  });
});
