import { html, nothing, type PropertyDeclarations } from 'lit';
import { msg, str } from '@lit/localize';
import type { Neighbourhood } from '@buurtplein/sdk/contract';
import { BuurtElement } from '../../buurt-element.js';
import { routeFrom, routeHref, type Route } from '../../deep-link.js';
import { loadElement } from '../../element-chunks.js';
import { INITIATIVE_STATUSES } from '../../initiative-transitions.js';
import { INITIATIVE_NEEDS, initiativeNeedLabel } from '../../labels/initiative-need.js';
import { initiativeStatusLabel } from '../../labels/initiative-status.js';
import { DEFAULT_LIMIT } from '../../list-query.js';
import { LocaleController } from '../../locale.js';
import { isPlainClick } from '../../plain-click.js';
import { SessionController } from '../../session/session-controller.js';
import { siteConfig } from '../../site-config.js';
import { applyTheme } from '../../theme.js';
import type { BuurtInitiatives } from '../buurt-initiatives/buurt-initiatives.js';
import { styles } from './buurt-plein.styles.js';
import { helpFrom, helpHref, type HelpFilter } from './help-filter.js';
import { sameRoute } from './same-route.js';

/** The element that shows each view but the list, each loaded on demand. */
const VIEW_TAGS = { initiative: 'buurt-initiative', start: 'buurt-start-initiative', 'sign-in': 'buurt-sign-in' } as const;

/** Parts of the inner list and initiative that the plein passes on to the host page. */
const LIST_PARTS = 'card, title, link, summary, supporters, empty, error, button';
const INITIATIVE_PARTS = 'heading, summary, facts, owner, counts, created, body, not-found, error, button';

/**
 * The whole Buurtplein experience in one element: the initiatives of the site's neighbourhoods
 * with a filter bar (neighbourhood, status, "Zoekt hulp"), one initiative's page opened in place (with its
 * actions and discussion), the form to start an initiative, and signing in with an e-mail code.
 * A bar at the top says who is signed in and offers "Start een initiatief". Signing in survives a
 * reload; a view that needs it (posting, supporting, commenting) sends the resident to the sign-in
 * screens and back.
 *
 * Navigation uses the browser's history: opening an initiative adds an entry whose URL carries
 * a shareable deep link in one query parameter, `?buurt=initiatief/<id>` (also `?buurt=starten`
 * and `?buurt=inloggen`), keeping the host's other
 * parameters and hash as they are; back and forward work, and a deep link opens the initiative
 * directly. The host's own `history.state` is passed on untouched. On navigation, focus moves to
 * the new view's heading. Use one `<buurt-plein>` per page: every plein follows the same parameter.
 *
 * The list stays in the page (hidden) while an initiative is open, so going back shows it as it
 * was, pages loaded with "Meer laden" included. The neighbourhood and status filters are kept in
 * the element; the "Zoekt hulp" filter is navigation: each change is a history entry whose URL
 * says it (`?buurt=hulp` for any help, `?buurt=hulp/vrijwilligers` for one need), so back
 * restores the previous filter and the link can be shared. A signed-in professional is offered
 * "Initiatieven die hulp zoeken" above the filters: "… in jouw buurten" when they serve some of
 * the site's neighbourhoods, which the offer then filters on ("Jouw buurten" in the filter).
 *
 * @example
 * <buurt-plein neighbourhood="BU05990101"></buurt-plein>
 *
 * @tagname buurt-plein
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart list-view - The list view: heading, filters and list.
 * @csspart heading - The list view's heading.
 * @csspart filters - The filter bar.
 * @csspart select - Every filter; also `neighbourhood-select`, `status-select` and `needs-select`.
 * @csspart neighbourhood-select - The neighbourhood filter.
 * @csspart status-select - The status filter.
 * @csspart needs-select - The "Zoekt hulp" filter.
 * @csspart button - "Initiatieven die hulp zoeken"; also `help-button`.
 * @csspart help-button - "Initiatieven die hulp zoeken", shown to signed-in professionals: lists the initiatives that ask for any help, in their own neighbourhoods when they serve some here.
 * @csspart initiatives - The inner `<buurt-initiatives>`; its `card`, `title`, `link`, `summary`,
 * `supporters`, `empty`, `error` and `button` parts are passed on with the same names.
 * @csspart account - The bar with the signed-in resident, sign-in or sign-out, and "Start een initiatief".
 * @csspart sign-out-button - "Uitloggen" in the account bar.
 * @csspart initiative-view - The view of one initiative: back link and initiative.
 * @csspart back-link - "Terug naar overzicht".
 * @csspart start-view - The view with the form to start an initiative: back link and `<buurt-start-initiative>`.
 * @csspart sign-in-view - The sign-in view: back link and `<buurt-sign-in>`.
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
 * @fires {CustomEvent<UserSignedInDetail>} buurt-user-signed-in - A resident signed in, in the plein's sign-in view.
 * @fires {CustomEvent<InitiativeCreatedDetail>} buurt-initiative-created - A resident started an initiative
 * in the plein's form; the plein opens it.
 * @fires {CustomEvent<InitiativeSupportedDetail>} buurt-initiative-supported - From the open initiative:
 * a resident supported it.
 * @fires {CustomEvent<InitiativeSupportedDetail>} buurt-initiative-unsupported - From the open initiative:
 * a resident took their support back.
 * @fires {CustomEvent<OfferAcceptedDetail>} buurt-offer-accepted - From the open initiative: the owner
 * accepted an offer of help.
 * @fires {CustomEvent<Record<string, never>>} buurt-sign-in-requested - From the open initiative or its
 * discussion; the plein cancels it and shows its sign-in view.
 */
