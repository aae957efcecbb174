/**
 * The script-tag entry (`buurtplein.js`): a classic script that starts the first-view
 * request at once, publishes `window.Buurtplein` (with `login`/`logout` that queue until the
 * elements module takes them over) and then loads the elements module.
 * It must stay tiny: no Lit and no SDK here.
 *
 * @example
 * <script src="https://…/buurtplein.js" data-site="gemeente-voorbeeldstad" async></script>
 * <buurt-initiatives neighbourhood="BU05990101"></buurt-initiatives>
 */
import type { Bootstrap } from '@buurtplein/sdk/contract';
import type { BuurtpleinGlobal, QueuedCall } from './buurtplein-global.js';
import { bootstrapUrl } from './list-query.js';

/** Replaced at build time with the version in widget/package.json. */
declare const __BUURTPLEIN_VERSION__: string;

function start(script: HTMLScriptElement): void {
  const site = script.dataset.site;
  if (!site) {
    console.error('[buurtplein] The script tag needs data-site="<site key>".');
    return;
  }
  const api = script.dataset.api || new URL(script.src).origin;
  // The first list (or plein, which shows one) on the page decides the first view's filters;
  // an element whose filters differ (or that appears later) makes its own request instead.
  const list = document.querySelector('buurt-initiatives, buurt-plein');
  const url = bootstrapUrl(api, site, {
    neighbourhood: list?.getAttribute('neighbourhood'),
    status: list?.getAttribute('status'),
    limit: list?.getAttribute('limit'),
  });
  const bootstrap = fetch(url).then((response) => {
    if (!response.ok) throw new Error(`[buurtplein] bootstrap: HTTP ${response.status}`);
    return response.json() as Promise<Bootstrap>;
  });
  // Nobody may be waiting (no element on the page); the element that is reports errors itself.
  bootstrap.catch(() => {});

  // login() and logout() wait here until the elements module takes them over.
  const queued: QueuedCall[] = [];
  const later =
    (name: QueuedCall['name']) =>
    (...args: unknown[]) =>
      new Promise<never>((resolve, reject) => queued.push({ name, args, resolve, reject }));
  const global: BuurtpleinGlobal = {
    version: __BUURTPLEIN_VERSION__,
    site,
    api,
    bootstrap,
    bootstrapUrl: url,
    login: later('login'),
    logout: later('logout'),
    queued,
  };
  window.Buurtplein = global;

  const elements = document.createElement('script');
  elements.type = 'module';
  elements.src = new URL('buurtplein.elements.js', script.src).href;
  document.head.append(elements);
}

// A second copy of the script tag finds the global already there and does nothing.
if (!window.Buurtplein && document.currentScript instanceof HTMLScriptElement) start(document.currentScript);
