import { html, nothing, type PropertyDeclarations } from 'lit';
import { msg, str } from '@lit/localize';
import type { Professional } from '@buurtplein/sdk/contract';
import { BuurtElement } from '../../buurt-element.js';
import { organisationKindLabel } from '../../labels/help-offer.js';
import { problemMessage } from '../../labels/problem-message.js';
import { LocaleController } from '../../locale.js';
import { PagedList } from '../../paged-list.js';
import { listError, listSkeleton, moreButton } from '../../paged-list-view.js';
import { siteSession } from '../../session/site-session.js';
import { styles } from './buurt-professionals.styles.js';

/** Cards of the placeholder: a row of three on a wide page, which the directory of a few neighbourhoods often fills. */
const SKELETON_CARDS = 3;

/** Lines of a card's placeholder: job, badge, topics, where, and an introduction of five lines. */
const SKELETON_LINES = 11;

const listFormats = new Map<string, Intl.ListFormat>();

/** Names joined as a sentence in `locale`: `Bloemenbuurt, Havenkwartier en De Akkers`. */
function joined(locale: string, names: string[]): string {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return format.format(names);
}

/**
 * The professionals who help residents in the site's neighbourhoods (or in one of them), by
 * name: each with their job, a badge with their organisation, what they help with, where they
 * are active and their own introduction, so residents see whom they can ask. Shows a skeleton
 * while loading, an empty state, an error with a retry, and "Meer tonen" for the next page.
 * Text is always shown as text.
 *
 * @example
 * <buurt-professionals neighbourhood="BU05990102"></buurt-professionals>
 *
 * @tagname buurt-professionals
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart list - The list of professionals.
 * @csspart skeleton - The placeholder list shown while loading.
 * @csspart professional - One professional.
 * @csspart name - Their name (a heading).
 * @csspart job-title - Their job.
 * @csspart badge - Their organisation and its kind (municipality, housing corporation, welfare, partner).
 * @csspart expertise - The list of what they help with; each item is `topic`.
 * @csspart topic - One thing they help with.
 * @csspart neighbourhoods - Where they are active.
 * @csspart bio - Their introduction.
 * @csspart empty - The message shown when nobody is listed.
 * @csspart error - The message and retry button shown when loading failed.
 * @csspart button - Every button; also `retry-button` and `more-button`.
 * @csspart retry-button - "Opnieuw proberen", shown when loading failed.
 * @csspart more-button - "Meer tonen".
 *
 * @cssprop --buurt-font-family - Text font; falls back to `--utrecht-document-font-family`.
 * @cssprop --buurt-font-size - Base text size; falls back to `--utrecht-document-font-size`.
 * @cssprop --buurt-font-size-title - Size of the names.
 * @cssprop --buurt-color-text - Text colour; falls back to `--utrecht-document-color`.
 * @cssprop --buurt-color-text-muted - Secondary text colour; falls back to `--utrecht-document-color`.
 * @cssprop --buurt-color-primary - Badges, buttons and accents; falls back to `--utrecht-link-color`.
 * @cssprop --buurt-color-on-primary - Text on the primary colour; falls back to `--utrecht-button-primary-action-color`.
 * @cssprop --buurt-color-surface - Background of the cards; falls back to `--utrecht-document-background-color`.
 * @cssprop --buurt-color-border - Borders of the cards.
 * @cssprop --buurt-color-focus - Focus outline; falls back to `--utrecht-focus-outline-color`.
 * @cssprop --buurt-radius - Corner radius; falls back to `--utrecht-border-radius`.
 * @cssprop --buurt-space - Padding and gaps.
 */
