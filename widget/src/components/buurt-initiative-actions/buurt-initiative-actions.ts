import { html, nothing, type PropertyDeclarations } from 'lit';
import { msg, str } from '@lit/localize';
import type { FollowFrequency, Event as Meeting, HelpOffer, HelpOfferKind, InitiativeDetail, InitiativeStatus, UpdateInitiativeRequest } from '@buurtplein/sdk/contract';
import { BuurtElement } from '../../buurt-element.js';
import { formatDate, formatDateTime } from '../../dates.js';
import { Draft } from '../../drafts.js';
import { loadElement } from '../../element-chunks.js';
import { fire } from '../../events.js';
import { nextStatuses } from '../../initiative-transitions.js';
import { HELP_OFFER_KINDS, helpOfferKindLabel, helpOfferStatusLabel, organisationKindLabel } from '../../labels/help-offer.js';
import { initiativeStatusLabel } from '../../labels/initiative-status.js';
import { writeProblemMessage } from '../../labels/write-problem.js';
import { LocaleController } from '../../locale.js';
import { problemCode } from '../../problem-code.js';
import { SessionController } from '../../session/session-controller.js';
import { TextPost } from '../../text-post.js';
import { styles } from './buurt-initiative-actions.styles.js';

/** The initiative's texts as an organiser edits them, kept as a draft until saved. */
interface EditDraft {
  title: string;
  summary: string;
  body: string;
}
type EditField = keyof EditDraft;

const FOLLOW_FREQUENCIES: readonly FollowFrequency[] = ['immediate', 'daily', 'weekly'];

function followFrequencyLabel(frequency: FollowFrequency): string {
  switch (frequency) {
    case 'immediate':
      return msg('Meteen bij elk nieuws', { id: 'actions-follow-immediate' });
    case 'daily':
      return msg('Eén keer per dag', { id: 'actions-follow-daily' });
    case 'weekly':
      return msg('Eén keer per week', { id: 'actions-follow-weekly' });
  }
}

/**
 * What people do with an initiative, under its text: support, follow by e-mail (immediately,
 * daily or weekly) and join (or leave); for its organisers, edit the title, summary and plan
 * (kept as a draft until saved), change the status and post an update; the timeline of updates; help offered by
 * professionals — visible to everyone with organisation and badge — with the offer form for
 * professionals and accept/decline for the owner; and the coming meetings with an RSVP. Each
 * result is said plainly in a live region; after a change the element fires `changed` (not
 * composed) so the initiative can load its new state.
 *
 * Rendered by `<buurt-initiative>`; give it the initiative as `.detail`.
 *
 * @tagname buurt-initiative-actions
 *
 * @csspart button - Every button.
 *
 * @cssprop --buurt-font-size-heading - Size of the headings.
 * @cssprop --buurt-color-error - Colour of error messages and of fields with an error.
 *
 * @fires {Event} changed - The resident changed the initiative (support, membership, edit, status, update,
 * offer or RSVP); not composed: for the `<buurt-initiative>` around it, which loads it again.
 * @fires {CustomEvent<InitiativeSupportedDetail>} buurt-initiative-supported - A resident supported the initiative.
 * @fires {CustomEvent<InitiativeSupportedDetail>} buurt-initiative-unsupported - A resident took their support back.
 * @fires {CustomEvent<OfferAcceptedDetail>} buurt-offer-accepted - The owner accepted an offer of help.
 * @fires {CustomEvent<Record<string, never>>} buurt-sign-in-requested - A signed-out resident wants to take part.
 */
