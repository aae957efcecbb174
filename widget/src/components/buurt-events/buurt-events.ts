import { html, nothing, type PropertyDeclarations } from 'lit';
import { msg, str } from '@lit/localize';
import type { Event as Meeting, RsvpStatus } from '@buurtplein/sdk/contract';
import { BuurtElement } from '../../buurt-element.js';
import { routeHref } from '../../deep-link.js';
import { loadElement } from '../../element-chunks.js';
import { fire } from '../../events.js';
import { problemMessage } from '../../labels/problem-message.js';
import { writeProblemMessage } from '../../labels/write-problem.js';
import { LocaleController } from '../../locale.js';
import { PagedList } from '../../paged-list.js';
import { problemCode } from '../../problem-code.js';
import { SessionController } from '../../session/session-controller.js';
import { siteSession } from '../../session/site-session.js';
import { followInitiativeLink, listError, listSkeleton, moreButton } from '../../paged-list-view.js';
import { styles } from './buurt-events.styles.js';

/** Meetings are held in Dutch neighbourhoods: their times are shown in Dutch time, wherever the reader is. */
const TIME_ZONE = 'Europe/Amsterdam';

/** Meetings on the first page: what a first screen holds. The skeleton shows as many. */
const DEFAULT_LIMIT = 4;

/** Lines of a meeting's placeholder: when, place, initiative, count and two of description. */
const SKELETON_LINES = 6;

const formats = new Map<string, Intl.DateTimeFormat>();

/** When a meeting is, in `locale`: e.g. `zaterdag 5 december 2026, 10:00–13:00`, or only its start when it has no end. */
function whenText(locale: string, meeting: Meeting): string {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: TIME_ZONE })));
  const start = new Date(meeting.startsAt);
  return meeting.endsAt ? format.formatRange(start, new Date(meeting.endsAt)) : format.format(start);
}

/**
 * The coming meetings of the site's neighbourhoods, soonest first: or of one neighbourhood, or of
 * one initiative. Each shows its title, date and time (in the page's language, Dutch time), place
 * or online link, how many are coming, and the initiative it belongs to, linked to the
 * initiative's deep link on this page (a plain click fires `buurt-initiative-selected` first, as
 * in `<buurt-initiatives>`). A signed-in resident says whether they come; a signed-out one is
 * offered the sign-in. Shows a skeleton while loading, an empty state, an error with a retry, and
 * "Meer tonen" for the next page. Text is always shown as text.
 *
 * @example
 * <buurt-events neighbourhood="BU05990102" limit="3"></buurt-events>
 *
 * @tagname buurt-events
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart list - The list of meetings.
 * @csspart skeleton - The placeholder list shown while loading.
 * @csspart event - One meeting.
 * @csspart title - The meeting's title (a heading).
 * @csspart when - Its date and time.
 * @csspart place - Where it is, and the link to join online.
 * @csspart initiative - The initiative it belongs to, or its neighbourhood.
 * @csspart initiative-link - The link to the initiative.
 * @csspart attendees - How many are coming (and how many places there are).
 * @csspart description - What the meeting is about.
 * @csspart rsvp - The buttons to say whether you come.
 * @csspart empty - The message shown when no meeting is planned.
 * @csspart error - The message and retry button shown when loading failed.
 * @csspart button - Every button; also `retry-button`, `more-button` and `rsvp-button`.
 * @csspart retry-button - "Opnieuw proberen", shown when loading failed.
 * @csspart more-button - "Meer tonen".
 * @csspart rsvp-button - Each button to say whether you come.
 *
 * @cssprop --buurt-font-family - Text font; falls back to `--utrecht-document-font-family`.
 * @cssprop --buurt-font-size - Base text size; falls back to `--utrecht-document-font-size`.
 * @cssprop --buurt-font-size-title - Size of the meetings' titles.
 * @cssprop --buurt-color-text - Text colour; falls back to `--utrecht-document-color`.
 * @cssprop --buurt-color-text-muted - Secondary text colour; falls back to `--utrecht-document-color`.
 * @cssprop --buurt-color-primary - Buttons, links and accents; falls back to `--utrecht-link-color`.
 * @cssprop --buurt-color-on-primary - Text on the primary colour; falls back to `--utrecht-button-primary-action-color`.
 * @cssprop --buurt-color-surface - Background of the meetings; falls back to `--utrecht-document-background-color`.
 * @cssprop --buurt-color-border - Borders of the meetings.
 * @cssprop --buurt-color-focus - Focus outline; falls back to `--utrecht-focus-outline-color`.
 * @cssprop --buurt-radius - Corner radius; falls back to `--utrecht-border-radius`.
 * @cssprop --buurt-space - Padding and gaps.
 * @cssprop --buurt-color-error - Colour of error messages.
 * @cssprop --buurt-font-size-heading - Size of the headings in the sign-in prompt.
 *
 * @fires {CustomEvent<InitiativeSelectedDetail>} buurt-initiative-selected - A resident chose a
 * meeting's initiative; cancel it to keep the link from navigating.
 * @fires {CustomEvent<Record<string, never>>} buurt-sign-in-requested - A signed-out resident wants to say they come;
 * cancel it to show your own sign-in, otherwise the element shows the sign-in screens itself.
 */
