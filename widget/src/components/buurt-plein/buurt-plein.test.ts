import { expect, html, waitUntil } from '@open-wc/testing';
import { authSession, bootstrap, initiative, initiativeDetail, jsonResponse, me, site, stubFetch } from '../../../test/fetch-stub.js';
import { deepActiveElement, nextTask, textOf, textsIn } from '../../../test/dom.js';
import { mountPlein, pleinList } from '../../../test/plein.js';
import { defineElements } from '../../define-elements.js';
import type { BuurtInitiative } from '../buurt-initiative/buurt-initiative.js';
import type { BuurtPlein } from './buurt-plein.js';

const SITE = 'gemeente-voorbeeldstad';
const NEIGHBOURHOODS = [
  { id: 'nbhd000000000001', name: 'Lombok', cbsCode: 'BU03440101', postcodes: [] },
  { id: 'nbhd000000000002', name: 'Oog in Al', cbsCode: null, postcodes: [] },
];
const FIRST = initiative({ id: 'init000000000001', title: 'Buurtmoestuin' });
const SECOND = initiative({ id: 'init000000000002', title: 'Repair café' });

defineElements();

let fetchStub: ReturnType<typeof stubFetch> | undefined;
let apiSerial = 0;
let api = '';
/** The test page's own URL (the runner's query parameters), put back after each test. */
const hostUrl = location.href;

/** The API as the plein needs it: site, first view, list pages and the two initiatives. */
function answerApi() {
  fetchStub = stubFetch((url) => {
    if (url.pathname.endsWith('/auth/refresh')) return jsonResponse(authSession(me({ displayName: 'Fatima El Amrani' })));
    if (url.pathname === `/v1/sites/${SITE}`) return jsonResponse(site({ neighbourhoods: NEIGHBOURHOODS }));
    if (url.pathname.endsWith('/bootstrap')) return jsonResponse(bootstrap([FIRST, SECOND]));
    const id = url.pathname.match(/\/initiatives\/(\w+)$/)?.[1];
    const found = [FIRST, SECOND].find((item) => item.id === id);
    return jsonResponse(initiativeDetail(found));
  });
  return fetchStub;
}

function plein(template = html`<buurt-plein site=${SITE} api=${api}></buurt-plein>`) {
  return mountPlein(template);
}

const list = pleinList;

function detail(el: BuurtPlein): BuurtInitiative | null {
  return el.shadowRoot!.querySelector('buurt-initiative');
}

async function listLoaded(el: BuurtPlein): Promise<void> {
  await waitUntil(() => list(el).shadowRoot?.querySelectorAll('[part="card"]').length, 'list not loaded');
}

async function detailLoaded(el: BuurtPlein, title: string): Promise<BuurtInitiative> {
  await waitUntil(() => textOf(detail(el)?.shadowRoot?.querySelector('[part="heading"]')) === title, `${title} not shown`);
  return detail(el)!;
}

function cardLink(el: BuurtPlein, index: number): HTMLAnchorElement {
  return list(el).shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="link"]')[index]!;
}

beforeEach(() => {
  api = `https://api${++apiSerial}.buurtplein.test`;
  history.replaceState(null, '', hostUrl);
});

afterEach(async () => {
  fetchStub?.restore();
  fetchStub = undefined;
  history.replaceState(null, '', hostUrl);
  document.documentElement.removeAttribute('lang');
  await nextTask();
});