export class BuurtPlein extends BuurtElement {
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    neighbourhood: {},
    status: {},
    limit: { type: Number },
    route: { state: true },
    needs: { state: true },
    neighbourhoods: { state: true },
  };

  /** The neighbourhood filter's starting value: an id or a CBS code such as `BU05990101`. */
  neighbourhood?: string;

  /** The status filter's starting value, e.g. `gathering`. */
  status?: string;

  /** Initiatives per page, 1 to 50. */
  limit = DEFAULT_LIMIT;

  private route: Route = { view: 'list' };
  /** The "Zoekt hulp" filter, from the URL. */
  private needs: HelpFilter = '';
  /** The professional's own neighbourhoods as the list's filter, while "Jouw buurten" is chosen through their offer. */
  private servedFilter?: string;
  private neighbourhoods: Neighbourhood[] = [];

  /** Site and API whose configuration is shown: a change loads it again. */
  private configKey?: string;
  private themeNames: string[] = [];
  /** Set by a navigation, so the new view's heading gets focus once rendered (never on page load). */
  private focusPending = false;
  private readonly locale = new LocaleController(this);
  private readonly auth = new SessionController(this, () => this.source());
  /** Where to go after signing in: the view that asked for it. */
  private returnTo: Route = { view: 'list' };
  /** Back, forward, or the host's own history entries: only a change of the widget's parameter is a navigation here. */
  private readonly onPopState = () => {
    const route = routeFrom(location.href);
    // The hidden list keeps its filter while an initiative is open, so going back shows it as it was.
    if (route.view === 'list') this.needs = helpFrom(location.href);
    if (!sameRoute(route, this.route)) this.show(route);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.route = routeFrom(location.href);
    this.needs = helpFrom(location.href);
    if (this.route.view !== 'list') void loadElement(VIEW_TAGS[this.route.view]);
    window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.onPopState);
    super.disconnectedCallback();
  }

  override willUpdate(): void {
    // "Jouw buurten" belongs to the professional signed in: once nobody (or someone else) is, every neighbourhood shows again.
    if (this.servedFilter !== undefined && this.servedFilter !== this.served()) {
      if (this.neighbourhood === this.servedFilter) this.neighbourhood = '';
      this.servedFilter = undefined;
    }
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
    // Every other view's element arrives in its own chunk; it may not be defined yet.
    const tag = VIEW_TAGS[this.route.view];
    await customElements.whenDefined(tag);
    await this.renderRoot.querySelector(tag)?.focusHeading();
  }

  /** Goes to `route` as a new history entry, keeping the host's state object. */
  private go(route: Route): void {
    if (sameRoute(route, this.route)) return;
    history.pushState(history.state, '', this.href(route));
    this.show(route);
  }

  /** The URL of `route`; the list's carries its "Zoekt hulp" filter. */
  private href(route: Route): string {
    return route.view === 'list' ? helpHref(this.needs) : routeHref(route);
  }

  /** Filters on help as a new history entry, so back restores the previous filter. */
  private filterHelp(needs: HelpFilter): void {
    if (needs === this.needs) return;
    this.needs = needs;
    history.pushState(history.state, '', helpHref(needs));
  }

  private show(route: Route): void {
    if (route.view !== 'list') void loadElement(VIEW_TAGS[route.view]);
    this.route = route;
    this.focusPending = true;
  }

  private onSelected(event: HTMLElementEventMap['buurt-initiative-selected']): void {
    event.preventDefault();
    this.go({ view: 'initiative', id: event.detail.id });
  }

  /** A plain click on one of the plein's own links: navigates in place. */
  private onLink(event: MouseEvent, route: Route): void {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    if (route.view === 'sign-in' && this.route.view !== 'sign-in') this.returnTo = this.route;
    this.go(route);
  }

  private onSignInRequested(event: Event): void {
    event.preventDefault();
    this.returnTo = this.route;
    this.go({ view: 'sign-in' });
  }

  private onSignedIn(): void {
    if (this.route.view === 'sign-in') this.go(sameRoute(this.returnTo, this.route) ? { view: 'list' } : this.returnTo);
  }

  private onCreated(event: HTMLElementEventMap['buurt-initiative-created']): void {
    event.preventDefault();
    this.renderRoot.querySelector<BuurtInitiatives>('buurt-initiatives')?.refresh();
    this.go({ view: 'initiative', id: event.detail.initiative.id });
  }

  private async signOut(): Promise<void> {
    await this.auth.session?.logout();
    this.renderRoot.querySelector<HTMLElement>('[part~="sign-in-link"]')?.focus();
  }

  /** A signed-in professional's neighbourhoods that the site shows, as one list filter (ids joined by commas); '' for anyone else. */
  private served(): string {
    const user = this.auth.session?.user;
    return user?.roles.includes('professional') ? (user.servedNeighbourhoods ?? []).map((n) => n.id).join(',') : '';
  }

  /** The professional's offer: what asks for help, in their own neighbourhoods when they serve some here. */
  private showHelpWanted(served: string): void {
    if (served) this.neighbourhood = this.servedFilter = served;
    this.filterHelp('any');
  }

  private onNeighbourhood(event: Event): void {
    this.neighbourhood = (event.target as HTMLSelectElement).value;
  }

  private onStatus(event: Event): void {
    this.status = (event.target as HTMLSelectElement).value;
  }

  private onNeeds(event: Event): void {
    this.filterHelp((event.target as HTMLSelectElement).value as HelpFilter);
  }

  private renderFilters(served: string) {
    const shown = this.neighbourhood;
    return html`<form part="filters" class="filters" role="search" aria-label=${msg('Initiatieven filteren', { id: 'filters-label' })} @submit=${(event: Event) => event.preventDefault()}>
      <div class="field">
        <label for="neighbourhood">${msg('Buurt', { id: 'label-neighbourhood' })}</label>
        <select id="neighbourhood" part="select neighbourhood-select" .value=${shown ?? ''} @change=${this.onNeighbourhood}>
          <option value="" ?selected=${!shown}>${msg('Alle buurten', { id: 'filter-all-neighbourhoods' })}</option>
          ${served ? html`<option value=${served} ?selected=${shown === served}>${msg('Jouw buurten', { id: 'filter-served-neighbourhoods' })}</option>` : nothing}
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
      <div class="field">
        <label for="needs">${msg('Zoekt hulp', { id: 'label-help-wanted' })}</label>
        <select id="needs" part="select needs-select" .value=${this.needs} @change=${this.onNeeds}>
          <option value="" ?selected=${!this.needs}>${msg('Alle initiatieven', { id: 'filter-all-initiatives' })}</option>
          <option value="any" ?selected=${this.needs === 'any'}>${msg('Elke hulpvraag', { id: 'filter-any-need' })}</option>
          ${INITIATIVE_NEEDS.map((need) => html`<option value=${need} ?selected=${this.needs === need}>${initiativeNeedLabel(need)}</option>`)}
        </select>
      </div>
    </form>`;
  }

  private link(route: Route, label: string, part: string) {
    return html`<a part=${part} href=${this.href(route)} @click=${(event: MouseEvent) => this.onLink(event, route)}>${label}</a>`;
  }

  private renderAccount() {
    const user = this.auth.session?.user;
    return html`<div part="account" class="account">
      ${user
        ? html`<span>${msg(str`Ingelogd als ${user.displayName}`, { id: 'plein-signed-in-as' })}</span>
            <button part="sign-out-button" class="link-button" type="button" @click=${this.signOut}>${msg('Uitloggen', { id: 'sign-out' })}</button>`
        : this.route.view === 'sign-in'
          ? nothing
          : this.link({ view: 'sign-in' }, msg('Inloggen', { id: 'sign-in' }), 'sign-in-link')}
      ${this.route.view === 'start' ? nothing : this.link({ view: 'start' }, msg('Start een initiatief', { id: 'start-heading' }), 'start-link button-link')}
    </div>`;
  }

  private renderView(route: Exclude<Route, { view: 'list' }>) {
    const { site, api } = this.source();
    const back = this.link({ view: 'list' }, msg('Terug naar overzicht', { id: 'back-to-list' }), 'back-link');
    switch (route.view) {
      case 'initiative':
        return html`<section part="initiative-view" class="view">
          ${back}
          <buurt-initiative part="initiative" exportparts=${INITIATIVE_PARTS} site=${site ?? ''} api=${api} initiative=${route.id}></buurt-initiative>
        </section>`;
      case 'start':
        return html`<section part="start-view" class="view">
          ${back}
          <buurt-start-initiative site=${site ?? ''} api=${api} neighbourhood=${this.neighbourhood ?? ''} @buurt-initiative-created=${this.onCreated}></buurt-start-initiative>
        </section>`;
      case 'sign-in':
        return html`<section part="sign-in-view" class="view">
          ${back}
          <buurt-sign-in site=${site ?? ''} api=${api} @buurt-user-signed-in=${this.onSignedIn}></buurt-sign-in>
        </section>`;
    }
  }

  override render() {
    const { site, api } = this.source();
    const list = this.route.view === 'list';
    const served = this.served();
    return html`<div part="base" class="base" @buurt-sign-in-requested=${this.onSignInRequested}>
      ${this.renderAccount()}
      <section part="list-view" class="view" ?hidden=${!list} aria-labelledby="list-heading">
        <h2 id="list-heading" part="heading" tabindex="-1">${msg('Initiatieven in de buurt', { id: 'plein-heading' })}</h2>
        ${this.auth.session?.user?.roles.includes('professional')
          ? html`<button part="button help-button" class="help-button" type="button" @click=${() => this.showHelpWanted(served)}>
              ${served
                ? msg('Initiatieven die hulp zoeken in jouw buurten', { id: 'plein-help-wanted-served' })
                : msg('Initiatieven die hulp zoeken', { id: 'plein-help-wanted' })}
            </button>`
          : nothing}
        ${this.renderFilters(served)}
        <buurt-initiatives
          part="initiatives"
          exportparts=${LIST_PARTS}
          site=${site ?? ''}
          api=${api}
          neighbourhood=${this.neighbourhood ?? ''}
          status=${this.status ?? ''}
          needs=${this.needs}
          .emptyText=${this.needs ? msg('Geen initiatieven gevonden die hulp zoeken.', { id: 'empty-help-wanted' }) : ''}
          .limit=${this.limit}
          @buurt-initiative-selected=${this.onSelected}
        ></buurt-initiatives>
      </section>
      ${this.route.view === 'list' ? nothing : this.renderView(this.route)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buurt-plein': BuurtPlein;
  }
}
