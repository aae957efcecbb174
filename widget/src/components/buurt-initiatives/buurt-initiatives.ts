import { html, nothing, type PropertyDeclarations } from 'lit';
import { msg, str } from '@lit/localize';
import type { Bootstrap, InitiativeListParams, InitiativeSummary } from '@buurtplein/sdk/contract';
import { BuurtElement } from '../../buurt-element.js';
import type { InitiativeSelectedDetail } from '../../events.js';
import { routeFrom } from '../../deep-link.js';
import { initiativeSelected } from '../../events.js';
import { initiativesFoundLabel } from '../../labels/initiative-counts.js';
import { problemMessage } from '../../labels/problem-message.js';
import { takeFirstView } from '../../first-view.js';
import { DEFAULT_LIMIT, bootstrapUrl, listQuery } from '../../list-query.js';
import { LocaleController } from '../../locale.js';
import { isPlainClick } from '../../plain-click.js';
import { problemCode } from '../../problem-code.js';
import { applyTheme } from '../../theme.js';
import { yieldToMain } from '../../yield-to-main.js';
import { styles } from './buurt-initiatives.styles.js';
import { FIRST_CARDS, initiativeCard } from './initiative-card.js';

/** The SDK client, loaded on demand: the first view answers from the script tag's request without it. */
async function client(site: string, api: string) {
  const { createClient } = await import('@buurtplein/sdk');
  return createClient({ site, baseUrl: api });
}


/**
 * The initiatives of a site's neighbourhoods, as cards: title, status, neighbourhood,
 * summary and how many neighbours support it. Shows a skeleton of the loaded height while
 * loading, an empty state, an error state with a retry, and "Meer tonen": the first six cards of
 * a page show at once, the button reveals the rest of the page, then loads the next one.
 *
 * The first view uses the request the script tag already started (`window.Buurtplein.bootstrap`)
 * when that request asked for this element's filters; otherwise it makes its own.
 * The site's theme tokens from the API are set as custom properties on the element.
 *
 * Each card's title is a link to the initiative's deep link on this page (`?buurt=initiatief/<id>`,
 * so a new tab works). A plain click or Enter fires `buurt-initiative-selected` first:
 * inside `<buurt-plein>` the plein cancels it and opens the initiative in place. A list on its own
 * follows the link, which a `<buurt-plein>` on the page opens; on a page without one, listen for
 * the event, call `preventDefault()` and show the initiative your own way.
 *
 * @example
 * <buurt-initiatives neighbourhood="BU05990101" limit="6"></buurt-initiatives>
 *
 * @tagname buurt-initiatives
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart list - The list of cards (also while loading).
 * @csspart skeleton - The placeholder list shown while loading.
 * @csspart card - One initiative.
 * @csspart title - The initiative's title (a heading).
 * @csspart link - The link in the title, to the initiative's deep link.
 * @csspart status - The status badge; also `status-<status>`, e.g. `status-active`.
 * @csspart neighbourhood - The neighbourhood's name.
 * @csspart summary - The initiative's summary.
 * @csspart supporters - How many neighbours support it.
 * @csspart empty - The message shown when there are no initiatives.
 * @csspart error - The message and retry button shown when loading failed.
 * @csspart button - Every button; also `retry-button` and `more-button`.
 * @csspart retry-button - "Opnieuw proberen", shown when loading failed.
 * @csspart more-button - "Meer tonen".
 *
 * @cssprop --buurt-font-family - Text font; falls back to `--utrecht-document-font-family`.
 * @cssprop --buurt-font-size - Base text size; falls back to `--utrecht-document-font-size`.
 * @cssprop --buurt-font-size-title - Size of card titles.
 * @cssprop --buurt-color-text - Text colour; falls back to `--utrecht-document-color`.
 * @cssprop --buurt-color-text-muted - Secondary text colour; falls back to `--utrecht-document-color`.
 * @cssprop --buurt-color-primary - Buttons and accents; falls back to `--utrecht-link-color`.
 * @cssprop --buurt-color-on-primary - Text on the primary colour; falls back to `--utrecht-button-primary-action-color`.
 * @cssprop --buurt-color-surface - Card background; falls back to `--utrecht-document-background-color`.
 * @cssprop --buurt-color-border - Card border.
 * @cssprop --buurt-color-focus - Focus outline; falls back to `--utrecht-focus-outline-color`.
 * @cssprop --buurt-radius - Corner radius; falls back to `--utrecht-border-radius`.
 * @cssprop --buurt-space - Padding and gaps.
 *
 * @fires {CustomEvent<InitiativeSelectedDetail>} buurt-initiative-selected - A resident chose an
 * initiative; cancel it to keep the link from navigating.
 */
