import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { deferred, initiativeDetail, jsonResponse, problemResponse, site, stubFetch } from '../../../test/fetch-stub.js';
import { deepActiveElement, nextTask, textOf, textsIn } from '../../../test/dom.js';
import { defineElements } from '../../define-elements.js';
import type { BuurtInitiative } from './buurt-initiative.js';

const SITE = 'gemeente-voorbeeldstad';
const ID = 'init000000000042';

defineElements();

let fetchStub: ReturnType<typeof stubFetch> | undefined;
/** Each test its own API origin, so the page's cache of site configurations starts empty. */
let apiSerial = 0;
let api = '';

function answer(respond: Parameters<typeof stubFetch>[0]) {
  fetchStub = stubFetch(respond);
  return fetchStub;
}

/** Answers the initiative with `detail` and the site's configuration with `siteOverrides`. */
function answerDetail(detail: Response | (() => Response | Promise<Response>), siteOverrides = {}) {
  return answer((url) => {
    if (url.pathname === `/v1/sites/${SITE}`) return jsonResponse(site(siteOverrides));
    return typeof detail === 'function' ? detail() : detail;
  });
}

async function page(template = html`<buurt-initiative site=${SITE} api=${api} initiative=${ID}></buurt-initiative>`) {
  const wrapper = await fixture<HTMLElement>(html`<div>${template}</div>`);
  await customElements.whenDefined('buurt-initiative');
  const el = wrapper.querySelector('buurt-initiative')!;
  await el.updateComplete;
  return el;
}

function part(el: BuurtInitiative, name: string): Element | null {
  return el.shadowRoot!.querySelector(`[part~="${name}"]`);
}

async function settled(el: BuurtInitiative): Promise<void> {
  await waitUntil(() => part(el, 'base')?.getAttribute('aria-busy') === 'false', 'still loading');
  await el.updateComplete;
}

beforeEach(() => {
  api = `https://api${++apiSerial}.buurtplein.test`;
});

afterEach(async () => {
  fetchStub?.restore();
  fetchStub = undefined;
  document.documentElement.removeAttribute('lang');
  await nextTask();
});

