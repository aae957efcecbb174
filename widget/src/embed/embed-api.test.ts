import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Bootstrap, InitiativeDetail } from '@buurtplein/sdk/contract';
import { definePlugin, isEmbedError, type PluginViewContext } from '@buurtplein/sdk/embed';
import { initiative, initiativeDetail, jsonResponse, site, stubFetch } from '../../test/fetch-stub.js';
import { textOf, textsIn } from '../../test/dom.js';
import type { BuurtpleinGlobal, BuurtpleinStub } from '../buurtplein-global.js';
import { defineElements } from '../define-elements.js';
import { fire } from '../events.js';
import { takeOverHostCalls } from '../host-calls.js';
import { createGlobal, replayStub } from '../loader-global.js';

const SITE = 'gemeente-voorbeeldstad';
const API = 'https://api.embed.buurtplein.test';
const ID = 'init000000000042';

defineElements();

/** What the page asked the API for, by path and query. */
let asked: string[] = [];
let fetchStub: ReturnType<typeof stubFetch> | undefined;

/** Answers the site, lists and one initiative, as the API would. */
function answerApi(detail: Partial<InitiativeDetail> = {}, theme: Record<string, string> = {}) {
  asked = [];
  fetchStub = stubFetch((url) => {
    asked.push(url.pathname + url.search);
    if (url.pathname === `/v1/sites/${SITE}`) return jsonResponse(site({ theme }));
    if (url.pathname.endsWith('/bootstrap')) return jsonResponse({ site: site(), initiatives: { data: [initiative()], nextCursor: null } } satisfies Bootstrap);
    if (url.pathname.endsWith('/initiatives')) return jsonResponse({ data: [initiative()], nextCursor: null });
    return jsonResponse(initiativeDetail({ id: ID, title: 'Buurtmoestuin achter de Havenflat', neighbourhood: { id: 'nbhd000000000002', name: 'Havenkwartier' }, ...detail }));
  });
}

/** The global as the loader publishes it, before the elements module took over. */
function loaderGlobal(): { global: BuurtpleinGlobal; fail(error: Error): void } {
  return createGlobal({ version: '0.0.0-test', site: SITE, api: API, bootstrap: new Promise<Bootstrap>(() => {}), bootstrapUrl: '' }, () => {});
}

/** The global after the elements module took over. */
function readyGlobal(): BuurtpleinGlobal {
  const { global } = loaderGlobal();
  takeOverHostCalls(global);
  return global;
}

async function initiativeView(global: BuurtpleinGlobal, api = API): Promise<HTMLElement> {
  const host = await fixture<HTMLElement>(html`<div></div>`);
  const element = await global.mount(host, 'initiative', { initiative: ID, site: SITE, api });
  await waitUntil(() => element.shadowRoot?.querySelector('[part="owner"]'), 'initiative not shown');
  return element;
}

function shadowTexts(element: HTMLElement, selector: string): string[] {
  return textsIn(element.shadowRoot!, selector);
}

afterEach(() => {
  fetchStub?.restore();
  fetchStub = undefined;
});

