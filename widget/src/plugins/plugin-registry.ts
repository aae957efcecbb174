import type { PluginAction, PluginLocale, PluginSection } from '@buurtplein/sdk/embed';

/** Something a plugin added, with the plugin's name. */
export interface Contribution<T> {
  plugin: string;
  item: T;
}

/**
 * What the page's plugins added to initiative views, shared by every view on the page. Fires
 * `change` whenever it changes, so views that are showing already render the addition.
 */
export class PluginRegistry extends EventTarget {
  readonly actions: Contribution<PluginAction>[] = [];
  readonly sections: Contribution<PluginSection>[] = [];
  /** Bumped by every change, so a view knows its rendered sections are stale. */
  revision = 0;
  /** Each plugin's messages, by `<plugin> <locale>`. */
  private readonly messages = new Map<string, Readonly<Record<string, string>>>();

  addAction(plugin: string, action: PluginAction): void {
    this.put(this.actions, plugin, action);
  }

  addSection(plugin: string, section: PluginSection): void {
    this.put(this.sections, plugin, section);
  }

  addTranslations(plugin: string, locale: PluginLocale, messages: Readonly<Record<string, string>>): void {
    this.messages.set(`${plugin} ${locale}`, { ...this.messages.get(`${plugin} ${locale}`), ...messages });
    this.changed();
  }

  /** `plugin`'s message `id` in `locale`, else in Dutch (the source language), else the id itself. */
  translate(plugin: string, locale: PluginLocale, id: string): string {
    return this.messages.get(`${plugin} ${locale}`)?.[id] ?? this.messages.get(`${plugin} nl`)?.[id] ?? id;
  }

  /** Adds `item`, or replaces the plugin's earlier one of the same id. */
  private put<T extends { id: string }>(list: Contribution<T>[], plugin: string, item: T): void {
    const index = list.findIndex((c) => c.plugin === plugin && c.item.id === item.id);
    if (index === -1) list.push({ plugin, item });
    else list[index] = { plugin, item };
    this.changed();
  }

  private changed(): void {
    this.revision++;
    this.dispatchEvent(new Event('change'));
  }
}

/** The page's plugin contributions. */
export const pluginRegistry = new PluginRegistry();
