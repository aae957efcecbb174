import type { Buurtplein } from './buurtplein.js';
import { embedError } from './embed-error.js';

/** `load()`'s options. */
export interface LoadOptions {
  /** The site key, as `data-site` on the script tag. */
  site: string;
  /** Where Buurtplein runs (it serves both `buurtplein.js` and the API); this page's origin unless given. */
  api?: string;
  /** How long to wait for the elements after the script ran, in milliseconds; 15 000 unless given. */
  timeout?: number;
}

/** The one load of this page: `load()` answers it to every caller. */
let loading: Promise<Buurtplein> | undefined;
let loadingSite: string | undefined;

/** The real global, once the script tag ran; not the copy-paste stub, which has no version. */
function started(): Buurtplein | undefined {
  const global = (window as { Buurtplein?: Partial<Buurtplein> }).Buurtplein;
  return global?.version ? (global as Buurtplein) : undefined;
}

/** Adds the script tag for `site` and settles when it ran. */
function inject(site: string, api: string): Promise<Buurtplein> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${api.replace(/\/+$/, '')}/buurtplein.js`;
    script.async = true;
    script.dataset.site = site;
    script.dataset.api = api;
    script.addEventListener('load', () => {
      const global = started();
      if (global) resolve(global);
      else reject(embedError('script-load-failed', `${script.src} loaded but did not start.`));
    });
    script.addEventListener('error', (event) => reject(embedError('script-load-failed', `Could not load ${script.src}.`, event)));
    document.head.appendChild(script);
  });
}

/**
 * Loads the widget into the page (adds its script tag, unless one already ran) and resolves with
 * `window.Buurtplein` once the elements are there. Every call answers the same promise; after a
 * failure the next call tries again. Rejects with an `EmbedError`: `script-load-failed`,
 * `elements-load-failed` or `elements-timeout`.
 *
 * @example
 * import { load } from '@buurtplein/sdk/embed';
 * const buurtplein = await load({ site: 'woonstichting-voorbeeld', api: 'https://buurtplein.example' });
 * buurtplein.on('buurt-initiative-selected', (event) => console.log(event.detail.id));
 */
export function load({ site, api = location.origin, timeout }: LoadOptions): Promise<Buurtplein> {
  if (loading) {
    if (site !== loadingSite) console.warn(`[buurtplein] load() was called for ${site}, but this page loads ${loadingSite}: one site per page.`);
    return loading;
  }
  loadingSite = site;
  const global = started();
  const current = (global ? Promise.resolve(global) : inject(site, api)).then((buurtplein) =>
    buurtplein.ready(timeout === undefined ? {} : { timeout }),
  );
  loading = current;
  current.catch(() => {
    if (loading === current) loading = undefined;
  });
  return current;
}