export class BuurtEvents extends BuurtElement {
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    neighbourhood: {},
    initiative: {},
    limit: { type: Number },
    answers: { state: true },
    busy: { state: true },
    notice: { state: true },
    signInShown: { state: true },
    announcement: { state: true },
  };

  /** Show only this neighbourhood's meetings: an id or a CBS code such as `BU05990101`. */
  neighbourhood?: string;

  /** Show only this initiative's meetings: its id. */
  initiative?: string;

  /** Meetings per page, 1 to 50. */
  limit = DEFAULT_LIMIT;

  /** What the resident answered on this page, by meeting id. */
  private answers = new Map<string, RsvpStatus>();
  private busy = false;
  /** The result of the last answer, shown under its meeting. */
  private notice?: { id: string; text: string };
  private signInShown = false;
  private announcement = '';
  private shownKey?: string;
  private readonly list = new PagedList<Meeting>(this);
  private readonly locale = new LocaleController(this);
  private readonly auth = new SessionController(this, () => this.source());

  override willUpdate(): void {
    const { site, api } = this.source();
    const key = `${api} ${site} ${this.neighbourhood} ${this.initiative} ${this.limit}`;
    if (key !== this.shownKey) {
      this.shownKey = key;
      void this.load();
    }
  }

  private get client() {
    const { site, api } = this.source();
    return siteSession(site!, api).client;
  }

  private async load(): Promise<void> {
    const { site } = this.source();
    const query = {
      ...(this.neighbourhood ? { neighbourhood: this.neighbourhood } : {}),
      ...(this.initiative ? { initiative: this.initiative } : {}),
      limit: Math.min(Math.max(Math.trunc(this.limit) || DEFAULT_LIMIT, 1), 50),
    };
    this.answers = new Map();
    this.notice = undefined;
    const shown = await this.list.load((cursor) => {
      if (!site) throw Object.assign(new Error('Set data-site on the script tag or site on <buurt-events>.'), { code: 'missing-site' });
      return this.client.events.list(cursor ? { ...query, cursor } : query);
    });
    if (shown) this.announcement = this.countMessage(this.list.items.length);
    else if (this.list.phase === 'error') this.announcement = this.errorMessage();
  }

  private async more(): Promise<void> {
    const added = await this.list.more();
    this.announcement =
      added === null
        ? msg('Het laden van meer bijeenkomsten is niet gelukt. Probeer het opnieuw.', { id: 'events-more-failed' })
        : this.countMessage(added, true);
  }

  private requestSignIn(): void {
    if (!fire(this, 'buurt-sign-in-requested', {})) return;
    this.signInShown = true;
    void loadElement('buurt-sign-in').then(async () => {
      await this.updateComplete;
      await this.renderRoot.querySelector('buurt-sign-in')?.focusHeading();
    });
  }

  /** Says whether the resident comes, then shows the meeting's new count. */
  private async rsvp(meeting: Meeting, status: RsvpStatus): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    let text: string;
    try {
      await this.client.events.rsvp(meeting.id, { status });
      this.answers = new Map(this.answers).set(meeting.id, status);
      text =
        status === 'going'
          ? msg(str`Fijn! U staat op de lijst voor "${meeting.title}".`, { id: 'actions-rsvp-going' })
          : msg(str`U heeft laten weten dat u niet komt naar "${meeting.title}".`, { id: 'actions-rsvp-not-going' });
      this.client.events.get(meeting.id).then(
        (changed) => this.list.replace(changed, (shown) => shown.id === changed.id),
        // The count stays as it was; the answer itself was saved.
        () => {},
      );
    } catch (error) {
      text = writeProblemMessage(problemCode(error));
    } finally {
      this.busy = false;
    }
    this.notice = { id: meeting.id, text };
    this.announcement = text;
  }

  private countMessage(count: number, added = false): string {
    if (count === 0 && !added) return this.emptyMessage();
    if (added) {
      return count === 1
        ? msg('1 bijeenkomst toegevoegd.', { id: 'events-added-one' })
        : msg(str`${this.locale.number(count)} bijeenkomsten toegevoegd.`, { id: 'events-added' });
    }
    return count === 1 ? msg('1 bijeenkomst gevonden.', { id: 'events-found-one' }) : msg(str`${this.locale.number(count)} bijeenkomsten gevonden.`, { id: 'events-found' });
  }

  private emptyMessage(): string {
    if (this.initiative) return msg('Dit initiatief heeft nog geen bijeenkomst gepland.', { id: 'events-empty-initiative' });
    if (this.neighbourhood) return msg('Er staat in deze buurt nog geen bijeenkomst gepland.', { id: 'events-empty-neighbourhood' });
    return msg('Er staat nog geen bijeenkomst gepland.', { id: 'events-empty' });
  }

  private errorMessage(): string {
    return problemMessage(this.list.errorCode, msg('Het laden van de bijeenkomsten is niet gelukt. Probeer het opnieuw.', { id: 'events-load-failed' }));
  }

  private renderAttendees(meeting: Meeting) {
    if (meeting.capacity) {
      return msg(str`${this.locale.number(meeting.attendeeCount)} van ${this.locale.number(meeting.capacity)} plekken bezet`, { id: 'actions-meeting-capacity' });
    }
    return meeting.attendeeCount === 1
      ? msg('1 aanmelding', { id: 'events-attendee' })
      : msg(str`${this.locale.number(meeting.attendeeCount)} aanmeldingen`, { id: 'events-attendees' });
  }

  private renderRsvp(meeting: Meeting) {
    if (!this.auth.session?.user) return nothing;
    const answer = this.answers.get(meeting.id);
    const button = (status: RsvpStatus, label: string) =>
      html`<button
        part="button rsvp-button"
        class="button ${status === 'going' ? '' : 'secondary'}"
        type="button"
        aria-pressed=${answer === status ? 'true' : 'false'}
        aria-disabled=${this.busy ? 'true' : 'false'}
        @click=${() => this.rsvp(meeting, status)}
      >
        ${answer === status ? html`<span aria-hidden="true">✓</span>` : nothing} ${label}
      </button>`;
    return html`<div part="rsvp" class="actions" role="group" aria-labelledby="t-${meeting.id}">
      ${button('going', msg('Ik kom', { id: 'events-rsvp-going' }))} ${button('not_going', msg('Ik kom niet', { id: 'actions-rsvp-no' }))}
    </div>`;
  }

  private renderMeeting(meeting: Meeting) {
    const notice = this.notice?.id === meeting.id ? this.notice.text : '';
    return html`<li part="event" class="item">
      <h3 part="title" class="title" id="t-${meeting.id}">${meeting.title}</h3>
      <p part="when" class="when"><time datetime=${meeting.startsAt}>${whenText(this.locale.intl, meeting)}</time></p>
      ${meeting.location || meeting.onlineUrl
        ? html`<p part="place">
            ${meeting.location ?? ''}
            ${meeting.onlineUrl
              ? html`${meeting.location ? html`<span aria-hidden="true">·</span>` : nothing}
                  <a href=${meeting.onlineUrl} rel="noopener noreferrer">${msg('Online meedoen', { id: 'actions-meeting-online' })}</a>`
              : nothing}
          </p>`
        : nothing}
      <p part="initiative" class="meta">
        ${meeting.initiative
          ? html`${msg('Initiatief:', { id: 'events-initiative' })}
              <a part="initiative-link" href=${routeHref({ view: 'initiative', id: meeting.initiative.id })}>${meeting.initiative.title}</a>
              <span aria-hidden="true">·</span> ${meeting.neighbourhood.name}`
          : msg(str`Buurtbijeenkomst in ${meeting.neighbourhood.name}`, { id: 'events-neighbourhood-meeting' })}
      </p>
      <p part="attendees" class="meta">${this.renderAttendees(meeting)}</p>
      ${meeting.description ? html`<p part="description" class="description">${meeting.description}</p>` : nothing}
      ${this.renderRsvp(meeting)}
      ${notice ? html`<p class="notice">${notice}</p>` : nothing}
    </li>`;
  }

  private renderSignIn() {
    const session = this.auth.session;
    if (session?.signedIn || !this.list.items.length) return nothing;
    const { site, api } = this.source();
    return html`<div class="sign-in stack">
      <p>${msg('Log in om te laten weten of u komt.', { id: 'events-sign-in-hint' })}</p>
      ${this.signInShown
        ? html`<buurt-sign-in site=${site ?? ''} api=${api} @buurt-user-signed-in=${() => (this.signInShown = false)}></buurt-sign-in>`
        : html`<div class="actions"><button part="button" class="button secondary" type="button" @click=${this.requestSignIn}>${msg('Inloggen', { id: 'sign-in' })}</button></div>`}
    </div>`;
  }

  private renderState() {
    const list = this.list;
    if (list.phase === 'loading') return listSkeleton(msg('Bijeenkomsten laden…', { id: 'events-loading' }), Math.min(this.limit, DEFAULT_LIMIT), SKELETON_LINES);
    if (list.phase === 'error') return listError(this.errorMessage(), () => void this.load());
    if (!list.items.length) return html`<p part="empty" class="message">${this.emptyMessage()}</p>`;
    return html`<ul part="list" class="items" role="list" @click=${followInitiativeLink}>
        ${list.items.map((meeting) => this.renderMeeting(meeting))}
      </ul>
      ${moreButton(list, () => this.more())} ${this.renderSignIn()}`;
  }

  override render() {
    return html`<div part="base" class="stack" aria-busy=${this.list.phase === 'loading' ? 'true' : 'false'}>
      ${this.renderState()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buurt-events': BuurtEvents;
  }
}
