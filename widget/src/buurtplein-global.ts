import type { Bootstrap } from '@buurtplein/sdk/contract';

/**
 * `window.Buurtplein`, the one global the script tag defines. The loader writes it once;
 * the elements read it for their defaults and for the first-view request.
 */
export interface BuurtpleinGlobal {
  /** The widget's version (semver). */
  readonly version: string;
  /** The site key from the script tag's `data-site`. */
  readonly site: string;
  /** The API base URL: the script tag's `data-api`, else the origin the script came from. */
  readonly api: string;
  /**
   * The first-view request, started as soon as the script ran. It rejects when the API
   * answered with an error; an element then asks again through the SDK and shows that error.
   */
  readonly bootstrap: Promise<Bootstrap>;
  /** The URL `bootstrap` fetched, built by `bootstrapUrl`; an element uses the promise only if its own filters give the same URL. */
  readonly bootstrapUrl: string;
}

declare global {
  interface Window {
    Buurtplein?: BuurtpleinGlobal;
  }
}
