import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { InvitationCandidate, InvitationReason, OrganisationRef, PendingInvitation } from '@buurtplein/sdk/contract';
import { organisationKindLabel } from '../../labels/help-offer.js';
import { writeProblemMessage } from '../../labels/write-problem.js';
import { problemCode } from '../../problem-code.js';
import type { SessionController } from '../../session/session-controller.js';
import { ViewerScopedTool, type Act, type ToolHost } from './viewer-scoped.js';

/** How many people the picker shows at once: enough to choose from, few enough to read through. */
const SHOWN = 10;

type Role = PendingInvitation['role'];

function reasonLabel(reason: InvitationReason): string {
  switch (reason) {
    case 'supporter':
      return msg('Steunt dit initiatief', { id: 'invite-reason-supporter' });
    case 'commenter':
      return msg('Schreef mee in de discussie', { id: 'invite-reason-commenter' });
    case 'offered-help':
      return msg('Bood hulp aan', { id: 'invite-reason-offered-help' });
    case 'serves-neighbourhood':
      return msg('Professional in deze buurt', { id: 'invite-reason-serves-neighbourhood' });
  }
}

function roleLabel(role: Role): string {
  return role === 'organiser' ? msg('Mede-organisator', { id: 'invite-role-organiser' }) : msg('Doet mee', { id: 'invite-role-member' });
}

function badge(organisation: OrganisationRef | null) {
  return organisation ? html`<p class="badge">${organisationKindLabel(organisation.kind)}: ${organisation.name}</p>` : nothing;
}

/**
 * The owner's picker of whom to invite to their initiative, for `<buurt-initiative-actions>`, which
 * loads it on demand (src/initiative-tools.ts) when the owner presses "Uitnodigen": a search by
 * name over the people who already showed up around the initiative and the professionals of its
 * neighbourhood, each with why they are there and, for a professional, their badge; a button to
 * invite each; how many were found, said in a live region; and the invitations still open.
 * Inviting changes nothing the initiative shows until accepted, so the initiative does not load
 * again; the picker reads its list again instead. Another initiative or user closes it.
 */
export class InitiativeInvite extends ViewerScopedTool<ToolHost & { readonly renderRoot: ParentNode }> {
  private query = '';
  private role: Role = 'member';
  private found?: InvitationCandidate[];
  private invited: PendingInvitation[] = [];
  private problem = '';
  /** Counts searches, so that an answer to an older one never replaces a newer one's. */
  private searches = 0;

  constructor(
    host: ToolHost & { readonly renderRoot: ParentNode },
    auth: SessionController,
    private readonly act: Act,
  ) {
    super(host, auth);
  }

  /** Nothing to forget: the picker starts afresh each time it opens. */
  protected reset(): void {}

  /** Opens the picker on a fresh search, with focus in its search field, or closes it. */
  toggle(): void {
    this.open = !this.open;
    if (!this.open) return this.host.requestUpdate();
    this.query = '';
    this.role = 'member';
    this.invited = [];
    void this.search();
    void this.focus();
  }

  private get client() {
    return this.auth.session!.client;
  }

  private get id() {
    return this.host.detail!.id;
  }

  private async focus(): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLInputElement>('#invite-search')?.focus();
  }

  private async search(): Promise<void> {
    const search = ++this.searches;
    this.found = undefined;
    this.host.requestUpdate();
    try {
      const q = this.query.trim();
      const list = await this.client.initiatives.members.candidates(this.id, { ...(q ? { q } : {}), limit: SHOWN });
      if (search !== this.searches) return;
      this.found = list.data;
      this.invited = list.invited;
      this.problem = '';
    } catch (error) {
      if (search !== this.searches) return;
      this.found = [];
      this.problem = writeProblemMessage(problemCode(error));
    }
    this.host.requestUpdate();
  }

  private onQuery(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    void this.search();
  }

  private invite(person: InvitationCandidate): void {
    const role = this.role;
    void this.act(
      () => this.client.initiatives.members.invite(this.id, { userId: person.id, role }),
      msg(str`${person.displayName} is uitgenodigd. Zodra die de uitnodiging aanneemt, doet die mee.`, { id: 'invite-done' }),
    ).then(async (ok) => {
      if (!ok) return;
      await this.search();
      // The button pressed is gone with the person: the search field is where the owner goes on.
      await this.focus();
    });
  }

  private count(): string {
    if (this.found === undefined) return msg('Zoeken…', { id: 'invite-searching' });
    if (this.problem) return this.problem;
    if (this.found.length === 0) return msg('Niemand gevonden.', { id: 'invite-none-found' });
    if (this.found.length === 1) return msg('1 persoon gevonden.', { id: 'invite-one-found' });
    return msg(str`${this.found.length} personen gevonden.`, { id: 'invite-many-found' });
  }

  private renderCandidate(person: InvitationCandidate) {
    return html`<li class="item">
      <p><strong>${person.displayName}</strong>${person.jobTitle ? html`, ${person.jobTitle}` : nothing}</p>
      <p class="meta">${person.reasons.map(reasonLabel).join(' · ')}</p>
      ${badge(person.organisation)}
      <div class="actions">
        <button part="button" class="button secondary" type="button" @click=${() => this.invite(person)}>
          ${msg(str`${person.displayName} uitnodigen`, { id: 'invite-person' })}
        </button>
      </div>
    </li>`;
  }

  /** The search, the people found and the invitations still open; nothing while closed. */
  render() {
    if (!this.open) return nothing;
    return html`<div class="stack" id="invite">
      <h4>${msg('Mensen uitnodigen', { id: 'invite-heading' })}</h4>
      <p class="hint">
        ${msg('U ziet wie dit initiatief steunt, erover meepraat of hulp aanbood, en de professionals in deze buurt. Alleen u ziet deze lijst.', {
          id: 'invite-hint',
        })}
      </p>
      <div class="field">
        <label for="invite-search">${msg('Zoek op naam', { id: 'invite-search' })}</label>
        <input id="invite-search" type="search" autocomplete="off" .value=${this.query} @input=${(event: Event) => this.onQuery(event)} />
      </div>
      <div class="field">
        <label for="invite-role">${msg('Uitnodigen als', { id: 'invite-role' })}</label>
        <select id="invite-role" @change=${(event: Event) => (this.role = (event.target as HTMLSelectElement).value as Role)}>
          ${(['member', 'organiser'] as const).map((role) => html`<option value=${role} ?selected=${this.role === role}>${roleLabel(role)}</option>`)}
        </select>
      </div>
      <p class="meta" role="status" aria-live="polite">${this.count()}</p>
      ${this.found?.length ? html`<ul class="items" aria-label=${msg('Gevonden', { id: 'invite-found' })}>${this.found.map((p) => this.renderCandidate(p))}</ul>` : nothing}
      ${this.invited.length
        ? html`<h4>${msg('Uitgenodigd, wacht op antwoord', { id: 'invite-pending-heading' })}</h4>
            <ul class="items">
              ${this.invited.map(
                (person) => html`<li class="item">
                  <p><strong>${person.displayName}</strong></p>
                  <p class="meta">${roleLabel(person.role)}</p>
                  ${badge(person.organisation)}
                </li>`,
              )}
            </ul>`
        : nothing}
    </div>`;
  }
}
