/**
 * The script-tag entry (`buurtplein.js`): a classic script that starts the first-view request at
 * once, publishes `window.Buurtplein` (the embed API, whose methods queue until the elements module
 * takes them over), replays the calls the copy-paste stub recorded, and then loads the elements
 * module. It must stay tiny: no Lit and no SDK client here; everything else lives in the elements module.
 *
 * @example
 * <script src="https://…/buurtplein.js" data-site="gemeente-voorbeeldstad" async></script>
 * <buurt-initiatives neighbourhood="BU05990101"></buurt-initiatives>
 */
import type { Bootstrap } from '@buurtplein/sdk/contract';
import { embedError } from '@buurtplein/sdk/embed';
import type { BuurtpleinGlobal, BuurtpleinStub } from './buurtplein-global.js';
import { bootstrapUrl } from './list-query.js';
import { createGlobal, replayStub } from './loader-global.js';

/** Replaced at build time with the version in widget/package.json. */
declare const __BUURTPLEIN_VERSION__: string;

function start(script: HTMLScriptElement, stub: BuurtpleinStub | undefined): void {
  const site = script.dataset.site;
  if (!site) {
    console.error('[buurtplein] The script tag needs data-site="<site key>".');
    return;
  }
  const api = script.dataset.api || new URL(script.src).origin;
  // The first list (or plein, which shows one) on the page decides the first view's filters;
  // an element whose filters differ (or that appears later) makes its own request instead.
  const list = document.querySelector('buurt-initiatives, buurt-plein');
  const url = bootstrapUrl(api, site, Object.fromEntries(['neighbourhood', 'status', 'limit'].map((name) => [name, list?.getAttribute(name)])));
  const bootstrap = fetch(url).then((response) => {
    if (!response.ok) throw new Error(`[buurtplein] bootstrap: HTTP ${response.status}`);
    return response.json() as Promise<Bootstrap>;
  });
  // Nobody may be waiting (no element on the page); the element that is reports errors itself.
  bootstrap.catch(() => {});

  const { global, fail } = createGlobal({ version: __BUURTPLEIN_VERSION__, site, api, bootstrap, bootstrapUrl: url });
  window.Buurtplein = global;
  replayStub(global, stub);

  const elements = document.createElement('script');
  elements.type = 'module';
  elements.src = new URL('buurtplein.elements.js', script.src).href;
  elements.onerror = () => fail(embedError('elements-load-failed', `Could not load ${elements.src}`));
  document.head.append(elements);
}

// A second copy of the script tag finds the global already there and does nothing; the copy-paste
// stub (a function without a version) is replaced, and its calls replayed.
const present = window.Buurtplein as Partial<BuurtpleinGlobal> | BuurtpleinStub | undefined;
if (!(present as Partial<BuurtpleinGlobal> | undefined)?.version && document.currentScript instanceof HTMLScriptElement) {
  start(document.currentScript, present as BuurtpleinStub | undefined);
}
