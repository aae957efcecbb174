import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { localized, msg, str } from '@lit/localize';
import type { GrantableRole, OrganisationRef, RoleChange, UserSummary } from '@buurtplein/sdk/contract';
import type { ConsoleApi } from '../console-api.js';
import { dateTime } from '../console-format.js';
import { announceSessionEnded, fieldProblems, problemCode, problemMessage, sessionEnded } from '../console-problems.js';
import { consoleStyles } from '../console.styles.js';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The name of a role someone can be granted. */
export function roleLabel(role: GrantableRole): string {
  switch (role) {
    case 'professional':
      return msg('Professional', { id: 'console-role-professional' });
    case 'moderator':
      return msg('Moderator', { id: 'console-role-moderator' });
    case 'network-admin':
      return msg('Netwerkbeheerder', { id: 'console-role-network-admin' });
    default:
      return String(role);
  }
}

/**
 * The roles section (network admins): find a user by name, e-mail address or id, then grant them
 * the professional role with their organisation, or the moderator or network admin role, or
 * revoke one. Every change is kept by the API; the changes made here are listed below the form.
 *
 * @fires buurt-console-session-ended - The API no longer accepts the session.
 */
@localized()
export class BuurtConsoleRoles extends LitElement {
  static override styles = consoleStyles;
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    site: {},
    organisations: { state: true },
    query: { state: true },
    found: { state: true },
    searchError: { state: true },
    searching: { state: true },
    userId: { state: true },
    chosenRole: { state: true },
    organisationId: { state: true },
    fields: { state: true },
    error: { state: true },
    busy: { state: true },
    changes: { state: true },
  };

  api?: ConsoleApi;
  site = '';

  private organisations: OrganisationRef[] = [];
  private query = '';
  /** The users the last search found; undefined before the first search. */
  private found?: UserSummary[];
  private searchError = '';
  private searching = false;
  private userId = '';
  private chosenRole: GrantableRole = 'professional';
  private organisationId = '';
  private fields = new Map<string, string>();
  private error = '';
  private busy = false;
  private changes: RoleChange[] = [];
  private loadedKey?: string;

  override willUpdate(): void {
    if (this.api && this.site !== this.loadedKey) {
      this.loadedKey = this.site;
      this.api.organisations().then(
        (found) => (this.organisations = found),
        (error: unknown) => {
          if (sessionEnded(error)) announceSessionEnded(this);
        },
      );
    }
  }

  private async search(): Promise<void> {
    const query = this.query.trim();
    if (query.length < 2) {
      this.searchError = msg('Vul minstens twee tekens in.', { id: 'console-user-search-short' });
      return;
    }
    this.searching = true;
    this.searchError = '';
    try {
      this.found = await this.api!.searchUsers(query);
    } catch (error) {
      if (sessionEnded(error)) announceSessionEnded(this);
      this.found = undefined;
      this.searchError = problemMessage(error);
    } finally {
      this.searching = false;
    }
  }

  /** Takes a found user into the form and moves on to the role, as the next thing to choose. */
  private async choose(user: UserSummary): Promise<void> {
    this.userId = user.id;
    this.fields = new Map();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#role')?.focus();
  }

  private renderSearch() {
    return html`<form id="user-search-form" role="search" aria-labelledby="user-search-label" @submit=${(e: Event) => (e.preventDefault(), this.search())} novalidate>
        <div class="field">
          <label id="user-search-label" for="user-search">${msg('Gebruiker zoeken', { id: 'console-user-search-label' })}</label>
          <span class="hint" id="user-search-hint">${msg('Naam, volledig e-mailadres of id.', { id: 'console-user-search-hint' })}</span>
          <div class="row">
            <input id="user-search" type="search" autocomplete="off" aria-describedby="user-search-hint" .value=${this.query}
              @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
            <button type="submit" class="secondary" ?disabled=${this.searching}>${msg('Zoeken', { id: 'console-user-search' })}</button>
          </div>
        </div>
      </form>
      <div id="user-search-status" role="status" aria-live="polite">
        ${this.searchError ? html`<p class="message error">${this.searchError}</p>` : nothing}
        ${!this.searchError && this.found
          ? html`<p>${this.found.length === 0
              ? msg('Niemand gevonden.', { id: 'console-user-search-none' })
              : msg(str`${this.found.length} gevonden.`, { id: 'console-user-search-count' })}</p>`
          : nothing}
      </div>
      ${this.found?.length
        ? html`<ul class="found-users">
            ${this.found.map(
              (user) => html`<li>
                <span>${user.displayName}</span>
                <span class="hint">${user.roles.map((role) => (role === 'resident' ? msg('Bewoner', { id: 'console-role-resident' }) : roleLabel(role))).join(', ')}${user.organisation ? ` · ${user.organisation.name}` : ''}</span>
                <span class="mono">${user.id}</span>
                <button type="button" class="secondary" aria-label=${msg(str`${user.displayName} kiezen`, { id: 'console-user-choose-label' })} @click=${() => this.choose(user)}>
                  ${msg('Kiezen', { id: 'console-user-choose' })}
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}`;
  }

  private async change(kind: 'grant' | 'revoke'): Promise<void> {
    const userId = this.userId.trim();
    const fields = new Map<string, string>();
    if (!ID.test(userId)) fields.set('userId', msg('Vul de id van de gebruiker in, zoals die in de meldingen of het auditlog staat.', { id: 'console-user-id-invalid' }));
    if (kind === 'grant' && this.chosenRole === 'professional' && !this.organisationId) {
      fields.set('organisationId', msg('Kies de organisatie van de professional.', { id: 'console-organisation-missing' }));
    }
    this.fields = fields;
    this.error = '';
    if (fields.size) return this.focusInvalid();
    this.busy = true;
    try {
      const change =
        kind === 'grant'
          ? await this.api!.grantRole(userId, { role: this.chosenRole, ...(this.chosenRole === 'professional' ? { organisationId: this.organisationId } : {}) })
          : await this.api!.revokeRole(userId, this.chosenRole);
      this.changes = [change, ...this.changes];
    } catch (error) {
      if (sessionEnded(error)) announceSessionEnded(this);
      this.fields = fieldProblems(error);
      if (problemCode(error) === 'not-found') this.fields.set('userId', msg('Deze gebruiker bestaat niet in dit netwerk.', { id: 'console-user-not-found' }));
      this.error = problemCode(error) === 'forbidden' && kind === 'revoke'
        ? msg('Dat mag niet: u kunt bijvoorbeeld uw eigen beheerdersrol niet intrekken.', { id: 'console-revoke-forbidden' })
        : problemMessage(error);
      await this.focusInvalid();
    } finally {
      this.busy = false;
    }
  }

  private async focusInvalid(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private field(name: string, hint?: string) {
    const error = this.fields.get(name);
    return {
      invalid: error ? 'true' : 'false',
      describedBy: [hint, error ? `${name}-error` : undefined].filter(Boolean).join(' ') || nothing,
      error: error ? html`<span class="field-error" id="${name}-error">${error}</span>` : nothing,
    };
  }

  override render() {
    const user = this.field('userId', 'userId-hint');
    const organisation = this.field('organisationId');
    const roles: GrantableRole[] = ['professional', 'moderator', 'network-admin'];
    return html`${this.renderSearch()}
      <form id="roles-form" @submit=${(e: Event) => (e.preventDefault(), this.change('grant'))} novalidate>
        <fieldset>
          <legend>${msg('Rol toekennen of intrekken', { id: 'console-roles-legend' })}</legend>
          <div class="field">
            <label for="userId">${msg('Gebruiker (id)', { id: 'console-user-id-label' })}</label>
            <span class="hint" id="userId-hint">${msg('Gevuld door een gekozen gebruiker; de id staat ook bij de schrijver in de meldingen en in het auditlog.', { id: 'console-user-id-hint' })}</span>
            <input id="userId" class="mono" autocomplete="off" aria-invalid=${user.invalid} aria-describedby=${user.describedBy} .value=${this.userId} @input=${(e: Event) => (this.userId = (e.target as HTMLInputElement).value)} />
            ${user.error}
          </div>
          <div class="field">
            <label for="role">${msg('Rol', { id: 'console-role-label' })}</label>
            <select id="role" @change=${(e: Event) => (this.chosenRole = (e.target as HTMLSelectElement).value as GrantableRole)}>
              ${roles.map((role) => html`<option value=${role} ?selected=${role === this.chosenRole}>${roleLabel(role)}</option>`)}
            </select>
          </div>
          ${this.chosenRole === 'professional'
            ? html`<div class="field">
                <label for="organisationId">${msg('Organisatie', { id: 'console-organisation-label' })}</label>
                <select id="organisationId" aria-invalid=${organisation.invalid} aria-describedby=${organisation.describedBy} @change=${(e: Event) => (this.organisationId = (e.target as HTMLSelectElement).value)}>
                  <option value="" ?selected=${!this.organisationId}>${msg('Kies een organisatie', { id: 'console-organisation-choose' })}</option>
                  ${this.organisations.map((o) => html`<option value=${o.id} ?selected=${o.id === this.organisationId}>${o.name}</option>`)}
                </select>
                ${organisation.error}
              </div>`
            : nothing}
          <div class="row">
            <button type="submit" ?disabled=${this.busy}>${msg('Rol toekennen', { id: 'console-grant' })}</button>
            <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.change('revoke')}>${msg('Rol intrekken', { id: 'console-revoke' })}</button>
          </div>
        </fieldset>
        <div id="roles-status" role="status" aria-live="polite">
          ${this.error ? html`<p class="message error">${this.error}</p>` : nothing}
          ${!this.error && this.changes[0]
            ? html`<p class="message success">
                ${this.changes[0].change === 'grant'
                  ? msg(str`${roleLabel(this.changes[0].role)} toegekend aan ${this.changes[0].userId}.`, { id: 'console-granted' })
                  : msg(str`${roleLabel(this.changes[0].role)} ingetrokken bij ${this.changes[0].userId}.`, { id: 'console-revoked' })}
              </p>`
            : nothing}
        </div>
      </form>
      ${this.changes.length
        ? html`<section aria-labelledby="changes-heading">
            <h3 id="changes-heading">${msg('Gewijzigd in deze sessie', { id: 'console-changes-heading' })}</h3>
            <ul class="changes">
              ${this.changes.map(
                (c) => html`<li>
                  ${dateTime(c.createdAt)}: ${c.change === 'grant' ? msg('toegekend', { id: 'console-change-grant' }) : msg('ingetrokken', { id: 'console-change-revoke' })}
                  ${roleLabel(c.role)} · <span class="mono">${c.userId}</span>
                </li>`,
              )}
            </ul>
          </section>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buurt-console-roles': BuurtConsoleRoles;
  }
}
