import type { Bootstrap, Me } from '@buurtplein/sdk/contract';

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
  /**
   * Signs the resident in with a token your server signed for this site (host SSO, see the
   * README's "Signing in"); every element of the site then shows them signed in. Callable as soon
   * as the script tag ran: calls wait until the elements module has loaded. Rejects with the API's
   * error (e.g. `code: 'invalid-token'`).
   *
   * @example
   * const { token } = await (await fetch('/my-server/buurtplein-token')).json();
   * await window.Buurtplein.login(token);
   */
  login(ssoToken: string): Promise<Me>;
  /** Signs the resident out, here and on the server. */
  logout(): Promise<void>;
  /** Calls made before the elements module loaded, which it then carries out; internal. */
  readonly queued: QueuedCall[];
}

/** A `login` or `logout` call waiting for the elements module. */
export interface QueuedCall {
  name: 'login' | 'logout';
  args: unknown[];
  resolve(value: never): void;
  reject(reason: unknown): void;
}

declare global {
  interface Window {
    Buurtplein?: BuurtpleinGlobal;
  }
}
