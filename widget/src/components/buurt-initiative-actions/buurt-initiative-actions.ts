import { html, nothing, type PropertyDeclarations } from 'lit';
import { msg, str } from '@lit/localize';
import type { Event as Meeting, HelpOffer, HelpOfferKind, InitiativeDetail, InitiativeStatus } from '@buurtplein/sdk/contract';
import { BuurtElement } from '../../buurt-element.js';
import { formatDate, formatDateTime } from '../../dates.js';
import { Draft } from '../../drafts.js';
import { loadElement } from '../../element-chunks.js';
import { fire } from '../../events.js';
import { nextStatuses } from '../../initiative-transitions.js';
import { HELP_OFFER_KINDS, helpOfferKindLabel, helpOfferStatusLabel, organisationKindLabel } from '../../labels/help-offer.js';
import { initiativeStatusLabel } from '../../labels/initiative-status.js';
import { writeProblemMessage } from '../../labels/write-problem.js';
import { LocaleController, needMessages } from '../../locale.js';
import { problemCode } from '../../problem-code.js';
import { SessionController } from '../../session/session-controller.js';
import { TextPost } from '../../text-post.js';
import { styles } from './buurt-initiative-actions.styles.js';
import type { EditDraft, InitiativeEdit } from './initiative-edit.js';
import type { InitiativeFollow } from './initiative-follow.js';
import type { InitiativeInvitation } from './initiative-invitation.js';
import type { InitiativeInvite } from './initiative-invite.js';

/**
 * The edit form and the follow controls with their messages, loaded when first asked for: most
 * visitors never use them, and the plein's chunk, which holds this element, is in a plein page's bytes.
 */
async function loadTools() {
  const tools = await import('../../initiative-tools.js');
  await needMessages(tools.messages);
  return tools;
}

/**
 * What people do with an initiative, under its text: support, follow by e-mail (immediately,
 * daily or weekly) and join (or leave); for its organisers, edit the title, summary and plan (kept
 * as a draft until saved), change the status and post an update; for the owner, invite people, and
 * for whom they invited, accept or decline (both loaded on demand); the timeline of updates; help offered by
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
  private editDraft?: Draft<EditDraft>;
  /** The edit form, the follow controls, the owner's invite picker and the invitee's answer, once loaded. */
  private edit?: InitiativeEdit;
  private follow?: InitiativeFollow;
  private invite?: InitiativeInvite;
  private invitation?: InitiativeInvitation;
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
      this.edit = undefined;
      // An edit kept from an earlier visit shows again at once: nothing typed is lost.
      if (this.editDraft.load()) void this.withTools();
    }
    if (this.detail?.viewer?.membership?.status === 'invited' && !this.invitation) void this.withTools();
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

  /** Loads the edit form and the follow controls when need be, then runs `use`; says so when they cannot load. */
  private async withTools(use?: (edit: InitiativeEdit, follow: InitiativeFollow, invite: InitiativeInvite) => void): Promise<void> {
    try {
      const { InitiativeEdit, InitiativeFollow, InitiativeInvite, InitiativeInvitation } = await loadTools();
      this.edit ??= new InitiativeEdit(this, this.auth, this.editDraft!);
      this.follow ??= new InitiativeFollow(this, this.auth, this.locale, (action, done) => this.act(action, done, false));
      this.invite ??= new InitiativeInvite(this, this.auth, (action, done) => this.act(action, done, false));
      this.invitation ??= new InitiativeInvitation(this, this.auth, (action, done) => this.act(action, done));
      use?.(this.edit, this.follow, this.invite);
      this.requestUpdate();
    } catch (error) {
      this.message = writeProblemMessage(problemCode(error));
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
      <button
        part="button"
        class="button secondary"
        type="button"
        aria-expanded=${this.follow?.open ? 'true' : 'false'}
        @click=${() => this.withTools((_, follow) => follow.toggle())}
      >
        ${msg('Volgen', { id: 'actions-follow' })}
      </button>
      ${membership?.role === 'owner'
        ? html`<p>${msg('U bent de initiatiefnemer.', { id: 'actions-you-own' })}</p>`
        : membership?.status === 'active'
          ? html`<button part="button" class="button secondary" type="button" @click=${() => this.leave(detail)}>${msg('Stoppen met meedoen', { id: 'actions-leave' })}</button>`
          : membership?.status === 'invited'
            ? nothing
            : professional
              ? nothing
              : html`<button part="button" class="button" type="button" @click=${() => this.join(detail)}>${msg('Ik doe mee', { id: 'actions-join' })}</button>`}
    </div>
    ${this.follow?.render()} ${this.invitation?.render()}`;
  }

  private renderOrganiser(detail: InitiativeDetail) {
    const next = nextStatuses(detail.status);
    return html`<section aria-labelledby="organiser-heading">
      <h3 id="organiser-heading">${msg('Voor organisatoren', { id: 'actions-organiser-heading' })}</h3>
      ${this.edit?.open
        ? this.edit.render(detail)
        : html`<div class="actions">
            <button id="edit-open" part="button" class="button secondary" type="button" @click=${() => this.withTools((edit) => edit.start(detail))}>
              ${msg('Initiatief bewerken', { id: 'actions-edit-open' })}
            </button>
          </div>`}
      ${detail.viewer?.membership?.role === 'owner'
        ? html`<div class="actions">
              <button part="button" class="button secondary" type="button" aria-expanded=${this.invite?.open ? 'true' : 'false'} @click=${() => this.withTools((_, __, invite) => invite.toggle())}>
                ${msg('Uitnodigen', { id: 'actions-invite' })}
              </button>
            </div>
            ${this.invite?.render()}`
        : nothing}
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
