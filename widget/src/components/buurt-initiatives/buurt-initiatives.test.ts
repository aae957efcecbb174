import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Bootstrap } from '@buurtplein/sdk/contract';
import { bootstrap, deferred, initiative, jsonResponse, problemResponse, stubFetch } from '../../../test/fetch-stub.js';
import { defineElements } from '../../define-elements.js';
import { bootstrapUrl } from '../../list-query.js';
import { createGlobal } from '../../loader-global.js';
import type { BuurtInitiatives } from './buurt-initiatives.js';

const API = 'https://api.buurtplein.test';
const SITE = 'gemeente-voorbeeldstad';

defineElements();

let fetchStub: ReturnType<typeof stubFetch> | undefined;

function answer(respond: Parameters<typeof stubFetch>[0]) {
  fetchStub = stubFetch(respond);
  return fetchStub;
}

function shadow(el: BuurtInitiatives): ShadowRoot {
  return el.shadowRoot!;
}

function texts(el: BuurtInitiatives, selector: string): string[] {
  return [...shadow(el).querySelectorAll(selector)].map((node) => node.textContent!.replace(/\s+/g, ' ').trim());
}

async function settled(el: BuurtInitiatives): Promise<void> {
  await waitUntil(() => shadow(el).querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false', 'still loading');
  await el.updateComplete;
}

function list(neighbourhood?: string) {
  return fixture<BuurtInitiatives>(html`<buurt-initiatives site=${SITE} api=${API} neighbourhood=${neighbourhood ?? ''}></buurt-initiatives>`);
}

afterEach(async () => {
  fetchStub?.restore();
  fetchStub = undefined;
  delete window.Buurtplein;
  document.documentElement.removeAttribute('lang');
  // Lets the next element's switch back to Dutch finish before its test looks.
  await new Promise((resolve) => setTimeout(resolve));
});

describe('buurt-initiatives', () => {
  it('reserves the loaded height with a skeleton while loading', async () => {
    const pending = deferred<Response>();
    answer(() => pending.promise);
    const el = await list();

    const base = shadow(el).querySelector('[part="base"]')!;
    const skeleton = shadow(el).querySelector<HTMLElement>('[part~="skeleton"]')!;
    expect(base.getAttribute('aria-busy')).to.equal('true');
    expect(skeleton.querySelectorAll('li')).to.have.length(6);
    const reserved = base.getBoundingClientRect().height;
    expect(reserved).to.be.greaterThan(400);
    await expect(el).to.be.accessible();

    pending.resolve(jsonResponse(bootstrap(Array.from({ length: 8 }, () => initiative()))));
    await settled(el);
    expect(shadow(el).querySelectorAll('[part="card"]')).to.have.length(6);
    const loaded = base.getBoundingClientRect().height;
    expect(Math.abs(loaded - reserved)).to.be.lessThan(1);
  });

  it('shows six cards first and the rest of the page on "Meer tonen", without a request', async () => {
    const stub = answer(() => jsonResponse(bootstrap(Array.from({ length: 9 }, (_, i) => initiative({ title: `Initiatief ${i + 1}` })))));
    const el = await list();
    await settled(el);
    expect(texts(el, 'h3')).to.have.length(6);

    shadow(el).querySelector<HTMLButtonElement>('[part~="more-button"]')!.click();
    await el.updateComplete;
    await el.updateComplete;

    expect(stub.requests).to.have.length(1);
    expect(texts(el, 'h3')).to.have.length(9);
    expect(shadow(el).activeElement?.textContent).to.equal('Initiatief 7');
    expect(texts(el, '[role="status"]')).to.deep.equal(['3 initiatieven toegevoegd.']);
    expect(shadow(el).querySelector('[part~="more-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows each initiative as a card with title, status, neighbourhood and supporters', async () => {
    const stub = answer(() =>
      jsonResponse(
        bootstrap([
          initiative({ title: 'Buurtmoestuin', status: 'active', supporterCount: 1234 }),
          initiative({ title: 'Repair café', status: 'idea', supporterCount: 1, neighbourhood: { id: 'nbhd000000000002', name: 'Oog in Al' } }),
        ]),
      ),
    );
    const el = await list('BU05990102');
    await settled(el);

    expect(stub.requests).to.have.length(1);
    expect(stub.requests[0]!.pathname).to.equal(`/v1/sites/${SITE}/bootstrap`);
    expect(stub.requests[0]!.searchParams.get('neighbourhood')).to.equal('BU05990102');
    expect(texts(el, 'h3[part="title"]')).to.deep.equal(['Buurtmoestuin', 'Repair café']);
    expect(texts(el, '[part~="status"]')).to.deep.equal(['Status: Actief', 'Status: Idee']);
    expect(texts(el, '[part="neighbourhood"]')).to.deep.equal(['Buurt: Lombok', 'Buurt: Oog in Al']);
    expect(texts(el, '[part="supporters"]')).to.deep.equal(['1.234 buren steunen dit', '1 buur steunt dit']);
    expect(texts(el, '[role="status"]')).to.deep.equal(['2 initiatieven gevonden.']);
    await expect(el).to.be.accessible();
  });

  it('says so when the neighbourhood has no initiatives yet', async () => {
    answer(() => jsonResponse(bootstrap([])));
    const el = await list('BU05990102');
    await settled(el);

    expect(texts(el, '[part="empty"]')).to.deep.equal(['Nog geen initiatieven in deze buurt.']);
    expect(shadow(el).querySelector('[part="list"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the empty text its container gives it, also when given after loading', async () => {
    answer(() => jsonResponse(bootstrap([])));
    const el = await list('BU05990102');
    await settled(el);

    el.emptyText = 'Geen initiatieven gevonden die hulp zoeken.';
    await el.updateComplete;
    expect(texts(el, '[part="empty"]')).to.deep.equal(['Geen initiatieven gevonden die hulp zoeken.']);
  });

  it('explains a failed load in plain language and loads again on "Opnieuw proberen"', async () => {
    let calls = 0;
    const stub = answer(() => (++calls === 1 ? problemResponse('internal-error', 500) : jsonResponse(bootstrap([initiative({ title: 'Speeltuin opknappen' })]))));
    const el = await list();
    await settled(el);

    expect(texts(el, '[part="error"] p')).to.deep.equal(['Het laden van de initiatieven is niet gelukt. Probeer het opnieuw.']);
    await expect(el).to.be.accessible();

    shadow(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await el.updateComplete;
    await settled(el);

    expect(stub.requests).to.have.length(2);
    expect(texts(el, 'h3[part="title"]')).to.deep.equal(['Speeltuin opknappen']);
    expect(shadow(el).activeElement?.textContent).to.equal('Speeltuin opknappen');
    await expect(el).to.be.accessible();
  });

  it('says why the next page did not load, keeps "Meer tonen" and loads it on the next press', async () => {
    let offline = true;
    answer((url) =>
      url.pathname.endsWith('/bootstrap')
        ? jsonResponse(bootstrap([initiative({ title: 'Eerste' })], 'cursor-2'))
        : offline
          ? Promise.reject(new TypeError('Failed to fetch'))
          : jsonResponse({ data: [initiative({ title: 'Tweede' })], nextCursor: null }),
    );
    const el = await list();
    await settled(el);
    const more = () => shadow(el).querySelector<HTMLButtonElement>('[part~="more-button"]');
    const unreachable = 'Buurtplein is nu niet bereikbaar. Controleer uw internetverbinding en probeer het opnieuw.';

    more()!.click();
    await waitUntil(() => texts(el, '.more p').length === 1, 'no message after the failed page');
    expect(texts(el, '.more p')).to.deep.equal([unreachable]);
    expect(texts(el, '[role="status"]')).to.deep.equal([unreachable]);
    expect(texts(el, 'h3')).to.deep.equal(['Eerste']);
    expect(more()).to.not.equal(null);
    await expect(el).to.be.accessible();

    offline = false;
    more()!.click();
    await waitUntil(() => texts(el, 'h3').length === 2, 'next page not shown after the retry');
    await el.updateComplete;
    expect(texts(el, '.more p')).to.deep.equal([]);
    expect(texts(el, 'h3')).to.deep.equal(['Eerste', 'Tweede']);
  });

  it('appends the next page on "Meer tonen" and moves focus to the first new card', async () => {
    const stub = answer((url) =>
      url.pathname.endsWith('/bootstrap')
        ? jsonResponse(bootstrap([initiative({ title: 'Eerste' }), initiative({ title: 'Tweede' })], 'cursor-2'))
        : jsonResponse({ data: [initiative({ title: 'Derde' })], nextCursor: null }),
    );
    const el = await list();
    await settled(el);
    await expect(el).to.be.accessible();

    shadow(el).querySelector<HTMLButtonElement>('[part~="more-button"]')!.click();
    await waitUntil(() => texts(el, 'h3').length === 3, 'next page not shown');
    await el.updateComplete;

    expect(stub.requests[1]!.pathname).to.equal(`/v1/sites/${SITE}/initiatives`);
    expect(stub.requests[1]!.searchParams.get('cursor')).to.equal('cursor-2');
    expect(texts(el, 'h3')).to.deep.equal(['Eerste', 'Tweede', 'Derde']);
    expect(shadow(el).querySelector('[part~="more-button"]')).to.equal(null);
    expect(shadow(el).activeElement?.textContent).to.equal('Derde');
    expect(texts(el, '[role="status"]')).to.deep.equal(['1 initiatief toegevoegd.']);
    await expect(el).to.be.accessible();
  });

  it("applies the site's theme tokens as custom properties on the element", async () => {
    answer(() => jsonResponse(bootstrap([initiative()], 'more', { theme: { '--buurt-color-primary': '#8b0000', '--buurt-radius': '0px' } })));
    const el = await list();
    await settled(el);

    expect(el.style.getPropertyValue('--buurt-color-primary')).to.equal('#8b0000');
    expect(el.hasAttribute('style')).to.equal(true);
    const button = shadow(el).querySelector('[part~="more-button"]')!;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(139, 0, 0)');
    expect(getComputedStyle(shadow(el).querySelector('[part="card"]')!).borderTopLeftRadius).to.equal('0px');
    await expect(el).to.be.accessible();
  });

  it("uses the script tag's first-view request instead of making a second one", async () => {
    const stub = answer(() => jsonResponse(bootstrap([initiative({ title: 'Van de eigen aanvraag' })])));
    window.Buurtplein = createGlobal({
      version: '0.0.0-test',
      site: SITE,
      api: API,
      bootstrap: Promise.resolve<Bootstrap>(bootstrap([initiative({ title: 'Van de loader' })])),
      bootstrapUrl: bootstrapUrl(API, SITE, { neighbourhood: 'BU05990102' }),
    }, () => {}).global;
    const el = await fixture<BuurtInitiatives>(html`<buurt-initiatives neighbourhood="BU05990102"></buurt-initiatives>`);
    await settled(el);

    expect(stub.requests).to.have.length(0);
    expect(texts(el, 'h3')).to.deep.equal(['Van de loader']);
    await expect(el).to.be.accessible();

    // The early request serves one element once: a second list asks for itself.
    const second = await fixture<BuurtInitiatives>(html`<buurt-initiatives neighbourhood="BU05990102"></buurt-initiatives>`);
    await settled(second);
    expect(stub.requests).to.have.length(1);
    expect(stub.requests[0]!.origin).to.equal(API);
    expect(texts(second, 'h3')).to.deep.equal(['Van de eigen aanvraag']);
  });

  it('shows text with markup in it as text and adds no element', async () => {
    const attack = '<img src=x onerror="window.__buurtXss = true">';
    answer(() =>
      jsonResponse(bootstrap([initiative({ title: attack, summary: `${attack} samenvatting`, neighbourhood: { id: 'nbhd000000000001', name: attack } })])),
    );
    const el = await list();
    await settled(el);
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(texts(el, 'h3')).to.deep.equal([attack]);
    expect(texts(el, '[part="summary"]')).to.deep.equal([`${attack} samenvatting`]);
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect((window as { __buurtXss?: boolean }).__buurtXss).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it("links each title to the initiative's deep link and fires buurt-initiative-selected on a plain click", async () => {
    answer(() => jsonResponse(bootstrap([initiative({ id: 'init000000000077', title: 'Buurtmoestuin' })])));
    const el = await list();
    await settled(el);
    const selected: string[] = [];
    const takeOver = (event: HTMLElementEventMap['buurt-initiative-selected']) => {
      selected.push(event.detail.id);
      event.preventDefault();
    };
    document.addEventListener('buurt-initiative-selected', takeOver);
    try {
      const link = shadow(el).querySelector<HTMLAnchorElement>('h3[part="title"] a[part="link"]')!;
      const url = new URL(link.href);
      expect(url.searchParams.get('buurt')).to.equal('initiatief/init000000000077');
      expect(url.searchParams.get('wtr-session-id')).to.equal(new URL(location.href).searchParams.get('wtr-session-id'));

      const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
      link.dispatchEvent(click);
      expect(selected).to.deep.equal(['init000000000077']);
      expect(click.defaultPrevented).to.equal(true);
    } finally {
      document.removeEventListener('buurt-initiative-selected', takeOver);
    }
    await expect(el).to.be.accessible();
  });

  it('speaks English when its lang is "en", numbers included', async () => {
    answer(() => jsonResponse(bootstrap([initiative({ status: 'completed', supporterCount: 1234 })])));
    const el = await fixture<BuurtInitiatives>(html`<buurt-initiatives lang="en" site=${SITE} api=${API}></buurt-initiatives>`);
    await settled(el);
    await waitUntil(() => texts(el, '[part="supporters"]')[0] === '1,234 neighbours support this', 'not in English');

    expect(texts(el, '[part~="status"]')).to.deep.equal(['Status: Completed']);
    expect(texts(el, '[part="neighbourhood"]')).to.deep.equal(['Neighbourhood: Lombok']);
    expect(texts(el, '[role="status"]')).to.deep.equal(['1 initiative found.']);
    await expect(el).to.be.accessible();
  });

  it('speaks English on a host page with <html lang="en">', async () => {
    document.documentElement.lang = 'en';
    answer(() => jsonResponse(bootstrap([])));
    const el = await list('BU05990102');
    await settled(el);
    await waitUntil(() => texts(el, '[part="empty"]')[0] === 'No initiatives in this neighbourhood yet.', 'not in English');
    await expect(el).to.be.accessible();
  });
});
