import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { SessionController } from '../../session/session-controller.js';
import type { Act, ToolHost } from './viewer-scoped.js';

/**
 * What a user whom the owner invited sees of the initiative, for `<buurt-initiative-actions>`, which
 * loads it on demand (src/initiative-tools.ts) only for such a user: that they were invited, and
 * buttons to accept or decline. Either changes their membership, so the initiative loads again.
 */
export class InitiativeInvitation {
  constructor(
    private readonly host: ToolHost,
    private readonly auth: SessionController,
    private readonly act: Act,
  ) {}

  private answer(accept: boolean): void {
    const members = this.auth.session!.client.initiatives.members;
    const id = this.host.detail!.id;
    void this.act(
      () => (accept ? members.accept(id) : members.decline(id)),
      accept ? msg('U doet mee! De organisatoren zien dat u meedoet.', { id: 'actions-joined' }) : msg('U heeft de uitnodiging afgeslagen.', { id: 'actions-declined' }),
    );
  }

  /** The invitation and its answers; nothing when the user has none. */
  render() {
    if (this.host.detail?.viewer?.membership?.status !== 'invited') return nothing;
    return html`<p class="invited">${msg('U bent uitgenodigd om mee te doen met dit initiatief.', { id: 'actions-invited' })}</p>
      <div class="actions">
        <button part="button" class="button" type="button" @click=${() => this.answer(true)}>${msg('Uitnodiging aannemen', { id: 'actions-accept-invitation' })}</button>
        <button part="button" class="button secondary" type="button" @click=${() => this.answer(false)}>
          ${msg('Uitnodiging afslaan', { id: 'actions-decline-invitation' })}
        </button>
      </div>`;
  }
}