describe('buurt-initiative', () => {
  it('keeps its heading in place and shows a skeleton while loading', async () => {
    const pending = deferred<Response>();
    answerDetail(() => pending.promise);
    const el = await page();

    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    expect(textOf(part(el, 'heading'))).to.equal('Initiatief laden…');
    expect(part(el, 'skeleton')).to.not.equal(null);
    await expect(el).to.be.accessible();

    const heading = part(el, 'heading');
    pending.resolve(jsonResponse(initiativeDetail({ id: ID, title: 'Buurtmoestuin' })));
    await settled(el);
    expect(part(el, 'heading')).to.equal(heading);
    expect(textOf(heading)).to.equal('Buurtmoestuin');
  });

  it('shows the initiative: title, status, neighbourhood, themes, needs, owner, counts, start and text in paragraphs', async () => {
    const stub = answerDetail(
      jsonResponse(
        initiativeDetail({
          id: ID,
          title: 'Speeltuin opknappen',
          summary: 'De speeltuin aan de Kanaalweg verdient beter.',
          status: 'gathering',
          neighbourhood: { id: 'nbhd000000000002', name: 'Oog in Al' },
          themes: ['play', 'green'],
          needs: ['volunteers', 'funding'],
          supporterCount: 1234,
          memberCount: 1,
          createdAt: '2026-10-01T10:00:00.000Z',
          owner: { id: 'user000000000007', displayName: 'Sanne' },
          body: 'Eerste alinea\nmet een regel erbij.\n\n\nTweede alinea.\n  \nDerde alinea.',
        }),
      ),
    );
    const el = await page();
    await settled(el);

    const detailRequest = stub.requests.find((url) => url.pathname.includes('/initiatives/'))!;
    expect(detailRequest.pathname).to.equal(`/v1/sites/${SITE}/initiatives/${ID}`);
    expect(part(el, 'heading')!.tagName).to.equal('H2');
    expect(textOf(part(el, 'heading'))).to.equal('Speeltuin opknappen');
    expect(textOf(part(el, 'summary'))).to.equal('De speeltuin aan de Kanaalweg verdient beter.');
    expect(textOf(part(el, 'status'))).to.equal('Buren gezocht');
    expect(part(el, 'status')!.getAttribute('part')).to.equal('status status-gathering');
    expect(textOf(part(el, 'neighbourhood'))).to.equal('Oog in Al');
    expect(textsIn(el.shadowRoot!, '[part="theme"]')).to.deep.equal(['Spelen', 'Groen']);
    expect(textsIn(el.shadowRoot!, '[part="need"]')).to.deep.equal(['Vrijwilligers', 'Geld']);
    expect(textOf(part(el, 'owner'))).to.equal('Initiatiefnemer: Sanne');
    expect(textOf(part(el, 'supporters'))).to.equal('1.234 buren steunen dit');
    expect(textOf(part(el, 'members'))).to.equal('1 buur doet mee');
    expect(textOf(part(el, 'created'))).to.equal('Gestart op 1 oktober 2026');
    const paragraphs = [...part(el, 'body')!.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs).to.deep.equal(['Eerste alinea\nmet een regel erbij.', 'Tweede alinea.', 'Derde alinea.']);
    expect(textsIn(el.shadowRoot!, '[role="status"]')).to.deep.equal(['Initiatief geladen: Speeltuin opknappen']);
    expect([...el.shadowRoot!.querySelectorAll('slot')].map((slot) => slot.name)).to.deep.equal(['actions', 'offers', 'discussion']);
    await expect(el).to.be.accessible();
  });

  it("applies the site's theme tokens as custom properties on the element", async () => {
    answerDetail(jsonResponse(initiativeDetail({ id: ID })), { theme: { '--buurt-color-primary': '#8b0000' } });
    const el = await page();
    await settled(el);

    await waitUntil(() => el.style.getPropertyValue('--buurt-color-primary') === '#8b0000', 'theme not applied');
    await expect(el).to.be.accessible();
  });

  it('says plainly that an initiative does not exist', async () => {
    answerDetail(problemResponse('not-found', 404));
    const el = await page();
    await settled(el);

    expect(textOf(part(el, 'heading'))).to.equal('Initiatief niet gevonden');
    expect(textOf(part(el, 'not-found'))).to.contain('staat niet (meer) op deze site');
    expect(part(el, 'retry-button')).to.equal(null);
    expect(textsIn(el.shadowRoot!, '[role="status"]')).to.deep.equal(['Initiatief niet gevonden']);
    await expect(el).to.be.accessible();
  });

  it('explains a failed load and loads again on "Opnieuw proberen", with focus on the heading', async () => {
    let calls = 0;
    answerDetail(() => (++calls === 1 ? problemResponse('internal-error', 500) : jsonResponse(initiativeDetail({ id: ID, title: 'Repair café' }))));
    const el = await page();
    await settled(el);

    expect(textOf(part(el, 'heading'))).to.equal('Initiatief niet geladen');
    expect(textOf(part(el, 'error')!.querySelector('p'))).to.equal('Het laden van dit initiatief is niet gelukt. Probeer het opnieuw.');
    await expect(el).to.be.accessible();

    (part(el, 'retry-button') as HTMLButtonElement).click();
    await el.updateComplete;
    await settled(el);

    expect(calls).to.equal(2);
    expect(textOf(part(el, 'heading'))).to.equal('Repair café');
    expect(deepActiveElement()).to.equal(part(el, 'heading'));
    await expect(el).to.be.accessible();
  });

  it('speaks English when its lang is "en", with dates and numbers to match', async () => {
    answerDetail(
      jsonResponse(
        initiativeDetail({ id: ID, status: 'active', themes: ['meeting'], needs: ['permit'], supporterCount: 1234, memberCount: 4 }),
      ),
    );
    const el = await page(html`<buurt-initiative lang="en" site=${SITE} api=${api} initiative=${ID}></buurt-initiative>`);
    await settled(el);
    await waitUntil(() => textOf(part(el, 'owner')).startsWith('Initiator'), 'not in English');

    expect(textOf(part(el, 'status'))).to.equal('Active');
    expect(textsIn(el.shadowRoot!, 'dt')).to.deep.equal(['Status', 'Neighbourhood', 'Themes', 'Needs']);
    expect(textsIn(el.shadowRoot!, '[part="theme"]')).to.deep.equal(['Meeting people']);
    expect(textsIn(el.shadowRoot!, '[part="need"]')).to.deep.equal(['Permit']);
    expect(textOf(part(el, 'owner'))).to.equal('Initiator: Fatima');
    expect(textOf(part(el, 'supporters'))).to.equal('1,234 neighbours support this');
    expect(textOf(part(el, 'members'))).to.equal('4 neighbours are taking part');
    expect(textOf(part(el, 'created'))).to.equal('Started on October 1, 2026');
    await expect(el).to.be.accessible();
  });

  it('speaks English on a host page with <html lang="en-GB">', async () => {
    document.documentElement.lang = 'en-GB';
    answerDetail(problemResponse('not-found', 404));
    const el = await page();
    await settled(el);
    await waitUntil(() => textOf(part(el, 'heading')) === 'Initiative not found', 'not in English');

    expect(textOf(part(el, 'not-found'))).to.contain('not (or no longer) on this site');
    await expect(el).to.be.accessible();
  });

  it('shows text with markup in it as text and adds no element', async () => {
    const attack = '<img src=x onerror="window.__buurtXss = true">';
    answerDetail(
      jsonResponse(
        initiativeDetail({
          id: ID,
          title: attack,
          summary: attack,
          body: `${attack}\n\n<script>window.__buurtXss = true</script>`,
          owner: { id: 'user000000000007', displayName: attack },
          neighbourhood: { id: 'nbhd000000000001', name: attack },
        }),
      ),
    );
    const el = await page();
    await settled(el);
    await nextTask();

    expect(textOf(part(el, 'heading'))).to.equal(attack);
    expect([...part(el, 'body')!.querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal([
      attack,
      '<script>window.__buurtXss = true</script>',
    ]);
    expect(textOf(part(el, 'owner'))).to.equal(`Initiatiefnemer: ${attack}`);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect((window as { __buurtXss?: boolean }).__buurtXss).to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});