export class BuurtProfessionals extends BuurtElement {
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    neighbourhood: {},
    expertise: {},
    limit: { type: Number },
    announcement: { state: true },
  };

  /** Show only who is active in this neighbourhood: an id or a CBS code such as `BU05990101`. */
  neighbourhood?: string;

  /** Show only who helps with this, e.g. `vergunningen` (matched whole, regardless of case). */
  expertise?: string;

  /** Professionals per page, 1 to 50. */
  limit = 6;

  private announcement = '';
  private shownKey?: string;
  private readonly list = new PagedList<Professional>(this);
  private readonly locale = new LocaleController(this);

  override willUpdate(): void {
    const { site, api } = this.source();
    const key = `${api} ${site} ${this.neighbourhood} ${this.expertise} ${this.limit}`;
    if (key !== this.shownKey) {
      this.shownKey = key;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const { site, api } = this.source();
    const query = {
      ...(this.neighbourhood ? { neighbourhood: this.neighbourhood } : {}),
      ...(this.expertise ? { expertise: this.expertise } : {}),
      limit: Math.min(Math.max(Math.trunc(this.limit) || 6, 1), 50),
    };
    const shown = await this.list.load((cursor) => {
      if (!site) throw Object.assign(new Error('Set data-site on the script tag or site on <buurt-professionals>.'), { code: 'missing-site' });
      return siteSession(site, api).client.professionals.list(cursor ? { ...query, cursor } : query);
    });
    if (shown) this.announcement = this.countMessage(this.list.items.length);
    else if (this.list.phase === 'error') this.announcement = this.errorMessage();
  }

  private async more(): Promise<void> {
    const added = await this.list.more();
    this.announcement =
      added === null
        ? msg('Het laden van meer professionals is niet gelukt. Probeer het opnieuw.', { id: 'professionals-more-failed' })
        : added === 1
          ? msg('1 professional toegevoegd.', { id: 'professionals-added-one' })
          : msg(str`${this.locale.number(added)} professionals toegevoegd.`, { id: 'professionals-added' });
  }

  private countMessage(count: number): string {
    if (count === 0) return this.emptyMessage();
    return count === 1
      ? msg('1 professional gevonden.', { id: 'professionals-found-one' })
      : msg(str`${this.locale.number(count)} professionals gevonden.`, { id: 'professionals-found' });
  }

  private emptyMessage(): string {
    if (this.expertise) return msg(str`Er is hier nog niemand die helpt met ${this.expertise}.`, { id: 'professionals-empty-expertise' });
    if (this.neighbourhood) return msg('Er is in deze buurt nog geen professional actief.', { id: 'professionals-empty-neighbourhood' });
    return msg('Er is hier nog geen professional actief.', { id: 'professionals-empty' });
  }

  private errorMessage(): string {
    return problemMessage(this.list.errorCode, msg('Het laden van de professionals is niet gelukt. Probeer het opnieuw.', { id: 'professionals-load-failed' }));
  }

  private renderProfessional(pro: Professional) {
    const organisation = pro.organisation;
    return html`<li part="professional" class="item">
      <h3 part="name" class="title">${pro.displayName}</h3>
      ${pro.jobTitle ? html`<p part="job-title" class="meta">${pro.jobTitle}</p>` : nothing}
      <p part="badge" class="badge">${msg(str`${organisationKindLabel(organisation.kind)}: ${organisation.name}`, { id: 'professionals-badge' })}</p>
      ${pro.expertise.length
        ? html`<p class="label" id="helps-${pro.id}">${msg('Helpt met', { id: 'professionals-helps-with' })}</p>
            <ul part="expertise" class="tags" aria-labelledby="helps-${pro.id}">
              ${pro.expertise.map((topic) => html`<li part="topic" class="tag">${topic}</li>`)}
            </ul>`
        : nothing}
      ${pro.neighbourhoods.length
        ? html`<p part="neighbourhoods" class="meta">
            ${msg(str`Actief in ${joined(this.locale.intl, pro.neighbourhoods.map((n) => n.name))}`, { id: 'professionals-active-in' })}
          </p>`
        : nothing}
      ${pro.bio ? html`<p part="bio" class="bio">${pro.bio}</p>` : nothing}
    </li>`;
  }

  private renderState() {
    const list = this.list;
    if (list.phase === 'loading') return listSkeleton(msg('Professionals laden…', { id: 'professionals-loading' }), Math.min(this.limit, SKELETON_CARDS), SKELETON_LINES);
    if (list.phase === 'error') return listError(this.errorMessage(), () => void this.load());
    if (!list.items.length) return html`<p part="empty" class="message">${this.emptyMessage()}</p>`;
    return html`<ul part="list" class="items cards" role="list">${list.items.map((pro) => this.renderProfessional(pro))}</ul>
      ${moreButton(list, () => this.more())}`;
  }

  override render() {
    return html`<div part="base" class="base" aria-busy=${this.list.phase === 'loading' ? 'true' : 'false'}>
      ${this.renderState()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buurt-professionals': BuurtProfessionals;
  }
}
