import type { InitiativeStatus } from '../contract/initiative.js';
import type { NeighbourhoodRef } from '../contract/neighbourhood.js';
import type { BuurtEventHandler, BuurtEventName } from './events.js';

/** The version of the API plugins get (`api.version`); it goes up when that API changes incompatibly. */
export const PLUGIN_API_VERSION = 1;

/** A language the widget speaks. */
export type PluginLocale = 'nl' | 'en';

/** What a plugin sees of the initiative a view shows: public facts only. */
export interface PluginInitiative {
  readonly id: string;
  readonly title: string;
  readonly status: InitiativeStatus;
  /** Its neighbourhood, by id and name. */
  readonly neighbourhood: NeighbourhoodRef;
  readonly themes: readonly string[];
  readonly needs: readonly string[];
}

/** Handed to a plugin's actions and sections for the initiative being shown. */
export interface PluginViewContext {
  readonly initiative: PluginInitiative;
  /** The language the view speaks. */
  readonly locale: PluginLocale;
  /** The plugin's message `id` in that language (see `addTranslations`); the id itself when it has none. */
  t(id: string): string;
}

/** A button a plugin adds to every initiative view. */
export interface PluginAction {
  /** Unique within the plugin. */
  id: string;
  /** The button's text: a message id of the plugin, or the text itself. */
  label: string;
  /** Called when a resident presses the button. */
  onSelect(context: PluginViewContext): void | Promise<void>;
}

/**
 * What a section shows: text (always shown as text, never parsed as HTML), a DOM node the plugin
 * built with `document.createElement` and `textContent`, or nothing (the section is left out).
 */
export type PluginSectionContent = string | Node | null | undefined;

/** A section a plugin adds to every initiative view, under the initiative's text. */
export interface PluginSection {
  /** Unique within the plugin. */
  id: string;
  /** The section's heading: a message id of the plugin, or the text itself. */
  title?: string;
  /** Builds the section for one initiative; called again when another initiative or language is shown. */
  render(context: PluginViewContext): PluginSectionContent;
}

/** Theme tokens by custom property name, e.g. `{ '--buurt-color-primary': '#0b6e4f' }`. */
export type ThemeTokens = { readonly [name: `--buurt-${string}`]: string };

/** The narrow API a plugin gets in `setup`. */
export interface PluginApi {
  /** The plugin API's version, `PLUGIN_API_VERSION` of the widget that runs the plugin. */
  readonly version: typeof PLUGIN_API_VERSION;
  /** The site the widget shows. */
  readonly site: string;
  /** Listens to a widget event (see `BuurtEventMap`); returns a function that stops listening. */
  on<K extends BuurtEventName>(name: K, handler: BuurtEventHandler<K>): () => void;
  /** Adds a button to every initiative view. */
  addAction(action: PluginAction): void;
  /** Adds a section to every initiative view. */
  addSection(section: PluginSection): void;
  /** Adds the plugin's messages in `locale`, by id, for its labels, titles and `context.t()`. */
  addTranslations(locale: PluginLocale, messages: Readonly<Record<string, string>>): void;
  /** Sets `--buurt-*` theme tokens for every element on the page; they win over the site's theme. */
  setTheme(tokens: ThemeTokens): void;
}

/** A plugin: a name, an optional version, and a `setup` that uses the plugin API. */
export interface BuurtPlugin {
  /** Unique on the page: using a plugin of the same name again does nothing. */
  readonly name: string;
  /** The plugin's own version, for the host's records. */
  readonly version?: string;
  /** Called once when the page uses the plugin; `use()` settles when it has. */
  setup(api: PluginApi): void | Promise<void>;
}

/**
 * Defines a plugin; it does nothing until the page passes it to `Buurtplein.use()`.
 *
 * @example
 * export default definePlugin({
 *   name: 'hello',
 *   setup(api) {
 *     api.addSection({ id: 'hello', title: 'Hallo', render: ({ initiative }) => `Over ${initiative.title}` });
 *   },
 * });
 */
export function definePlugin<const P extends BuurtPlugin>(plugin: P): P {
  if (typeof plugin?.name !== 'string' || !plugin.name || typeof plugin.setup !== 'function') {
    throw new TypeError('[buurtplein] definePlugin() needs a name and a setup(api) function.');
  }
  return Object.freeze(plugin);
}