export class BuurtInitiatives extends BuurtElement {
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    neighbourhood: {},
    status: {},
    needs: {},
    limit: { type: Number },
    // A property, so a container's new words (e.g. after a language switch) show at once.
    emptyText: { attribute: false },
    phase: { state: true },
    initiatives: { state: true },
    shown: { state: true },
    nextCursor: { state: true },
    loadingMore: { state: true },
    errorCode: { state: true },
    announcement: { state: true },
  };

  /** Show only this neighbourhood: an id or a CBS code such as `BU05990101`. */
  neighbourhood?: string;

  /** Show only initiatives with this status, e.g. `gathering`. */
  status?: string;

  /** Show only initiatives that ask for this kind of help, e.g. `volunteers`; `any` for every kind. */
  needs?: string;

  /** Initiatives per page, 1 to 50. */
  limit = DEFAULT_LIMIT;

  /** What the empty state says instead of its own words, for filters it cannot name (a container's). */
  emptyText?: string;

  private phase: 'loading' | 'ready' | 'error' = 'loading';
  private initiatives: InitiativeSummary[] = [];
  /** How many of `initiatives` are shown. */
  private shown = 0;
  private nextCursor: string | null = null;
  private loadingMore = false;
  /** Why the first load failed (the error view), or the last "Meer tonen" (shown above the button). */
  private errorCode = '';
  private announcement = '';

  /** The bootstrap URL of what is shown (or loading): a change of filters changes it. */
  private shownUrl?: string;
  /** Bumped by every new first load, so answers for old filters are dropped. */
  private generation = 0;
  private themeNames: string[] = [];
  private readonly locale = new LocaleController(this);
  /** What to focus once the pending load has rendered: a card index, or the first result. */
  private focusPending?: number | 'results';

  /** The painted first view's focused link or button, focused again once this element has rendered its own. */
  private paintedFocus?: Element | null;

  /**
   * A first view the script tag painted before Lit loaded (src/paint.ts) is taken over: its shadow
   * root is emptied and rendered again in the same task, so nothing shows in between, and its cards
   * come back as they were (`initiativeCard`). The host's reserved height is the element's again.
   */
  protected override createRenderRoot() {
    const painted = this.shadowRoot;
    if (painted) {
      this.paintedFocus = painted.activeElement;
      painted.replaceChildren();
      // The paint's own release of the host's reserved height (`:not(:defined)` no longer applies).
      if (this.style.minHeight === '0px') this.style.removeProperty('min-height');
    }
    return super.createRenderRoot();
  }

  protected override firstUpdated(): void {
    const focused = this.paintedFocus;
    if (!focused) return;
    // A card's link is the same node, moved; a button is found again by its part.
    (focused.isConnected ? (focused as HTMLElement) : this.renderRoot.querySelector<HTMLElement>(`[part="${focused.getAttribute('part')}"]`))?.focus();
  }

  override willUpdate(): void {
    const { url } = this.source();
    if (url !== this.shownUrl) {
      this.shownUrl = url;
      void this.load();
    }
  }

  override updated(): void {
    if (this.focusPending === undefined || this.phase === 'loading' || this.loadingMore) return;
    const titles = this.renderRoot.querySelectorAll<HTMLElement>('.title a');
    const target =
      typeof this.focusPending === 'number'
        ? titles[this.focusPending]
        : this.renderRoot.querySelector<HTMLElement>('.retry-button, .empty') ?? titles[0];
    this.focusPending = undefined;
    target?.focus();
  }

  /** Where and what to load, from the attributes and the script tag's defaults. */
  protected override source() {
    const { site, api } = super.source();
    const filters = { neighbourhood: this.neighbourhood, status: this.status, needs: this.needs, limit: this.limit };
    return { site, api, query: listQuery(filters) as InitiativeListParams, url: site ? bootstrapUrl(api, site, filters) : '' };
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    const { site, api, query, url } = this.source();
    this.phase = 'loading';
    this.initiatives = [];
    this.shown = 0;
    this.nextCursor = null;
    this.loadingMore = false;
    this.errorCode = '';
    const early = site ? takeFirstView(url) : undefined;
    if (early && !(early instanceof Promise)) {
      // The script tag's request has answered already: the first render shows it, with no skeleton before.
      this.show(early);
      return;
    }
    try {
      // Shown as the error view's message for a page not linked to a site (labels/problem-message.ts).
      if (!site) throw Object.assign(new Error('missing-site'), { code: 'missing-site' });
      const request = async () => (await client(site, api)).sites.bootstrap(query);
      // A failed early request is asked again through the SDK, which reports a typed error.
      const result: Bootstrap = early ? await early.catch(request) : await request();
      // Render in a task of its own, not in the one that happened to receive the answer.
      await yieldToMain();
      if (generation !== this.generation) return;
      this.show(result);
    } catch (error) {
      if (generation !== this.generation) return;
      this.errorCode = problemCode(error);
      this.phase = 'error';
      this.announcement = problemMessage(this.errorCode);
    }
  }

  /** Loads the list again, e.g. after the resident started an initiative. */
  refresh(): void {
    void this.load();
  }

  private show(result: Bootstrap): void {
    this.themeNames = applyTheme(this, result.site.theme, this.themeNames);
    this.initiatives = result.initiatives.data;
    this.shown = Math.min(FIRST_CARDS, this.initiatives.length);
    this.nextCursor = result.initiatives.nextCursor;
    this.phase = 'ready';
    this.announcement = this.countMessage(this.initiatives.length);
  }

  private retry(): void {
    this.focusPending = 'results';
    void this.load();
  }

  /** "Meer tonen": reveals the cards already loaded, else loads the next page. Focus moves to the first new card. */
  private async more(): Promise<void> {
    if (this.shown < this.initiatives.length) {
      this.reveal(this.initiatives.length);
      return;
    }
    const { site, api, query } = this.source();
    const cursor = this.nextCursor;
    if (this.loadingMore || !cursor || !site) return;
    const generation = this.generation;
    this.loadingMore = true;
    this.errorCode = '';
    try {
      const page = await (await client(site, api)).initiatives.list({ ...query, cursor });
      if (generation !== this.generation) return;
      this.initiatives = [...this.initiatives, ...page.data];
      this.nextCursor = page.nextCursor;
      this.reveal(this.initiatives.length);
    } catch (error) {
      if (generation !== this.generation) return;
      this.errorCode = problemCode(error);
      this.announcement = problemMessage(this.errorCode);
    } finally {
      if (generation === this.generation) this.loadingMore = false;
    }
  }

  /** Shows the cards up to `count`, moves focus to the first new one (where keyboard and screen-reader users continue) and says how many came. */
  private reveal(count: number): void {
    const added = count - this.shown;
    this.focusPending = this.shown;
    this.shown = count;
    this.announcement =
      added === 1
        ? msg('1 initiatief toegevoegd.', { id: 'initiatives-added-one' })
        : msg(str`${this.locale.number(added)} initiatieven toegevoegd.`, { id: 'initiatives-added' });
  }

  /** A plain click (or Enter) on a title: tells the host, which may take over from the link. One listener serves every card. */
  private onListClick(event: MouseEvent): void {
    const link = (event.target as Element).closest('a');
    if (!link || !isPlainClick(event)) return;
    const route = routeFrom(link.href);
    if (route.view === 'initiative' && !initiativeSelected(this, route.id)) event.preventDefault();
  }

  private countMessage(count: number): string {
    if (count === 0) return this.emptyMessage();
    return initiativesFoundLabel(count, this.locale.number(count));
  }

  private emptyMessage(): string {
    return (
      this.emptyText ||
      (this.neighbourhood ? msg('Nog geen initiatieven in deze buurt.', { id: 'empty-neighbourhood' }) : msg('Nog geen initiatieven.', { id: 'empty' }))
    );
  }

  /** As many cards as the first view shows, and the "Meer tonen" button's place: the loaded height of a typical first view. */
  private renderSkeleton() {
    const count = Math.min(listQuery({ limit: this.limit }).limit, FIRST_CARDS);
    const card = html`<li class="card">
      <div class="title bone"></div>
      <div class="facts"><span class="status bone">&nbsp;</span></div>
      <div class="summary bone"></div>
      <div class="supporters bone">&nbsp;</div>
    </li>`;
    return html`<p class="visually-hidden">${msg('Initiatieven laden…', { id: 'initiatives-loading' })}</p>
      <div part="skeleton" class="skeleton" aria-hidden="true">
        <ul part="list" class="list">
          ${Array.from({ length: count }, () => card)}
        </ul>
        ${count < FIRST_CARDS ? nothing : html`<div class="more"><div class="button bone"></div></div>`}
      </div>`;
  }

  private renderError() {
    return html`<div part="error" class="message error">
      <p>${problemMessage(this.errorCode)}</p>
      <button part="button retry-button" class="button retry-button" type="button" @click=${this.retry}>
        ${msg('Opnieuw proberen', { id: 'retry' })}
      </button>
    </div>`;
  }

  private renderList() {
    if (this.initiatives.length === 0) {
      return html`<p part="empty" class="message empty" tabindex="-1">${this.emptyMessage()}</p>`;
    }
    return html`<ul part="list" class="list" role="list" @click=${this.onListClick}>
        ${this.initiatives.slice(0, this.shown).map((initiative) => initiativeCard(initiative, this.locale.intl))}
      </ul>
      ${this.shown < this.initiatives.length || this.nextCursor
        ? html`<div class="more">
            ${this.errorCode ? html`<p>${problemMessage(this.errorCode)}</p>` : nothing}
            <button
              part="button more-button"
              class="button"
              type="button"
              aria-disabled=${this.loadingMore ? 'true' : 'false'}
              @click=${this.more}
            >
              ${this.loadingMore ? msg('Bezig met laden…', { id: 'more-loading' }) : msg('Meer tonen', { id: 'more-show' })}
            </button>
          </div>`
        : nothing}`;
  }

  override render() {
    return html`<div part="base" aria-busy=${this.phase === 'loading' ? 'true' : 'false'}>
      ${this.phase === 'loading' ? this.renderSkeleton() : this.phase === 'error' ? this.renderError() : this.renderList()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buurt-initiatives': BuurtInitiatives;
  }
}