export class BuurtInitiativeActions extends BuurtElement {
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    detail: { attribute: false },
    busy: { state: true },
    message: { state: true },
    signInShown: { state: true },
    following: { state: true },
    frequency: { state: true },
    editing: { state: true },
    edit: { state: true },
    editErrors: { state: true },
    editProblem: { state: true },
  };

  /** The initiative, as its page loaded it (with `viewer` when signed in). */
  detail?: InitiativeDetail;

  private busy = false;
  /** The last result or problem, shown next to the actions and said by the live region. */
  private message = '';
  private signInShown = false;
  private updatePost?: TextPost;
  private offer?: TextPost;
  private postsFor?: string;
  /** Whether the signed-in resident follows the initiative; undefined until their follows are read. */
  private following?: boolean;
  private frequency: FollowFrequency = 'immediate';
  /** The user and initiative whose follow state was read: another of either reads it again. */
  private followsFor?: string;
  private editing = false;
  private edit: EditDraft = { title: '', summary: '', body: '' };
  private editErrors: Partial<Record<EditField, string>> = {};
  private editProblem = '';
  private editDraft?: Draft<EditDraft>;
  private readonly locale = new LocaleController(this);
  private readonly auth = new SessionController(this, () => this.source());

  /** Says `message` (the live region under the actions). */
  announce(message: string): void {
    this.message = message;
  }

  override willUpdate(): void {
    const { site } = this.source();
    const id = this.detail?.id;
    if (site && id && this.postsFor !== id) {
      this.postsFor = id;
      this.updatePost = new TextPost(this, new Draft(site, `update:${id}`));
      this.offer = new TextPost(this, new Draft(site, `offer:${id}`));
      this.editDraft = new Draft(site, `edit:${id}`);
      this.editing = this.editDraft.load() !== null;
      if (this.editing) this.edit = this.editDraft.load()!;
    }
    const user = this.auth.session?.signedIn ? this.auth.session.user : undefined;
    const followsKey = user && id ? `${user.id} ${id}` : undefined;
    if (followsKey !== this.followsFor) {
      this.followsFor = followsKey;
      this.following = undefined;
      if (followsKey && id) void this.readFollow(followsKey, id);
    }
  }

  /** Reads whether the resident follows the initiative; the API lists follows, it has no single lookup. */
  private async readFollow(key: string, id: string): Promise<void> {
    let found: { frequency: FollowFrequency } | undefined;
    try {
      for await (const follow of this.client.me.follows.all({ limit: 50 })) {
        if (follow.targetType === 'initiative' && follow.targetId === id) {
          found = follow;
          break;
        }
      }
    } catch {
      // Unknown: the button offers to follow, which sets the follow whatever it was.
    }
    if (key !== this.followsFor) return;
    this.following = !!found;
    if (found) this.frequency = found.frequency;
  }

  private get client() {
    return this.auth.session!.client;
  }

  private changed(): void {
    this.dispatchEvent(new Event('changed'));
  }

  /**
   * Runs one action; says `done` when it worked, the problem in plain language when not. An action
   * that `changes` the initiative makes it load again.
   */
  private async act(action: () => Promise<unknown>, done: string, changes = true): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    try {
      await action();
      this.message = done;
      if (changes) this.changed();
      return true;
    } catch (error) {
      this.message = writeProblemMessage(problemCode(error));
      return false;
    } finally {
      this.busy = false;
    }
  }

  private requestSignIn(): void {
    if (!fire(this, 'buurt-sign-in-requested', {})) return;
    this.signInShown = true;
    void loadElement('buurt-sign-in').then(async () => {
      await this.updateComplete;
      await this.renderRoot.querySelector('buurt-sign-in')?.focusHeading();
    });
  }

  private toggleSupport(detail: InitiativeDetail): void {
    const supports = detail.viewer?.supports;
    let supporterCount = detail.supporterCount;
    void this.act(
      async () => {
        ({ supporterCount } = await (supports ? this.client.initiatives.unsupport(detail.id) : this.client.initiatives.support(detail.id)));
      },
      supports ? msg('U steunt dit initiatief niet meer.', { id: 'actions-unsupported' }) : msg('Bedankt! U steunt dit initiatief.', { id: 'actions-supported' }),
    ).then((ok) => {
      if (ok) fire(this, supports ? 'buurt-initiative-unsupported' : 'buurt-initiative-supported', { id: detail.id, supporterCount });
    });
  }

  /** Following sends e-mail about the initiative; it changes nothing the initiative shows. */
  private toggleFollow(detail: InitiativeDetail): void {
    const follow = !this.following;
    const frequency = this.frequency;
    void this.act(
      () =>
        follow
          ? this.client.follows.follow('initiative', detail.id, { frequency, locale: this.locale.intl.startsWith('en') ? 'en' : 'nl' })
          : this.client.follows.unfollow('initiative', detail.id),
      follow
        ? msg(str`U volgt dit initiatief. E-mail: ${followFrequencyLabel(frequency)}.`, { id: 'actions-followed' })
        : msg('U volgt dit initiatief niet meer. U krijgt er geen e-mail meer over.', { id: 'actions-unfollowed' }),
      false,
    ).then((ok) => {
      if (ok) this.following = follow;
    });
  }

  /** A new frequency for a follow that stands is sent at once; before following it waits for "Volgen". */
  private onFrequency(event: Event, detail: InitiativeDetail): void {
    const frequency = (event.target as HTMLSelectElement).value as FollowFrequency;
    const before = this.frequency;
    this.frequency = frequency;
    if (!this.following) return;
    void this.act(
      () => this.client.follows.follow('initiative', detail.id, { frequency }),
      msg(str`Gewijzigd. E-mail over dit initiatief: ${followFrequencyLabel(frequency)}.`, { id: 'actions-follow-frequency-changed' }),
      false,
    ).then((ok) => {
      if (!ok) this.frequency = before;
    });
  }

  private startEdit(detail: InitiativeDetail): void {
    this.edit = { title: detail.title, summary: detail.summary, body: detail.body };
    this.editErrors = {};
    this.editProblem = '';
    this.editing = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#edit-title')?.focus());
  }

  private cancelEdit(): void {
    this.editDraft?.clear();
    this.editing = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#edit-open')?.focus());
  }

  private onEditInput(field: EditField, event: Event): void {
    this.edit = { ...this.edit, [field]: (event.target as HTMLInputElement | HTMLTextAreaElement).value };
    this.editDraft?.save(this.edit);
    if (this.editErrors[field]) this.editErrors = { ...this.editErrors, [field]: undefined };
  }

  private async saveEdit(event: Event, detail: InitiativeDetail): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const value = { title: this.edit.title.trim(), summary: this.edit.summary.trim(), body: this.edit.body.trim() };
    const errors: Partial<Record<EditField, string>> = {};
    if (value.title.length < 3) errors.title = msg('Geef uw initiatief een titel van minstens 3 tekens.', { id: 'start-error-title' });
    if (!value.summary) errors.summary = msg('Vat uw idee samen in een of twee zinnen.', { id: 'start-error-summary' });
    this.editErrors = errors;
    const first = (['title', 'summary'] as const).find((field) => errors[field]);
    if (first) {
      this.message = msg('Niet alles is goed ingevuld. Kijk bij de velden met een melding.', { id: 'start-errors' });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#edit-${first}`)?.focus();
      return;
    }
    // Only what changed is sent, so an edit does not overwrite a co-organiser's change to another text.
    const changes: UpdateInitiativeRequest = {};
    if (value.title !== detail.title) changes.title = value.title;
    if (value.summary !== detail.summary) changes.summary = value.summary;
    if (value.body !== detail.body) changes.body = value.body;
    if (!Object.keys(changes).length) {
      this.message = msg('Er is niets gewijzigd.', { id: 'actions-edit-unchanged' });
      return;
    }
    this.busy = true;
    this.editProblem = '';
    this.message = msg('Bezig met opslaan…', { id: 'actions-edit-saving' });
    try {
      await this.client.initiatives.update(detail.id, changes, { idempotencyKey: this.editDraft!.postKey(value) });
      this.editDraft!.clear();
      this.editing = false;
      this.message = msg('Uw wijzigingen zijn opgeslagen.', { id: 'actions-edit-saved' });
      this.changed();
    } catch (error) {
      this.editProblem = writeProblemMessage(problemCode(error));
      this.message = this.editProblem;
    } finally {
      this.busy = false;
    }
  }

  private join(detail: InitiativeDetail): void {
    void this.act(() => this.client.initiatives.members.join(detail.id), msg('U doet mee! De organisatoren zien dat u meedoet.', { id: 'actions-joined' }));
  }

  private leave(detail: InitiativeDetail): void {
    void this.act(() => this.client.initiatives.members.leave(detail.id), msg('U doet niet meer mee met dit initiatief.', { id: 'actions-left' }));
  }

  private changeStatus(event: Event, detail: InitiativeDetail): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const status = (form.elements.namedItem('status') as HTMLSelectElement).value as InitiativeStatus;
    const note = (form.elements.namedItem('note') as HTMLTextAreaElement).value.trim();
    void this.act(
      () => this.client.initiatives.update(detail.id, { status, ...(note ? { note } : {}) }),
      msg(str`De status is nu: ${initiativeStatusLabel(status)}.`, { id: 'actions-status-changed' }),
    ).then((ok) => ok && form.reset());
  }

  private async postUpdate(event: Event, detail: InitiativeDetail): Promise<void> {
    event.preventDefault();
    const posted = await this.updatePost!.post((body, idempotencyKey) => this.client.initiatives.updates.create(detail.id, { body }, { idempotencyKey }));
    if (!posted) return;
    this.message = msg('Uw update is geplaatst.', { id: 'actions-update-posted' });
    this.changed();
  }

  private async offerHelp(event: Event, detail: InitiativeDetail): Promise<void> {
    event.preventDefault();
    const kind = (this.renderRoot.querySelector<HTMLSelectElement>('#offer-kind')!.value || 'other') as HelpOfferKind;
    const offered = await this.offer!.post((message, idempotencyKey) => this.client.offers.create(detail.id, { kind, message }, { idempotencyKey }));
    if (!offered) return;
    this.message = msg('Uw hulpaanbod staat bij het initiatief. De initiatiefnemer beslist of die het aanneemt.', { id: 'actions-offered' });
    this.changed();
  }

  private answerOffer(offer: HelpOffer, accept: boolean): void {
    void this.act(
      () => (accept ? this.client.offers.accept(offer.id) : this.client.offers.decline(offer.id)),
      accept
        ? msg(str`U heeft de hulp van ${offer.professional.displayName} aangenomen.`, { id: 'actions-offer-accepted' })
        : msg(str`U heeft de hulp van ${offer.professional.displayName} afgeslagen.`, { id: 'actions-offer-declined' }),
    ).then((ok) => {
      if (ok && accept) fire(this, 'buurt-offer-accepted', { offerId: offer.id, initiativeId: offer.initiativeId });
    });
  }

  private rsvp(meeting: Meeting, going: boolean): void {
    void this.act(
      () => this.client.events.rsvp(meeting.id, { status: going ? 'going' : 'not_going' }),
      going ? msg(str`Fijn! U staat op de lijst voor "${meeting.title}".`, { id: 'actions-rsvp-going' }) : msg(str`U heeft laten weten dat u niet komt naar "${meeting.title}".`, { id: 'actions-rsvp-not-going' }),
    );
  }

  private renderTakePart(detail: InitiativeDetail) {
    const session = this.auth.session;
    const user = session?.user;
    if (!session?.signedIn || !user) {
      return html`<p>${msg('Log in om dit initiatief te steunen of mee te doen.', { id: 'actions-sign-in-hint' })}</p>
        ${this.signInShown
          ? html`<buurt-sign-in site=${this.source().site ?? ''} api=${this.source().api} @buurt-user-signed-in=${() => (this.signInShown = false)}></buurt-sign-in>`
          : html`<div class="actions"><button part="button" class="button secondary" type="button" @click=${this.requestSignIn}>${msg('Inloggen', { id: 'sign-in' })}</button></div>`}`;
    }
    const viewer = detail.viewer;
    const membership = viewer?.membership;
    const professional = user.roles.includes('professional');
    return html`<div class="actions">
      <button part="button" class="button" type="button" aria-pressed=${viewer?.supports ? 'true' : 'false'} @click=${() => this.toggleSupport(detail)}>
        ${msg('Ik steun dit', { id: 'actions-support' })}
      </button>
      ${this.following === undefined
        ? nothing
        : html`<button part="button" class="button secondary" type="button" @click=${() => this.toggleFollow(detail)}>
            ${this.following ? msg('Niet meer volgen', { id: 'actions-unfollow' }) : msg('Volgen', { id: 'actions-follow' })}
          </button>`}
      ${membership?.role === 'owner'
        ? html`<p>${msg('U bent de initiatiefnemer.', { id: 'actions-you-own' })}</p>`
        : membership?.status === 'active'
          ? html`<button part="button" class="button secondary" type="button" @click=${() => this.leave(detail)}>${msg('Stoppen met meedoen', { id: 'actions-leave' })}</button>`
          : membership?.status === 'invited'
            ? html`<button part="button" class="button" type="button" @click=${() => this.join(detail)}>${msg('Uitnodiging aannemen', { id: 'actions-accept-invitation' })}</button>`
            : professional
              ? nothing
              : html`<button part="button" class="button" type="button" @click=${() => this.join(detail)}>${msg('Ik doe mee', { id: 'actions-join' })}</button>`}
    </div>
    ${this.following === undefined
      ? nothing
      : html`<div class="field">
          <label for="follow-frequency">${msg('E-mail over dit initiatief', { id: 'actions-follow-frequency' })}</label>
          <select id="follow-frequency" @change=${(event: Event) => this.onFrequency(event, detail)}>
            ${FOLLOW_FREQUENCIES.map((frequency) => html`<option value=${frequency} ?selected=${this.frequency === frequency}>${followFrequencyLabel(frequency)}</option>`)}
          </select>
        </div>`}`;
  }

  private renderEditField(field: EditField, label: string, multiline: boolean) {
    const error = this.editErrors[field];
    const id = `edit-${field}`;
    const attrs = { invalid: error ? 'true' : 'false', describedBy: error ? `${id}-error` : nothing };
    const input = multiline
      ? html`<textarea id=${id} rows="6" maxlength="10000" .value=${this.edit[field]} aria-invalid=${attrs.invalid} aria-describedby=${attrs.describedBy} @input=${(event: Event) => this.onEditInput(field, event)}></textarea>`
      : html`<input
          id=${id}
          type="text"
          required
          maxlength=${field === 'title' ? 120 : 300}
          .value=${this.edit[field]}
          aria-invalid=${attrs.invalid}
          aria-describedby=${attrs.describedBy}
          @input=${(event: Event) => this.onEditInput(field, event)}
        />`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${input} ${error ? html`<p id="${id}-error" class="field-error">${error}</p>` : nothing}
    </div>`;
  }

  private renderEdit(detail: InitiativeDetail) {
    if (!this.editing) {
      return html`<div class="actions">
        <button id="edit-open" part="button" class="button secondary" type="button" @click=${() => this.startEdit(detail)}>
          ${msg('Initiatief bewerken', { id: 'actions-edit-open' })}
        </button>
      </div>`;
    }
    return html`<form class="stack" novalidate aria-labelledby="edit-heading" @submit=${(event: Event) => void this.saveEdit(event, detail)}>
      <h4 id="edit-heading">${msg('Initiatief bewerken', { id: 'actions-edit-open' })}</h4>
      ${this.renderEditField('title', msg('Titel', { id: 'start-title-label' }), false)}
      ${this.renderEditField('summary', msg('Samenvatting', { id: 'actions-edit-summary' }), false)}
      ${this.renderEditField('body', msg('Het plan', { id: 'actions-edit-body' }), true)}
      ${this.editProblem ? html`<p class="notice problem" id="edit-problem">${this.editProblem}</p>` : nothing}
      <div class="actions">
        <button part="button" class="button" type="submit" aria-describedby=${this.editProblem ? 'edit-problem' : nothing}>
          ${msg('Wijzigingen opslaan', { id: 'actions-edit-save' })}
        </button>
        <button part="button" class="button secondary" type="button" @click=${this.cancelEdit}>${msg('Annuleren', { id: 'actions-edit-cancel' })}</button>
      </div>
    </form>`;
  }

  private renderOrganiser(detail: InitiativeDetail) {
    const next = nextStatuses(detail.status);
    return html`<section aria-labelledby="organiser-heading">
      <h3 id="organiser-heading">${msg('Voor organisatoren', { id: 'actions-organiser-heading' })}</h3>
      ${this.renderEdit(detail)}
      ${next.length
        ? html`<form class="stack" @submit=${(event: Event) => this.changeStatus(event, detail)}>
            <div class="field">
              <label for="status">${msg('Nieuwe status', { id: 'actions-status-label' })}</label>
              <select id="status" name="status">
                ${next.map((status) => html`<option value=${status}>${initiativeStatusLabel(status)}</option>`)}
              </select>
            </div>
            <div class="field">
              <label for="status-note">${msg('Toelichting voor de buurt (mag leeg)', { id: 'actions-status-note' })}</label>
              <textarea id="status-note" name="note" rows="2" maxlength="500"></textarea>
            </div>
            <div class="actions"><button part="button" class="button" type="submit">${msg('Status wijzigen', { id: 'actions-status-submit' })}</button></div>
          </form>`
        : nothing}
      ${this.updatePost!.render(
        { id: 'update', label: msg('Vertel de buurt hoe het gaat', { id: 'actions-update-label' }), submit: msg('Update plaatsen', { id: 'actions-update-submit' }) },
        (event) => void this.postUpdate(event, detail),
      )}
    </section>`;
  }

  private renderUpdates(detail: InitiativeDetail) {
    if (!detail.updates.length) return nothing;
    return html`<section aria-labelledby="updates-heading">
      <h3 id="updates-heading">${msg('Hoe het gaat', { id: 'actions-updates-heading' })}</h3>
      <ul class="items">
        ${detail.updates.map(
          (update) => html`<li class="item">
            <p class="meta">${msg(str`${update.author.displayName} op ${formatDate(this.locale, update.createdAt)}`, { id: 'actions-update-byline' })}</p>
            <p class="text">${update.body}</p>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderOffer(offer: HelpOffer, owner: boolean) {
    const pro = offer.professional;
    return html`<li class="item">
      <h4>${helpOfferKindLabel(offer.kind)}</h4>
      <p class="meta">
        ${pro.jobTitle ? msg(str`${pro.displayName}, ${pro.jobTitle}`, { id: 'actions-offer-by-job' }) : pro.displayName} ·
        ${helpOfferStatusLabel(offer.status)}
      </p>
      <p class="badge">${msg(str`${organisationKindLabel(offer.organisation.kind)}: ${offer.organisation.name}`, { id: 'actions-offer-badge' })}</p>
      <p class="text">${offer.message}</p>
      ${owner && offer.status === 'offered'
        ? html`<div class="actions">
            <button part="button" class="button" type="button" @click=${() => this.answerOffer(offer, true)}>
              ${msg(str`Hulp van ${pro.displayName} aannemen`, { id: 'actions-offer-accept' })}
            </button>
            <button part="button" class="button secondary" type="button" @click=${() => this.answerOffer(offer, false)}>
              ${msg(str`Afslaan`, { id: 'actions-offer-decline' })}
            </button>
          </div>`
        : nothing}
    </li>`;
  }

  private renderOffers(detail: InitiativeDetail) {
    const user = this.auth.session?.user;
    const owner = detail.viewer?.membership?.role === 'owner';
    const professional = !!user?.roles.includes('professional');
    return html`<section aria-labelledby="offers-heading">
      <h3 id="offers-heading">${msg('Hulp van professionals', { id: 'actions-offers-heading' })}</h3>
      ${detail.offers.length
        ? html`<ul class="items">${detail.offers.map((offer) => this.renderOffer(offer, owner))}</ul>`
        : html`<p>${msg('Nog geen hulp aangeboden.', { id: 'actions-no-offers' })}</p>`}
      ${professional
        ? html`<div class="stack">
            <h4>${msg('Hulp aanbieden', { id: 'actions-offer-heading' })}</h4>
            <div class="field">
              <label for="offer-kind">${msg('Wat biedt u aan?', { id: 'actions-offer-kind' })}</label>
              <select id="offer-kind">
                ${HELP_OFFER_KINDS.map((kind) => html`<option value=${kind}>${helpOfferKindLabel(kind)}</option>`)}
              </select>
            </div>
            ${this.offer!.render(
              {
                id: 'offer-message',
                label: msg('Uw bericht aan de initiatiefnemer', { id: 'actions-offer-message' }),
                hint: msg('Iedereen ziet uw aanbod, met uw organisatie. De initiatiefnemer beslist.', { id: 'actions-offer-hint' }),
                submit: msg('Hulp aanbieden', { id: 'actions-offer-submit' }),
              },
              (event) => void this.offerHelp(event, detail),
            )}
          </div>`
        : nothing}
    </section>`;
  }

  private renderMeetings(detail: InitiativeDetail) {
    if (!detail.upcomingEvents.length) return nothing;
    const signedIn = !!this.auth.session?.user;
    return html`<section aria-labelledby="meetings-heading">
      <h3 id="meetings-heading">${msg('Bijeenkomsten', { id: 'actions-meetings-heading' })}</h3>
      <ul class="items">
        ${detail.upcomingEvents.map(
          (meeting) => html`<li class="item">
            <h4>${meeting.title}</h4>
            <p class="meta">${formatDateTime(this.locale, meeting.startsAt)}${meeting.location ? ` · ${meeting.location}` : ''}</p>
            ${meeting.onlineUrl ? html`<p><a href=${meeting.onlineUrl} rel="noopener noreferrer">${msg('Online meedoen', { id: 'actions-meeting-online' })}</a></p>` : nothing}
            <p class="meta">
              ${meeting.capacity
                ? msg(str`${this.locale.number(meeting.attendeeCount)} van ${this.locale.number(meeting.capacity)} plekken bezet`, { id: 'actions-meeting-capacity' })
                : msg(str`${this.locale.number(meeting.attendeeCount)} aanmeldingen`, { id: 'actions-meeting-attendees' })}
            </p>
            ${meeting.description ? html`<p class="text">${meeting.description}</p>` : nothing}
            ${signedIn
              ? html`<div class="actions">
                  <button part="button" class="button" type="button" @click=${() => this.rsvp(meeting, true)}>
                    ${msg(str`Ik kom naar "${meeting.title}"`, { id: 'actions-rsvp-yes' })}
                  </button>
                  <button part="button" class="button secondary" type="button" @click=${() => this.rsvp(meeting, false)}>
                    ${msg('Ik kom niet', { id: 'actions-rsvp-no' })}
                  </button>
                </div>`
              : nothing}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  override render() {
    const detail = this.detail;
    if (!detail) return nothing;
    return html`<section aria-labelledby="take-part-heading">
        <h3 id="take-part-heading">${msg('Doe mee', { id: 'actions-heading' })}</h3>
        ${this.renderTakePart(detail)}
        <p class="notice" role="status" aria-live="polite">${this.message || nothing}</p>
      </section>
      ${detail.viewer?.isOrganiser ? this.renderOrganiser(detail) : nothing} ${this.renderUpdates(detail)} ${this.renderOffers(detail)}
      ${this.renderMeetings(detail)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buurt-initiative-actions': BuurtInitiativeActions;
  }
}
