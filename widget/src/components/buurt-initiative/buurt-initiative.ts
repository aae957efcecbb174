import { html, nothing, type PropertyDeclarations } from 'lit';
import { msg, str } from '@lit/localize';
import type { InitiativeDetail } from '@buurtplein/sdk/contract';
import { BuurtElement } from '../../buurt-element.js';
import { formatDate } from '../../dates.js';
import { loadElement } from '../../element-chunks.js';
import { supportersLabel } from '../../labels/initiative-counts.js';
import { membersLabel } from '../../labels/member-count.js';
import { initiativeNeedLabel } from '../../labels/initiative-need.js';
import { initiativeStatusLabel } from '../../labels/initiative-status.js';
import { initiativeThemeLabel } from '../../labels/initiative-theme.js';
import { problemMessage } from '../../labels/problem-message.js';
import { LocaleController } from '../../locale.js';
import { PluginViewController } from '../../plugins/plugin-view.js';
import { problemCode } from '../../problem-code.js';
import { SessionController } from '../../session/session-controller.js';
import { siteConfig } from '../../site-config.js';
import { applyTheme } from '../../theme.js';
import { styles } from './buurt-initiative.styles.js';

/** Problem slugs that mean "there is no such initiative here" rather than "something failed". */
const NOT_FOUND = new Set(['not-found', 'invalid-request', 'missing-initiative']);

/** Splits a resident's text into paragraphs at blank lines. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

/**
 * One initiative's page: its title as a heading, status, neighbourhood, themes, needs, owner,
 * supporter and member counts, start date and full text. Shows a skeleton while loading, a
 * not-found message, and an error with a retry. The heading stays the same element in every
 * state, so focus placed on it (see `focusHeading`) survives the load.
 *
 * Text written by residents is always shown as text, never as HTML; blank lines separate paragraphs.
 *
 * Under the text it shows what people do with the initiative (`<buurt-initiative-actions>`:
 * support, join, organiser tools, updates, help offers, meetings) and its discussion
 * (`<buurt-discussion>`), each loaded on demand. Signed in, the initiative is loaded with the
 * resident's session, so it knows what they are to it; it loads again when someone signs in or out.
 *
 * @example
 * <buurt-initiative initiative="init000000000001"></buurt-initiative>
 *
 * @tagname buurt-initiative
 *
 * @slot actions - Buttons for the resident (support, join …), shown above the text.
 * @slot offers - Help offered by professionals, shown after the text.
 * @slot discussion - The initiative's discussion, shown last.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart heading - The initiative's title (an `h2`), or what went wrong.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart summary - The initiative's summary.
 * @csspart facts - Status, neighbourhood, themes and needs.
 * @csspart status - The status badge; also `status-<status>`, e.g. `status-active`.
 * @csspart neighbourhood - The neighbourhood's name.
 * @csspart themes - The list of themes; each item is `theme`.
 * @csspart theme - One theme.
 * @csspart needs - The list of needs; each item is `need`.
 * @csspart need - One need.
 * @csspart owner - Who started it.
 * @csspart counts - How many neighbours support it (`supporters`) and take part (`members`).
 * @csspart supporters - How many neighbours support it.
 * @csspart members - How many take part.
 * @csspart created - When it started.
 * @csspart body - The full text, in paragraphs.
 * @csspart plugin-actions - The buttons the page's plugins added; each is `button plugin-action`.
 * @csspart plugin-section - A section a plugin added; its heading is `plugin-section-heading`, the rest `plugin-section-content`.
 * @csspart actions - What people do with it: `<buurt-initiative-actions>`.
 * @csspart discussion - Its discussion: `<buurt-discussion>`.
 * @csspart not-found - The message shown when there is no such initiative.
 * @csspart error - The message and retry button shown when loading failed.
 * @csspart button - Every button; also `retry-button`.
 * @csspart retry-button - "Opnieuw proberen", shown when loading failed.
 *
 * @cssprop --buurt-font-family - Text font; falls back to `--utrecht-document-font-family`.
 * @cssprop --buurt-font-size - Base text size; falls back to `--utrecht-document-font-size`.
 * @cssprop --buurt-font-size-heading - Size of the initiative's title.
 * @cssprop --buurt-color-text - Text colour; falls back to `--utrecht-document-color`.
 * @cssprop --buurt-color-text-muted - Secondary text colour; falls back to `--utrecht-document-color`.
 * @cssprop --buurt-color-primary - Buttons and accents; falls back to `--utrecht-link-color`.
 * @cssprop --buurt-color-on-primary - Text on the primary colour; falls back to `--utrecht-button-primary-action-color`.
 * @cssprop --buurt-color-surface - Background of messages; falls back to `--utrecht-document-background-color`.
 * @cssprop --buurt-color-border - Borders of messages and tags.
 * @cssprop --buurt-color-focus - Focus outline; falls back to `--utrecht-focus-outline-color`.
 * @cssprop --buurt-radius - Corner radius; falls back to `--utrecht-border-radius`.
 * @cssprop --buurt-space - Padding and gaps.
 *
 * @fires {CustomEvent<InitiativeSupportedDetail>} buurt-initiative-supported - From the inner actions:
 * a resident supported the initiative.
 * @fires {CustomEvent<InitiativeSupportedDetail>} buurt-initiative-unsupported - From the inner actions:
 * a resident took their support back.
 * @fires {CustomEvent<OfferAcceptedDetail>} buurt-offer-accepted - From the inner actions: the owner
 * accepted an offer of help.
 * @fires {CustomEvent<Record<string, never>>} buurt-sign-in-requested - From the inner actions or
 * discussion: a signed-out resident wants to take part; cancel it to show your own sign-in.
 */