describe('window.Buurtplein, the embed API', () => {
  it('mount() shows a view in a host element, with its options as attributes, once the element is defined', async () => {
    answerApi();
    const global = readyGlobal();
    const host = await fixture<HTMLElement>(html`<div><p>Laden…</p></div>`);
    const element = await global.mount(host, 'initiative', { initiative: ID, site: SITE, api: API });

    expect(host.children).to.have.length(1);
    expect(host.firstElementChild).to.equal(element);
    expect(element.localName).to.equal('buurt-initiative');
    expect(element.getAttribute('initiative')).to.equal(ID);
    expect(customElements.get('buurt-initiative')).to.not.equal(undefined);
    await waitUntil(() => textOf(element.shadowRoot!.querySelector('h2')) === 'Buurtmoestuin achter de Havenflat', 'initiative not shown');
    await expect(host).to.be.accessible();
  });

  it('mount() rejects an unknown view and a missing target with a stable code', async () => {
    const global = readyGlobal();
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const view = await global.mount(host, 'petitions' as 'plein').catch((error: unknown) => error);
    expect(isEmbedError(view) && view.code).to.equal('unknown-view');
    const target = await global.mount('#nergens', 'plein').catch((error: unknown) => error);
    expect(isEmbedError(target) && target.code).to.equal('mount-target-missing');
  });

  it('on() hears a widget event from inside a shadow root, typed, until unsubscribed', async () => {
    const { global } = loaderGlobal();
    const seen: string[] = [];
    const off = global.on('buurt-initiative-selected', (event) => seen.push(event.detail.id));
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const inner = document.createElement('a');
    host.attachShadow({ mode: 'open' }).append(inner);

    fire(inner, 'buurt-initiative-selected', { id: 'init000000000001' });
    off();
    fire(inner, 'buurt-initiative-selected', { id: 'init000000000002' });
    expect(seen).to.deep.equal(['init000000000001']);
  });

  it('setContext() makes lists without a neighbourhood of their own show the context’s, and leaves the others', async () => {
    answerApi();
    const global = readyGlobal();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <buurt-initiatives id="follows" site=${SITE} api=${API}></buurt-initiatives>
      <buurt-initiatives id="own" site=${SITE} api=${API} neighbourhood="BU05990101"></buurt-initiatives>
    </div>`);
    const follows = wrapper.querySelector('#follows')!;
    const own = wrapper.querySelector('#own')!;
    await waitUntil(() => follows.shadowRoot?.querySelector('[part~="card"]'), 'list not shown');

    await global.setContext({ neighbourhood: 'BU05990102' });
    expect(follows.getAttribute('neighbourhood')).to.equal('BU05990102');
    expect(own.getAttribute('neighbourhood')).to.equal('BU05990101');
    await waitUntil(() => asked.some((path) => path.includes('neighbourhood=BU05990102')), 'the list did not ask for the context’s neighbourhood');

    const mounted = await global.mount(await fixture<HTMLElement>(html`<div></div>`), 'initiatives', { site: SITE, api: API });
    expect(mounted.getAttribute('neighbourhood')).to.equal('BU05990102');

    await global.setContext({ neighbourhood: null });
    expect(follows.hasAttribute('neighbourhood')).to.equal(false);
    expect(mounted.hasAttribute('neighbourhood')).to.equal(false);
    expect(own.getAttribute('neighbourhood')).to.equal('BU05990101');
  });

  it('ready() rejects with elements-timeout when the elements do not arrive in time, and resolves once they do', async () => {
    const { global } = loaderGlobal();
    const late = await global.ready({ timeout: 20 }).catch((error: unknown) => error);
    expect(isEmbedError(late) && late.code).to.equal('elements-timeout');
    expect((late as Error).message).to.contain('20 ms');

    const waiting = global.ready({ timeout: 60_000 });
    takeOverHostCalls(global);
    expect((await waiting) === global).to.equal(true);
    expect((await global.ready()) === global).to.equal(true);
  });

  it('ready() waits until the elements module has defined the first-view element, so the host can call its methods', async () => {
    const { global } = loaderGlobal();
    let define!: () => void;
    const defined = new Promise<void>((resolve) => (define = resolve));
    let resolved = false;
    const waiting = global.ready({ timeout: 60_000 }).then(() => (resolved = true));
    takeOverHostCalls(global, defined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(resolved).to.equal(false);
    define();
    await waiting;
    expect(resolved).to.equal(true);
  });

  it('rejects waiting and later calls with elements-load-failed when the elements module could not load', async () => {
    const { global, fail } = loaderGlobal();
    const waiting = global.ready().catch((error: unknown) => error);
    const { embedError } = await import('@buurtplein/sdk/embed');
    fail(embedError('elements-load-failed', 'Could not load buurtplein.elements.js.'));
    const first = await waiting;
    const later = await global.use(definePlugin({ name: 'te-laat', setup() {} })).catch((error: unknown) => error);
    expect(isEmbedError(first) && first.code).to.equal('elements-load-failed');
    expect(isEmbedError(later) && later.code).to.equal('elements-load-failed');
  });
});

describe('the copy-paste stub', () => {
  it('records calls made before the script ran, which the script then carries out in order', async () => {
    // The stub exactly as the README gives it to host developers.
    const readme = await (await fetch('/README.md')).text();
    const stubLine = readme.split('\n').find((line) => line.includes('Buurtplein.q = window.Buurtplein.q'));
    expect(stubLine, 'the README has no copy-paste stub').to.be.a('string');
    delete window.Buurtplein;
    new Function(stubLine!)();

    answerApi();
    const order: string[] = [];
    const host = await fixture<HTMLElement>(html`<div id="stub-host"></div>`);
    const call = window.Buurtplein as unknown as (...args: unknown[]) => unknown;
    call('setContext', { neighbourhood: 'BU05990103' });
    call('on', 'buurt-initiative-selected', (event: CustomEvent<{ id: string }>) => order.push(`selected ${event.detail.id}`));
    call('use', definePlugin({ name: 'volgorde', setup: () => void order.push('plugin set up') }));
    call('mount', '#stub-host', 'initiatives', { site: SITE, api: API });
    expect((window.Buurtplein as unknown as BuurtpleinStub).q).to.have.length(4);
    expect(host.children).to.have.length(0);

    // What buurtplein.js does when it runs after the stub, then the elements module.
    const { global } = loaderGlobal();
    replayStub(global, window.Buurtplein as unknown as BuurtpleinStub);
    window.Buurtplein = global;
    takeOverHostCalls(global);

    await waitUntil(() => host.querySelector('buurt-initiatives'), 'the queued mount did not run');
    expect(host.querySelector('buurt-initiatives')!.getAttribute('neighbourhood')).to.equal('BU05990103');
    await waitUntil(() => order.includes('plugin set up'), 'the queued plugin was not set up');
    fire(host, 'buurt-initiative-selected', { id: 'init000000000007' });
    expect(order).to.deep.equal(['plugin set up', 'selected init000000000007']);

    // After the script ran, the stub's way of calling still works. (Compared as a boolean: chai's
    // message for a failed comparison would try to print the whole global.)
    const again = await (window.Buurtplein as unknown as (...args: unknown[]) => Promise<unknown>)('ready');
    expect(again === global).to.equal(true);
  });
});

describe('plugins', () => {
  it('add a section and an action to the initiative view, in the view’s language, with text never read as HTML', async () => {
    answerApi();
    const global = readyGlobal();
    const selected: PluginViewContext[] = [];
    let setups = 0;
    const wooncomplex = definePlugin({
      name: 'wooncomplex-test',
      version: '1.0.0',
      setup(api) {
        setups++;
        expect(api.version).to.equal(1);
        api.addTranslations('nl', { heading: 'Wooncomplex' });
        api.addTranslations('en', { heading: 'Housing complex', 'Vraag de huismeester': 'Ask the caretaker' });
        api.addSection({
          id: 'complex',
          title: 'heading',
          render: ({ initiative }) => {
            const p = document.createElement('p');
            p.textContent = `De Havenflat in ${initiative.neighbourhood.name}`;
            return p;
          },
        });
        api.addSection({ id: 'markup', render: () => '<img src=x onerror="window.pwned = true">' });
        api.addSection({ id: 'hidden', render: () => null });
        api.addAction({ id: 'ask', label: 'Vraag de huismeester', onSelect: (context) => void selected.push(context) });
      },
    });
    await global.use(wooncomplex);
    await global.use(wooncomplex);
    expect(setups).to.equal(1);

    const view = await initiativeView(global);
    expect(shadowTexts(view, '[part="plugin-section-heading"]')).to.deep.equal(['Wooncomplex']);
    expect(shadowTexts(view, '[part="plugin-section-content"]')).to.deep.equal(['De Havenflat in Havenkwartier', '<img src=x onerror="window.pwned = true">']);
    expect(view.shadowRoot!.querySelector('[part="plugin-section-content"] img')).to.equal(null);
    const button = view.shadowRoot!.querySelector<HTMLButtonElement>('[part~="plugin-action"]')!;
    expect(textOf(button)).to.equal('Vraag de huismeester');
    button.click();
    await waitUntil(() => selected.length === 1, 'the action was not called');
    expect(selected[0]!.initiative.id).to.equal(ID);
    expect(selected[0]!.locale).to.equal('nl');
    await expect(view).to.be.accessible();

    // In English the plugin's own translations show.
    const english = await fixture<HTMLElement>(html`<div lang="en"></div>`);
    const inEnglish = await global.mount(english, 'initiative', { initiative: ID, site: SITE, api: API });
    await waitUntil(() => shadowTexts(inEnglish, '[part="plugin-section-heading"]')[0] === 'Housing complex', 'no English heading');
    expect(shadowTexts(inEnglish, '[part~="plugin-action"]')).to.deep.equal(['Ask the caretaker']);
  });

  it('a plugin used while a view shows adds to it at once; one that throws loses only its own section', async () => {
    answerApi();
    const global = readyGlobal();
    const view = await initiativeView(global);
    const before = shadowTexts(view, '[part="plugin-section-content"]');
    await global.use(
      definePlugin({
        name: 'laat',
        setup(api) {
          api.addSection({ id: 'kapot', render: () => { throw new Error('stuk'); } });
          api.addSection({ id: 'laat', render: ({ initiative }) => `Later toegevoegd bij ${initiative.title}` });
        },
      }),
    );
    await waitUntil(() => shadowTexts(view, '[part="plugin-section-content"]').length === before.length + 1, 'the late section did not show');
    expect(shadowTexts(view, '[part="plugin-section-content"]')).to.include('Later toegevoegd bij Buurtmoestuin achter de Havenflat');
  });

  it('setTheme() tokens win over the site’s theme on every element', async () => {
    answerApi({}, { '--buurt-color-primary': '#8b0000' });
    const global = readyGlobal();
    // An API of its own: the page keeps each site's configuration, with its theme, once loaded.
    const themed = 'https://api.themed.buurtplein.test';
    const view = await initiativeView(global, themed);
    await waitUntil(() => view.style.getPropertyValue('--buurt-color-primary') === '#8b0000', 'site theme not applied');

    await global.use(definePlugin({ name: 'huisstijl', setup: (api) => api.setTheme({ '--buurt-color-primary': '#0b6e4f' }) }));
    expect(getComputedStyle(view).getPropertyValue('--buurt-color-primary').trim()).to.equal('#0b6e4f');
    const later = await initiativeView(global, themed);
    expect(getComputedStyle(later).getPropertyValue('--buurt-color-primary').trim()).to.equal('#0b6e4f');
  });

  it('use() refuses what is not a plugin, and an action without a label', async () => {
    const global = readyGlobal();
    const notPlugin = await global.use({ name: 'zonder-setup' } as never).catch((error: unknown) => error);
    expect(isEmbedError(notPlugin) && notPlugin.code).to.equal('invalid-plugin');
    const noLabel = await global
      .use(definePlugin({ name: 'zonder-label', setup: (api) => api.addAction({ id: 'x', onSelect() {} } as never) }))
      .catch((error: unknown) => error);
    expect(isEmbedError(noLabel) && noLabel.code).to.equal('invalid-plugin');
  });
});
