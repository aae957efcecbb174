import { embedError, PLUGIN_API_VERSION, type BuurtPlugin, type PluginApi } from '@buurtplein/sdk/embed';
import type { BuurtpleinGlobal } from '../buurtplein-global.js';
import { setPageTheme } from './page-theme.js';
import { pluginRegistry } from './plugin-registry.js';

/** Plugins used on this page, by name, with their setup. */
const used = new Map<string, Promise<void>>();

function isPlugin(value: unknown): value is BuurtPlugin {
  const plugin = value as Partial<BuurtPlugin> | null;
  return typeof plugin?.name === 'string' && plugin.name !== '' && typeof plugin.setup === 'function';
}

/** Throws `invalid-plugin` unless `item` has a string `id` and the named function. */
function check<T extends { id: string }>(plugin: string, what: string, item: T, method: keyof T & string): T {
  if (typeof item?.id !== 'string' || !item.id || typeof item[method] !== 'function') {
    throw embedError('invalid-plugin', `Plugin ${plugin}: ${what} needs an id and ${method}().`);
  }
  return item;
}

/** The narrow API one plugin gets: what it adds is kept under its name. */
function pluginApi(global: BuurtpleinGlobal, name: string): PluginApi {
  return Object.freeze({
    version: PLUGIN_API_VERSION,
    site: global.site,
    on: global.on,
    addAction: (action) => {
      if (typeof action?.label !== 'string') throw embedError('invalid-plugin', `Plugin ${name}: addAction() needs a label.`);
      pluginRegistry.addAction(name, check(name, 'addAction()', action, 'onSelect'));
    },
    addSection: (section) => pluginRegistry.addSection(name, check(name, 'addSection()', section, 'render')),
    addTranslations: (locale, messages) => pluginRegistry.addTranslations(name, locale, messages),
    setTheme: setPageTheme,
  } satisfies PluginApi);
}

/** Runs `plugin`'s setup once per page (by name); settles when it has. */
export async function usePlugin(global: BuurtpleinGlobal, plugin: unknown): Promise<void> {
  if (!isPlugin(plugin)) throw embedError('invalid-plugin', 'use() needs a plugin made with definePlugin({ name, setup(api) }).');
  let setup = used.get(plugin.name);
  if (!setup) {
    setup = (async () => plugin.setup(pluginApi(global, plugin.name)))();
    used.set(plugin.name, setup);
  }
  return setup;
}
