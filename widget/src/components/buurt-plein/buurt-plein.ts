import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { localized, msg } from '@lit/localize';
import type { InitiativeStatus, Neighbourhood } from '@buurtplein/sdk/contract';
import type {} from '../../buurtplein-global.js';
import { routeFrom, routeHref, sameRoute, type Route } from '../../deep-link.js';
import { initiativeStatusLabel } from '../../labels/initiative-status.js';
import { DEFAULT_LIMIT } from '../../list-query.js';
import { LocaleController } from '../../locale.js';
import { isPlainClick } from '../../plain-click.js';
import { siteConfig } from '../../site-config.js';
import { applyTheme } from '../../theme.js';
import type { BuurtInitiative } from '../buurt-initiative/buurt-initiative.js';
import { styles } from './buurt-plein.styles.js';

/** The status filter's choices: every status in the order an initiative goes through them (checked complete against the contract). */
const INITIATIVE_STATUSES = Object.keys({
  idea: 0,
  gathering: 0,
  planning: 0,
  active: 0,
  completed: 0,
  paused: 0,
  archived: 0,
} satisfies Record<InitiativeStatus, 0>) as InitiativeStatus[];

/** Parts of the inner list and initiative that the plein passes on to the host page. */
const LIST_PARTS = 'card, title, link, summary, supporters, empty, error, button';
const INITIATIVE_PARTS = 'heading, summary, facts, owner, counts, created, body, not-found, error, button';

/**
 * The whole Buurtplein experience in one element: the initiatives of the site's neighbourhoods
 * with a filter bar (neighbourhood, status), and one initiative's page opened in place.
 *
 * Navigation uses the browser's history: opening an initiative adds an entry whose URL carries
 * a shareable deep link in one query parameter, `?buurt=initiatief/<id>`, keeping the host's other
 * parameters and hash as they are; back and forward work, and a deep link opens the initiative
 * directly. The host's own `history.state` is passed on untouched. On navigation, focus moves to
 * the new view's heading. Use one `<buurt-plein>` per page: every plein follows the same parameter.
 *
 * The list stays in the page (hidden) while an initiative is open, so going back shows it as it
 * was, pages loaded with "Meer laden" included. Filters are kept in the element, not in the URL.
 *
 * @example
 * <buurt-plein neighbourhood="BU05990101"></buurt-plein>
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart list-view - The list view: heading, filters and list.
 * @csspart heading - The list view's heading.
 * @csspart filters - The filter bar.
 * @csspart select - Both filters; also `neighbourhood-select` and `status-select`.
 * @csspart initiatives - The inner `<buurt-initiatives>`; its `card`, `title`, `link`, `summary`,
 * `supporters`, `empty`, `error` and `button` parts are passed on with the same names.
 * @csspart initiative-view - The view of one initiative: back link and initiative.
 * @csspart back-link - "Terug naar overzicht".
 * @csspart initiative - The inner `<buurt-initiative>`; its `heading`, `summary`, `facts`, `owner`,
 * `counts`, `created`, `body`, `not-found`, `error` and `button` parts are passed on with the same names.
 *
 * @cssprop --buurt-font-family - Text font; falls back to `--utrecht-document-font-family`.
 * @cssprop --buurt-font-size - Base text size; falls back to `--utrecht-document-font-size`.
 * @cssprop --buurt-font-size-heading - Size of the view headings.
 * @cssprop --buurt-color-text - Text colour; falls back to `--utrecht-document-color`.
 * @cssprop --buurt-color-text-muted - Secondary text colour and select borders; falls back to `--utrecht-document-color`.
 * @cssprop --buurt-color-primary - Links, buttons and accents; falls back to `--utrecht-link-color`.
 * @cssprop --buurt-color-on-primary - Text on the primary colour; falls back to `--utrecht-button-primary-action-color`.
 * @cssprop --buurt-color-surface - Backgrounds; falls back to `--utrecht-document-background-color`.
 * @cssprop --buurt-color-border - Borders of cards and messages.
 * @cssprop --buurt-color-focus - Focus outline; falls back to `--utrecht-focus-outline-color`.
 * @cssprop --buurt-radius - Corner radius; falls back to `--utrecht-border-radius`.
 * @cssprop --buurt-space - Padding and gaps.
 *
 * @fires {CustomEvent<InitiativeSelectedDetail>} buurt-initiative-selected - From the inner list, when
 * a resident chooses an initiative; the plein cancels it and opens the initiative.
 */
@localized()
export class BuurtPlein extends LitElement {
  static override styles = styles;
  // Declared without decorators, in every element: their helpers would add ~240 B brotli to the first view.
  static override properties: PropertyDeclarations = {
    site: {},
    api: {},
    neighbourhood: {},
    status: {},
    limit: { type: Number },
    lang: {},
    route: { state: true },
    neighbourhoods: { state: true },
  };

  /** The site key; defaults to the script tag's `data-site`. */
  site?: string;

  /** The API base URL; defaults to the script tag's API, else this page's origin. */
  api?: string;

  /** The neighbourhood filter's starting value: an id or a CBS code such as `BU05990101`. */
  neighbourhood?: string;

  /** The status filter's starting value, e.g. `gathering`. */
  status?: string;

  /** Initiatives per page, 1 to 50. */
  limit = DEFAULT_LIMIT;

  /** The language to show; defaults to the nearest `lang` in the page. */
  override lang = '';

