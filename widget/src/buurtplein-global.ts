import type { Bootstrap } from '@buurtplein/sdk/contract';
import type { Buurtplein, BuurtpleinCommand } from '@buurtplein/sdk/embed';

/** The methods that wait in the loader until the elements module takes them over. */
export type QueuedMethod = 'login' | 'logout' | 'mount' | 'setContext' | 'use' | 'ready';

/**
 * `window.Buurtplein`, the one global the script tag defines: the embed API (see `Buurtplein` in
 * `@buurtplein/sdk/embed`), callable as the copy-paste stub is, plus what the elements read from
 * the loader. The loader writes it once; the elements module replaces the queueing methods.
 */
export interface BuurtpleinGlobal extends Buurtplein, BuurtpleinCommand {
  /**
   * The first-view request, started as soon as the script ran. It rejects when the API
   * answered with an error; an element then asks again through the SDK and shows that error.
   */
  readonly bootstrap: Promise<Bootstrap>;
  /** The URL `bootstrap` fetched, built by `bootstrapUrl`; an element uses the promise only if its own filters give the same URL. */
  readonly bootstrapUrl: string;
  /** Calls made before the elements module loaded, which it then carries out; internal. */
  readonly queued: QueuedCall[];
}

/**
 * A call waiting for the elements module: the method, its arguments, and its promise's resolve and
 * reject. A tuple rather than an object, as the loader and the elements module are in every first view.
 */
export type QueuedCall = [name: QueuedMethod, args: unknown[], resolve: (value: unknown) => void, reject: (reason: unknown) => void];

/** The copy-paste stub, before the script tag ran: a function that keeps its calls' arguments in `q`. */
export interface BuurtpleinStub {
  (...args: unknown[]): void;
  q?: IArguments[];
}

declare global {
  interface Window {
    Buurtplein?: BuurtpleinGlobal;
  }
}