export class BuurtInitiative extends BuurtElement {
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    initiative: {},
    phase: { state: true },
    detail: { state: true },
    errorCode: { state: true },
    announcement: { state: true },
  };

  /** The id of the initiative to show. */
  initiative?: string;

  private phase: 'loading' | 'ready' | 'not-found' | 'error' = 'loading';
  private detail?: InitiativeDetail;
  private errorCode = '';
  private announcement = '';

  /** Site, API and id of what is shown (or loading): a change of any of them loads again. */
  private shownKey?: string;
  /** Bumped by every load, so an answer for an earlier initiative is dropped. */
  private generation = 0;
  private themeNames: string[] = [];
  private readonly locale = new LocaleController(this);
  private readonly auth = new SessionController(this, () => this.source());
  /** What the page's plugins add to the view (`Buurtplein.use()`). */
  private readonly plugins = new PluginViewController(this);
  /** Who the shown initiative was loaded for: a sign-in or sign-out loads it again. */
  private loadedFor?: string;

  /** Moves focus to the heading, as a view that just opened should; it keeps focus while the initiative loads. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="heading"]')?.focus();
  }

  override willUpdate(): void {
    const { site, api } = this.source();
    const key = `${api} ${site} ${this.initiative}`;
    if (key !== this.shownKey) {
      this.shownKey = key;
      void this.load();
    } else if (this.phase === 'ready' && this.loadedFor !== this.viewerKey()) {
      void this.refresh();
    }
  }

  private viewerKey(): string {
    return this.auth.session?.user?.id ?? '';
  }

  /** Loads the shown initiative again without a skeleton, after a change by the resident or a sign-in. */
  private async refresh(): Promise<void> {
    const generation = this.generation;
    this.loadedFor = this.viewerKey();
    try {
      const detail = await this.auth.session!.client.initiatives.get(this.initiative!);
      if (generation === this.generation) this.detail = detail;
    } catch {
      // The page keeps what it showed; the next change tries again.
    }
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    const { site, api } = this.source();
    const id = this.initiative;
    this.phase = 'loading';
    this.detail = undefined;
    try {
      if (!site) throw Object.assign(new Error('Set data-site on the script tag or site on <buurt-initiative>.'), { code: 'missing-site' });
      if (!id) throw Object.assign(new Error('Set initiative on <buurt-initiative>.'), { code: 'missing-initiative' });
      // The theme is decoration: the page shows without it, and a wrong site surfaces through the initiative.
      siteConfig(site, api).then(
        (config) => {
          if (generation === this.generation) this.themeNames = applyTheme(this, config.theme, this.themeNames);
        },
        () => {},
      );
      const session = this.auth.session!;
      // A session kept from an earlier page is restored first, so the page knows what the resident is to the initiative.
      await session.restored;
      this.loadedFor = this.viewerKey();
      const detail = await session.client.initiatives.get(id);
      if (generation !== this.generation) return;
      this.detail = detail;
      void loadElement('buurt-initiative-actions');
      if (detail.threadId) void loadElement('buurt-discussion');
      this.phase = 'ready';
      this.announcement = msg(str`Initiatief geladen: ${detail.title}`, { id: 'initiative-loaded' });
    } catch (error) {
      if (generation !== this.generation) return;
      this.errorCode = problemCode(error);
      this.phase = NOT_FOUND.has(this.errorCode) ? 'not-found' : 'error';
      this.announcement = this.phase === 'not-found' ? this.notFoundHeading() : this.errorMessage();
    }
  }

  private retry(): void {
    void this.load();
    void this.focusHeading();
  }

  private notFoundHeading(): string {
    return msg('Initiatief niet gevonden', { id: 'initiative-not-found-heading' });
  }

  private errorMessage(): string {
    return problemMessage(this.errorCode, msg('Het laden van dit initiatief is niet gelukt. Probeer het opnieuw.', { id: 'problem-initiative' }));
  }

  private renderHeading() {
    switch (this.phase) {
      case 'loading':
        return html`<span class="visually-hidden">${msg('Initiatief laden…', { id: 'initiative-loading' })}</span>`;
      case 'not-found':
        return this.notFoundHeading();
      case 'error':
        return msg('Initiatief niet geladen', { id: 'initiative-error-heading' });
      case 'ready':
        return this.detail!.title;
    }
  }

  private renderSkeleton() {
    return html`<div part="skeleton" class="base skeleton" aria-hidden="true">
      <div class="line bone"></div>
      <div class="line short bone"></div>
      <div class="line short bone"></div>
      <div class="line bone"></div>
      <div class="line bone"></div>
      <div class="line bone"></div>
    </div>`;
  }

  private renderList<T extends string>(part: string, items: readonly T[], label: (item: T) => string) {
    return html`<ul part="${part}s" class="tags">
      ${items.map((item) => html`<li part="${part}" class="tag">${label(item)}</li>`)}
    </ul>`;
  }

  private renderDetail(detail: InitiativeDetail) {
    return html`<p part="summary" class="summary">${detail.summary}</p>
      <dl part="facts" class="facts">
        <div>
          <dt>${msg('Status', { id: 'label-status' })}</dt>
          <dd><span part="status status-${detail.status}" class="status">${initiativeStatusLabel(detail.status)}</span></dd>
        </div>
        <div>
          <dt>${msg('Buurt', { id: 'label-neighbourhood' })}</dt>
          <dd part="neighbourhood">${detail.neighbourhood.name}</dd>
        </div>
        ${detail.themes.length
          ? html`<div>
              <dt>${msg("Thema's", { id: 'label-themes' })}</dt>
              <dd>${this.renderList('theme', detail.themes, initiativeThemeLabel)}</dd>
            </div>`
          : nothing}
        ${detail.needs.length
          ? html`<div>
              <dt>${msg('Nodig', { id: 'label-needs' })}</dt>
              <dd>${this.renderList('need', detail.needs, initiativeNeedLabel)}</dd>
            </div>`
          : nothing}
      </dl>
      <p part="owner" class="meta">${msg(str`Initiatiefnemer: ${detail.owner.displayName}`, { id: 'initiative-owner' })}</p>
      <p part="counts" class="meta">
        <span part="supporters">${supportersLabel(detail.supporterCount, this.locale.number(detail.supporterCount))}</span>
        <span aria-hidden="true">·</span>
        <span part="members">${membersLabel(detail.memberCount, this.locale.number(detail.memberCount))}</span>
      </p>
      <p part="created" class="meta">${msg(str`Gestart op ${formatDate(this.locale, detail.createdAt)}`, { id: 'initiative-created' })}</p>
      <slot name="actions"></slot>
      <div part="body" class="body">${paragraphs(detail.body).map((paragraph) => html`<p>${paragraph}</p>`)}</div>
      ${this.plugins.render(detail, this.locale.intl)}
      <buurt-initiative-actions part="actions" site=${this.source().site ?? ''} api=${this.source().api} .detail=${detail} @changed=${this.refresh}></buurt-initiative-actions>
      <slot name="offers"></slot>
      ${detail.threadId
        ? html`<buurt-discussion part="discussion" site=${this.source().site ?? ''} api=${this.source().api} thread=${detail.threadId}></buurt-discussion>`
        : nothing}
      <slot name="discussion"></slot>`;
  }

  private renderState() {
    switch (this.phase) {
      case 'loading':
        return this.renderSkeleton();
      case 'not-found':
        return html`<p part="not-found" class="message">
          ${msg('Dit initiatief staat niet (meer) op deze site. Misschien is het verwijderd, of is de link niet compleet.', {
            id: 'initiative-not-found',
          })}
        </p>`;
      case 'error':
        return html`<div part="error" class="message error">
          <p>${this.errorMessage()}</p>
          <button part="button retry-button" class="button" type="button" @click=${this.retry}>${msg('Opnieuw proberen', { id: 'retry' })}</button>
        </div>`;
      case 'ready':
        return this.renderDetail(this.detail!);
    }
  }

  override render() {
    const loading = this.phase === 'loading';
    return html`<article part="base" class="base" aria-busy=${loading ? 'true' : 'false'}>
      <h2 part="heading" class="heading ${loading ? 'bone' : ''}" tabindex="-1">${this.renderHeading()}</h2>
      ${this.renderState()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buurt-initiative': BuurtInitiative;
  }
}