  private route: Route = { view: 'list' };
  private neighbourhoods: Neighbourhood[] = [];

  /** Site and API whose configuration is shown: a change loads it again. */
  private configKey?: string;
  private themeNames: string[] = [];
  /** Set by a navigation, so the new view's heading gets focus once rendered (never on page load). */
  private focusPending = false;
  private readonly locale = new LocaleController(this);
  /** Back, forward, or the host's own history entries: only a change of the widget's parameter is a navigation here. */
  private readonly onPopState = () => {
    const route = routeFrom(location.href);
    if (!sameRoute(route, this.route)) this.show(route);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.route = routeFrom(location.href);
    window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.onPopState);
    super.disconnectedCallback();
  }

  override willUpdate(): void {
    const { site, api } = this.source();
    const key = `${api} ${site}`;
    if (site && key !== this.configKey) {
      this.configKey = key;
      // Without the configuration the filter offers "Alle buurten" only; the list reports the failure.
      siteConfig(site, api).then(
        (config) => {
          if (key !== this.configKey) return;
          this.neighbourhoods = config.neighbourhoods;
          this.themeNames = applyTheme(this, config.theme, this.themeNames);
        },
        () => {},
      );
    }
  }

  override async updated(): Promise<void> {
    if (!this.focusPending) return;
    this.focusPending = false;
    if (this.route.view === 'list') {
      this.renderRoot.querySelector<HTMLElement>('[part="heading"]')?.focus();
      return;
    }
    // The initiative's element arrives in its own chunk; it may not be defined yet.
    await customElements.whenDefined('buurt-initiative');
    await this.renderRoot.querySelector<BuurtInitiative>('buurt-initiative')?.focusHeading();
  }

  private source() {
    const loader = window.Buurtplein;
    return { site: this.site || loader?.site, api: this.api || loader?.api || location.origin };
  }

  /** Goes to `route` as a new history entry, keeping the host's state object. */
  private go(route: Route): void {
    if (sameRoute(route, this.route)) return;
    history.pushState(history.state, '', routeHref(route));
    this.show(route);
  }

  private show(route: Route): void {
    this.route = route;
    this.focusPending = true;
  }

  private onSelected(event: HTMLElementEventMap['buurt-initiative-selected']): void {
    event.preventDefault();
    this.go({ view: 'initiative', id: event.detail.id });
  }

  private onBack(event: MouseEvent): void {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    this.go({ view: 'list' });
  }

  private onNeighbourhood(event: Event): void {
    this.neighbourhood = (event.target as HTMLSelectElement).value;
  }

  private onStatus(event: Event): void {
    this.status = (event.target as HTMLSelectElement).value;
  }

  private renderFilters() {
    const shown = this.neighbourhood;
    return html`<form part="filters" class="filters" role="search" aria-label=${msg('Initiatieven filteren', { id: 'filters-label' })} @submit=${(event: Event) => event.preventDefault()}>
      <div class="field">
        <label for="neighbourhood">${msg('Buurt', { id: 'label-neighbourhood' })}</label>
        <select id="neighbourhood" part="select neighbourhood-select" @change=${this.onNeighbourhood}>
          <option value="" ?selected=${!shown}>${msg('Alle buurten', { id: 'filter-all-neighbourhoods' })}</option>
          ${this.neighbourhoods.map(
            (neighbourhood) =>
              html`<option value=${neighbourhood.id} ?selected=${shown === neighbourhood.id || shown === neighbourhood.cbsCode}>
                ${neighbourhood.name}
              </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="status">${msg('Status', { id: 'label-status' })}</label>
        <select id="status" part="select status-select" @change=${this.onStatus}>
          <option value="" ?selected=${!this.status}>${msg('Alle statussen', { id: 'filter-all-statuses' })}</option>
          ${INITIATIVE_STATUSES.map(
            (status) => html`<option value=${status} ?selected=${this.status === status}>${initiativeStatusLabel(status)}</option>`,
          )}
        </select>
      </div>
    </form>`;
  }

  private renderInitiative(id: string) {
    const { site, api } = this.source();
    return html`<section part="initiative-view" class="view">
      <a part="back-link" class="back" href=${routeHref({ view: 'list' })} @click=${this.onBack}>${msg('Terug naar overzicht', { id: 'back-to-list' })}</a>
      <buurt-initiative part="initiative" exportparts=${INITIATIVE_PARTS} site=${site ?? ''} api=${api} initiative=${id}></buurt-initiative>
    </section>`;
  }

  override render() {
    const { site, api } = this.source();
    const list = this.route.view === 'list';
    return html`<div part="base">
      <section part="list-view" class="view" ?hidden=${!list} aria-labelledby="list-heading">
        <h2 id="list-heading" part="heading" tabindex="-1">${msg('Initiatieven in de buurt', { id: 'plein-heading' })}</h2>
        ${this.renderFilters()}
        <buurt-initiatives
          part="initiatives"
          exportparts=${LIST_PARTS}
          site=${site ?? ''}
          api=${api}
          neighbourhood=${this.neighbourhood ?? ''}
          status=${this.status ?? ''}
          .limit=${this.limit}
          @buurt-initiative-selected=${this.onSelected}
        ></buurt-initiatives>
      </section>
      ${this.route.view === 'initiative' ? this.renderInitiative(this.route.id) : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buurt-plein': BuurtPlein;
  }
}
