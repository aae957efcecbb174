/**
 * The script-tag entry (`buurtplein.js`): a classic script that starts the first-view request at
 * once, publishes `window.Buurtplein` (the embed API, whose methods queue until the elements module
 * takes them over), replays the calls the copy-paste stub recorded, and then loads the elements
 * module — or, on a page whose only element is a list, the list's first paint without Lit
 * (src/paint.ts), which loads the elements module when a resident reaches for the list.
 * It must stay tiny: no Lit and no SDK client here; everything else lives in the elements module.
 *
 * @example
 * <script src="https://…/buurtplein.js" data-site="gemeente-voorbeeldstad" async></script>
 * <buurt-initiatives neighbourhood="BU05990101"></buurt-initiatives>
 */
import type { Bootstrap } from '@buurtplein/sdk/contract';
import { embedError } from '@buurtplein/sdk/embed';
import type { BuurtpleinGlobal, BuurtpleinStub } from './buurtplein-global.js';
import { bootstrapUrl, filtersOf } from './list-query.js';
import { createGlobal, replayStub } from './loader-global.js';

/** Replaced at build time with the version in widget/package.json. */
declare const __BUURTPLEIN_VERSION__: string;

/**
 * How near the viewport an element must come before the elements module loads: half a viewport
 * above or below it. The first view's data is on its way already; the module, its evaluation and
 * the first render wait, so a widget further down costs the page's load nothing but this script.
 */
const NEAR_VIEWPORT = '50% 0px';

/** The page's URL opens a view of the widget: `?buurt=…` (deep-link.ts' ROUTE_PARAM). */
const opensView = /[?&]buurt=/.test(location.search);

/**
 * Calls `load` once the page needs the elements module: when one of the widget's elements comes
 * near the viewport, at once when the page's URL opens a view of the widget (`?buurt=…`), and at
 * DOMContentLoaded when the page holds no element yet (the host may add one later, or mount one).
 * `load` gets the widget's elements found in the page (none when it loads before looking).
 * Returns a function that loads at once, for host calls that need the module.
 *
 * The observer starts in a task of its own: a page's first IntersectionObserver costs as much as
 * the first-view request this script has just started, and together they would make a long task
 * on a slow phone.
 */
function loadWhenNeeded(load: (found: Element[]) => void): () => void {
  let observer: IntersectionObserver | undefined;
  let loaded = false;
  let found: Element[] = [];
  const now = () => {
    observer?.disconnect();
    if (!loaded) load(found);
    loaded = true;
  };
  /** Watches the widget's elements in the page so far (undefined until the module loads); how many there are. */
  const watch = () =>
    (found = [...document.querySelectorAll(':not(:defined)')].filter((element) => element.localName.startsWith('buurt-'))).map((element) => observer!.observe(element)).length;
  const parsed = () => watch() || now();
  if (opensView) now();
  else
    setTimeout(() => {
      // Something asked for the module meanwhile: nothing left to watch for.
      if (loaded) return;
      observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && now(), { rootMargin: NEAR_VIEWPORT });
      // The script runs async, maybe while the page is still parsed: elements found later are watched too.
      if (document.readyState === 'loading') watch(), document.addEventListener('DOMContentLoaded', parsed);
      else parsed();
    });
  return now;
}

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
  const url = bootstrapUrl(api, site, filtersOf(list));
  // A failed answer is not read here: the element asks again through the SDK, which reports the API's problem.
  const bootstrap = fetch(url).then((response) => (response.ok ? (response.json() as Promise<Bootstrap>) : Promise.reject(response)));
  // Nobody may be waiting (no element on the page); the element that is reports errors itself.
  bootstrap.catch(() => {});

  const add = (name: string, failed: (src: string) => void) => {
    const module = document.createElement('script');
    module.type = 'module';
    module.src = new URL(`buurtplein.${name}.js`, script.src).href;
    module.onerror = () => failed(module.src);
    document.head.append(module);
  };
  let elementsAdded = false;
  const elements = () => {
    if (!elementsAdded) add('elements', (src) => fail(embedError('elements-load-failed', `Could not load ${src}`)));
    elementsAdded = true;
  };
  // A page that shows one list paints its cards without Lit (src/paint.ts), which comes when a resident
  // reaches for it. A view of the widget that the URL opens loads before looking (no element found),
  // so it gets Lit at once; a host call needs Lit too, and turns the paint off.
  let paint = true;
  const near = loadWhenNeeded((found) => {
    // Without the first paint, Lit shows the list.
    if (paint && found.length === 1 && found[0] === list && list?.localName === 'buurt-initiatives') add('paint', elements);
    else elements();
  });
  // A host call needs the elements module itself.
  const { global, fail } = createGlobal({ version: __BUURTPLEIN_VERSION__, site, api, bootstrap, bootstrapUrl: url }, () => {
    paint = false;
    near();
    elements();
  });
  window.Buurtplein = global;
  replayStub(global, stub);
}

// A second copy of the script tag finds the global already there and does nothing; the copy-paste
// stub (a function without a version) is replaced, and its calls replayed.
const present = window.Buurtplein as Partial<BuurtpleinGlobal> | BuurtpleinStub | undefined;
if (!(present as Partial<BuurtpleinGlobal> | undefined)?.version && document.currentScript instanceof HTMLScriptElement) {
  start(document.currentScript, present as BuurtpleinStub | undefined);
}
