import type { InitiativeStatus } from '../contract/initiative.js';
import type { Me } from '../contract/me.js';
import type { BuurtEventHandler, BuurtEventName } from './events.js';
import type { BuurtPlugin } from './plugin.js';

/** Attributes every view takes. */
export interface CommonViewOptions {
  /** The site key; defaults to the script tag's. */
  site?: string;
  /** The API base URL; defaults to the script tag's. */
  api?: string;
  /** The language, e.g. `en`; defaults to the page's. */
  lang?: string;
}

/** A list's filters. */
export interface ListViewOptions extends CommonViewOptions {
  /** A neighbourhood by id or CBS code; left out, the view follows `setContext()`. */
  neighbourhood?: string;
  status?: InitiativeStatus;
  limit?: number;
}

/** What each view (the element `buurt-<view>`) takes, by view. */
export interface ViewOptions {
  plein: ListViewOptions;
  initiatives: ListViewOptions;
  initiative: CommonViewOptions & { initiative: string };
  discussion: CommonViewOptions & { thread: string };
  'start-initiative': CommonViewOptions & { neighbourhood?: string };
  'sign-in': CommonViewOptions;
}

/** A view `mount()` can show. */
export type BuurtView = keyof ViewOptions;

/** `mount()`'s options for `view`: required when the view needs one (an initiative's id, a thread's). */
export type MountArgs<V extends BuurtView> = {} extends ViewOptions[V] ? [options?: ViewOptions[V]] : [options: ViewOptions[V]];

/** What the host page tells every element at once. */
export interface HostContext {
  /** The neighbourhood (id or CBS code) the page is about; `null` for all of the site's. */
  neighbourhood?: string | null;
}

/** `ready()`'s options. */
export interface ReadyOptions {
  /** How long to wait for the elements, in milliseconds; 15 000 unless given. */
  timeout?: number;
}

/**
 * The embed API: `window.Buurtplein` once the script tag ran, and what `load()` resolves to.
 * Every method can be called as soon as the script ran; calls wait for the elements module.
 */
export interface Buurtplein {
  /** The widget's version (semver). */
  readonly version: string;
  /** The site key. */
  readonly site: string;
  /** The API base URL. */
  readonly api: string;
  /**
   * Shows `view` in `target` (an element or a selector), in place of what it held; resolves with the
   * element once it is defined. Rejects with `unknown-view` or `mount-target-missing`.
   *
   * @example
   * await Buurtplein.mount('#initiatief', 'initiative', { initiative: id });
   */
  mount<V extends BuurtView>(target: Element | string, view: V, ...options: MountArgs<V>): Promise<HTMLElement>;
  /** Listens to a widget event on the whole page; returns a function that stops listening. */
  on<K extends BuurtEventName>(name: K, handler: BuurtEventHandler<K>): () => void;
  /** Signs the resident in with a token your server signed (host SSO); rejects with the API's error, e.g. `invalid-token`. */
  login(ssoToken: string): Promise<Me>;
  /** Signs the resident out, here and on the server. */
  logout(): Promise<void>;
  /** Tells every element what the page is about; elements without a `neighbourhood` of their own follow it. */
  setContext(context: HostContext): Promise<void>;
  /** Runs a plugin (see `definePlugin`); settles when its `setup` has. Using a plugin twice does nothing. */
  use(plugin: BuurtPlugin): Promise<void>;
  /**
   * Loads the elements now, wherever they are on the page, and resolves once they have loaded and
   * `<buurt-initiatives>` is defined (its methods, e.g. `refresh()`, can then be called); rejects
   * with `elements-timeout` or `elements-load-failed`.
   */
  ready(options?: ReadyOptions): Promise<Buurtplein>;
}

/**
 * `window.Buurtplein` is also callable, as the copy-paste stub is: `Buurtplein('use', plugin)` is
 * `Buurtplein.use(plugin)`. Calls made through the stub before the script ran are replayed in order.
 */
export interface BuurtpleinCommand {
  <V extends BuurtView>(method: 'mount', target: Element | string, view: V, ...options: MountArgs<V>): Promise<HTMLElement>;
  <K extends BuurtEventName>(method: 'on', name: K, handler: BuurtEventHandler<K>): () => void;
  (method: 'login', ssoToken: string): Promise<Me>;
  (method: 'logout'): Promise<void>;
  (method: 'setContext', context: HostContext): Promise<void>;
  (method: 'use', plugin: BuurtPlugin): Promise<void>;
  (method: 'ready', options?: ReadyOptions): Promise<Buurtplein>;
}