describe('buurt-plein', () => {
  it("shows the list under a heading and a filter bar of the site's neighbourhoods and statuses", async () => {
    answerApi();
    const el = await plein();
    await listLoaded(el);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('#neighbourhood option').length === 3, 'neighbourhoods not shown');

    expect(textOf(el.shadowRoot!.querySelector('h2'))).to.equal('Initiatieven in de buurt');
    expect(textsIn(el.shadowRoot!, '#neighbourhood option')).to.deep.equal(['Alle buurten', 'Lombok', 'Oog in Al']);
    expect(textsIn(el.shadowRoot!, '#status option')).to.deep.equal([
      'Alle statussen',
      'Idee',
      'Buren gezocht',
      'In voorbereiding',
      'Actief',
      'Afgerond',
      'Gepauzeerd',
      'Gearchiveerd',
    ]);
    expect(textsIn(list(el).shadowRoot!, '[part="link"]')).to.deep.equal(['Buurtmoestuin', 'Repair café']);
    await expect(el).to.be.accessible();
  });

  it('filters the list by neighbourhood and status', async () => {
    const stub = answerApi();
    const el = await plein();
    await listLoaded(el);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('#neighbourhood option').length === 3, 'neighbourhoods not shown');

    const neighbourhood = el.shadowRoot!.querySelector<HTMLSelectElement>('#neighbourhood')!;
    neighbourhood.value = 'nbhd000000000002';
    neighbourhood.dispatchEvent(new Event('change'));
    const status = el.shadowRoot!.querySelector<HTMLSelectElement>('#status')!;
    status.value = 'active';
    status.dispatchEvent(new Event('change'));
    await waitUntil(() => stub.requests.some((url) => url.searchParams.get('status') === 'active'), 'not filtered');

    const last = stub.requests.at(-1)!;
    expect(last.pathname).to.equal(`/v1/sites/${SITE}/bootstrap`);
    expect(last.searchParams.get('neighbourhood')).to.equal('nbhd000000000002');
    expect(last.searchParams.get('status')).to.equal('active');
    await listLoaded(el);
    await expect(el).to.be.accessible();
  });

  it("opens a chosen initiative in place, with a deep link that keeps the host's parameters and hash", async () => {
    history.replaceState(null, '', `${hostUrl}&tab=kaart#nieuws`);
    const before = new URL(location.href);
    answerApi();
    const el = await plein();
    await listLoaded(el);

    const link = cardLink(el, 1);
    expect(new URL(link.href).searchParams.get('buurt')).to.equal('initiatief/init000000000002');
    link.click();
    const opened = await detailLoaded(el, 'Repair café');

    const after = new URL(location.href);
    expect(after.search).to.equal(`${before.search}&buurt=initiatief/init000000000002`);
    expect(after.hash).to.equal('#nieuws');
    expect(after.pathname).to.equal(before.pathname);
    expect(list(el).closest('section')!.hidden).to.equal(true);
    expect(textOf(el.shadowRoot!.querySelector('[part="back-link"]'))).to.equal('Terug naar overzicht');
    expect(deepActiveElement()).to.equal(opened.shadowRoot!.querySelector('[part="heading"]'));
    await expect(el).to.be.accessible();
  });

  it('goes back to the list on the browser\'s back button, with focus on the list\'s heading', async () => {
    answerApi();
    const el = await plein();
    await listLoaded(el);
    const start = location.href;

    cardLink(el, 0).click();
    await detailLoaded(el, 'Buurtmoestuin');
    history.back();
    await waitUntil(() => detail(el) === null, 'still showing the initiative');
    await el.updateComplete;

    expect(location.href).to.equal(start);
    expect(list(el).closest('section')!.hidden).to.equal(false);
    expect(deepActiveElement()).to.equal(el.shadowRoot!.querySelector('h2'));
    expect(textsIn(list(el).shadowRoot!, '[part="link"]')).to.deep.equal(['Buurtmoestuin', 'Repair café']);
    await expect(el).to.be.accessible();
  });

  it('goes back to the list on "Terug naar overzicht" as a new history entry', async () => {
    answerApi();
    const el = await plein();
    await listLoaded(el);
    const start = location.href;

    cardLink(el, 0).click();
    await detailLoaded(el, 'Buurtmoestuin');
    const back = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="back-link"]')!;
    expect(back.href).to.equal(start);
    back.click();
    await el.updateComplete;

    expect(detail(el)).to.equal(null);
    expect(location.href).to.equal(start);
    expect(deepActiveElement()).to.equal(el.shadowRoot!.querySelector('h2'));
    await expect(el).to.be.accessible();
  });

  it('opens the initiative of a deep link directly, without taking focus from the page', async () => {
    history.replaceState(null, '', `${hostUrl}&buurt=initiatief/init000000000002`);
    answerApi();
    const el = await plein();
    await detailLoaded(el, 'Repair café');

    expect(list(el).closest('section')!.hidden).to.equal(true);
    expect(deepActiveElement()).to.equal(document.body);
    await expect(el).to.be.accessible();
  });

  it('leaves a ctrl-click or middle click on a card to the browser', async () => {
    answerApi();
    const el = await plein();
    await listLoaded(el);
    const start = location.href;
    let prevented: boolean | undefined;
    const record = (event: Event) => {
      prevented = event.defaultPrevented;
      // Keep the test page from opening a tab.
      event.preventDefault();
    };
    document.addEventListener('click', record);
    try {
      cardLink(el, 0).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ctrlKey: true }));
      expect(prevented).to.equal(false);
      cardLink(el, 0).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, button: 1 }));
      expect(prevented).to.equal(false);
    } finally {
      document.removeEventListener('click', record);
    }
    await el.updateComplete;

    expect(location.href).to.equal(start);
    expect(detail(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en", inside the list and the initiative too', async () => {
    answerApi();
    const el = await plein(html`<buurt-plein lang="en" site=${SITE} api=${api}></buurt-plein>`);
    await listLoaded(el);
    await waitUntil(() => textOf(el.shadowRoot!.querySelector('h2')) === 'Initiatives in the neighbourhood', 'not in English');

    expect(textOf(el.shadowRoot!.querySelector('#status option'))).to.equal('All statuses');
    expect(textsIn(list(el).shadowRoot!, '[part="supporters"]')).to.deep.equal(['23 neighbours support this', '23 neighbours support this']);
    cardLink(el, 0).click();
    const opened = await detailLoaded(el, 'Buurtmoestuin');
    expect(textOf(el.shadowRoot!.querySelector('[part="back-link"]'))).to.equal('Back to overview');
    expect(textOf(opened.shadowRoot!.querySelector('[part="owner"]'))).to.equal('Initiator: Fatima');
    await expect(el).to.be.accessible();
  });

  it('speaks English on a host page with <html lang="en">', async () => {
    document.documentElement.lang = 'en';
    answerApi();
    const el = await plein();
    await listLoaded(el);
    await waitUntil(() => textOf(el.shadowRoot!.querySelector('h2')) === 'Initiatives in the neighbourhood', 'not in English');

    expect(textOf(el.shadowRoot!.querySelector('#neighbourhood option'))).to.equal('All neighbourhoods');
    await expect(el).to.be.accessible();
  });
  it('says who is signed in, and opens the start form and the sign-in screens in place', async () => {
    answerApi();
    localStorage.setItem(`buurtplein:${SITE}:refresh-token`, 'refresh-kept');
    try {
      const el = await plein();
      await listLoaded(el);
      const account = () => el.shadowRoot!.querySelector('[part="account"]')!;
      await waitUntil(() => textOf(account()).startsWith('Ingelogd als Fatima El Amrani'), 'not signed in');
      await expect(el).to.be.accessible();

      const start = account().querySelector<HTMLAnchorElement>('[part~="start-link"]')!;
      expect(new URL(start.href).searchParams.get('buurt')).to.equal('starten');
      start.click();
      await customElements.whenDefined('buurt-start-initiative');
      await waitUntil(() => textOf(deepActiveElement()) === 'Start een initiatief', 'focus not on the form heading');
      expect(new URL(location.href).searchParams.get('buurt')).to.equal('starten');
      await expect(el).to.be.accessible();

      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="sign-out-button"]')!.click();
      await waitUntil(() => account().querySelector('[part~="sign-in-link"]'), 'not signed out');
      account().querySelector<HTMLAnchorElement>('[part~="sign-in-link"]')!.click();
      await customElements.whenDefined('buurt-sign-in');
      await waitUntil(() => textOf(deepActiveElement()) === 'Inloggen', 'focus not on the sign-in heading');
      expect(new URL(location.href).searchParams.get('buurt')).to.equal('inloggen');
      await expect(el).to.be.accessible();
    } finally {
      localStorage.clear();
    }
  });
});
