import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, type PropertyDeclarations } from 'lit';
import type {} from './buurtplein-global.js';

/**
 * The base of every `buurt-` element: it renders again when the language changes (what
 * `@localized()` would do, here once for all), and it takes the `site`, `api` and `lang`
 * attributes, with their defaults. Subclasses declare only their own properties; Lit adds these.
 */
export class BuurtElement extends LitElement {
  // Properties declared without decorators, in every element: their helpers would add ~240 B brotli to the first view.
  static override properties: PropertyDeclarations = { site: {}, api: {}, lang: {} };

  static {
    this.addInitializer(updateWhenLocaleChanges);
  }

  /** The site key; defaults to the script tag's `data-site`. */
  site?: string;

  /** The API base URL; defaults to the script tag's API, else this page's origin. */
  api?: string;

  /** The language to show; defaults to the nearest `lang` in the page. */
  override lang = '';

  /** The site and API this element shows: its own attributes, else the script tag's, else this page's origin. */
  protected source(): { site: string | undefined; api: string } {
    const loader = window.Buurtplein;
    return { site: this.site || loader?.site, api: this.api || loader?.api || location.origin };
  }
}
