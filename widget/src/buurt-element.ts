import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, type PropertyDeclarations } from 'lit';
import type {} from './buurtplein-global.js';

/**
 * The base of every `buurt-` element: it renders again when the language changes (what
 * `@localized()` would do, here once for all), and it takes the `site`, `api` and `lang`
 * attributes, with their defaults. Subclasses declare only their own properties; Lit adds these.
 *
 * Every element takes the site's theme through these custom properties (see styles/host.styles.ts);
 * set them on the page, or let the site's theme from the API set them. An element's own doc names
 * what each one colours there, and any custom property of its own.
 *
 * @cssprop --buurt-font-family - Text font; falls back to `--utrecht-document-font-family`.
 * @cssprop --buurt-font-size - Base text size; falls back to `--utrecht-document-font-size`.
 * @cssprop --buurt-color-text - Text colour; falls back to `--utrecht-document-color`.
 * @cssprop --buurt-color-text-muted - Secondary text colour; falls back to `--utrecht-document-color`.
 * @cssprop --buurt-color-primary - Buttons, links and accents; falls back to `--utrecht-link-color`.
 * @cssprop --buurt-color-on-primary - Text on the primary colour; falls back to `--utrecht-button-primary-action-color`.
 * @cssprop --buurt-color-surface - Backgrounds; falls back to `--utrecht-document-background-color`.
 * @cssprop --buurt-color-border - Borders.
 * @cssprop --buurt-color-focus - Focus outline; falls back to `--utrecht-focus-outline-color`.
 * @cssprop --buurt-radius - Corner radius; falls back to `--utrecht-border-radius`.
 * @cssprop --buurt-space - Padding and gaps.
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
