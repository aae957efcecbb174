import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { InitiativeDetail } from '@buurtplein/sdk/contract';
import type { PluginAction, PluginLocale, PluginSectionContent, PluginViewContext } from '@buurtplein/sdk/embed';
import { widgetLocale } from '../locale.js';
import { pluginRegistry, type Contribution } from './plugin-registry.js';

interface RenderedSection {
  plugin: string;
  id: string;
  title: string;
  content: Exclude<PluginSectionContent, null | undefined>;
}

/**
 * Renders what the page's plugins add to an initiative view (`api.addAction`, `api.addSection`),
 * and renders again when a plugin adds something while the view shows. A section is built once per
 * initiative, status, language and change of the plugins, not on every render, so a DOM node a plugin
 * returns stays the node it built. A plugin that throws loses its section, not the view.
 */
export class PluginViewController implements ReactiveController {
  private sections: RenderedSection[] = [];
  private builtFor = '';

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    pluginRegistry.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    pluginRegistry.removeEventListener('change', this.onChange);
  }

  private readonly onChange = () => this.host.requestUpdate();

  private context(plugin: string, detail: InitiativeDetail, locale: PluginLocale): PluginViewContext {
    const { id, title, status, neighbourhood, themes, needs } = detail;
    return Object.freeze({
      initiative: Object.freeze({ id, title, status, neighbourhood: Object.freeze({ ...neighbourhood }), themes: [...themes], needs: [...needs] }),
      locale,
      t: (message: string) => pluginRegistry.translate(plugin, locale, message),
    });
  }

  private build(detail: InitiativeDetail, locale: PluginLocale): RenderedSection[] {
    const sections: RenderedSection[] = [];
    for (const { plugin, item } of pluginRegistry.sections) {
      try {
        const context = this.context(plugin, detail, locale);
        const content = item.render(context);
        // Text is shown as text and nodes as the plugin built them: nothing is ever parsed as HTML.
        if (typeof content === 'string' ? content : content instanceof Node) {
          sections.push({ plugin, id: item.id, title: item.title ? context.t(item.title) : '', content: content! });
        }
      } catch (error) {
        console.error(`[buurtplein] Plugin ${plugin}: section ${item.id} failed to render.`, error);
      }
    }
    return sections;
  }

  private async select({ plugin, item }: Contribution<PluginAction>, detail: InitiativeDetail, locale: PluginLocale): Promise<void> {
    try {
      await item.onSelect(this.context(plugin, detail, locale));
    } catch (error) {
      console.error(`[buurtplein] Plugin ${plugin}: action ${item.id} failed.`, error);
    }
  }

  /** The plugins' actions and sections for `detail`, in the language of `lang` (the view's); nothing when no plugin added any. */
  render(detail: InitiativeDetail, lang: string) {
    const locale = widgetLocale(lang);
    const key = `${detail.id} ${detail.status} ${locale} ${pluginRegistry.revision}`;
    if (key !== this.builtFor) {
      this.builtFor = key;
      this.sections = this.build(detail, locale);
    }
    const { actions } = pluginRegistry;
    return html`${actions.length
      ? html`<div part="plugin-actions" class="plugin-actions">
          ${actions.map(
            (action) =>
              html`<button part="button plugin-action" class="button secondary" type="button" data-plugin=${action.plugin} @click=${() => this.select(action, detail, locale)}>
                ${pluginRegistry.translate(action.plugin, locale, action.item.label)}
              </button>`,
          )}
        </div>`
      : nothing}
    ${this.sections.map(
      (section) =>
        html`<section part="plugin-section" class="plugin-section" data-plugin=${section.plugin} data-section=${section.id}>
          ${section.title ? html`<h3 part="plugin-section-heading">${section.title}</h3>` : nothing}
          <div part="plugin-section-content">${section.content}</div>
        </section>`,
    )}`;
  }
}
