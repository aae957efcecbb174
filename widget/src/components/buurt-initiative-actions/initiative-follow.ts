import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { FollowFrequency } from '@buurtplein/sdk/contract';
import type { LocaleController } from '../../locale.js';
import type { SessionController } from '../../session/session-controller.js';
import { ViewerScopedTool, type Act, type ToolHost } from './viewer-scoped.js';

const FREQUENCIES: readonly FollowFrequency[] = ['immediate', 'daily', 'weekly'];

function frequencyLabel(frequency: FollowFrequency): string {
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
 * A signed-in resident's follow of the initiative by e-mail (immediately, daily or weekly), for
 * `<buurt-initiative-actions>`, which loads it on demand (src/initiative-tools.ts) when the resident
 * first opens its follow controls. The follow state is read when they open, from the resident's
 * follows, since the initiative's viewer does not carry it; a new frequency for a standing follow is
 * sent at once. Following changes nothing the initiative shows, so the initiative does not load
 * again. Another user or initiative closes the controls and forgets the state.
 */
export class InitiativeFollow extends ViewerScopedTool {
  /** Whether the resident follows the initiative; undefined until their follows are read. */
  private following?: boolean;
  private frequency: FollowFrequency = 'immediate';

  constructor(
    host: ToolHost,
    auth: SessionController,
    private readonly locale: LocaleController,
    private readonly act: Act,
  ) {
    super(host, auth);
  }

  protected reset(): void {
    this.following = undefined;
    this.frequency = 'immediate';
  }

  /** Opens the controls, reading the follow state the first time, or closes them. */
  toggle(): void {
    this.open = !this.open;
    if (this.open && this.following === undefined) void this.read();
    this.host.requestUpdate();
  }

  private get client() {
    return this.auth.session!.client;
  }

  private get id() {
    return this.host.detail!.id;
  }

  /** The API lists follows; it has no lookup of one. */
  private async read(): Promise<void> {
    const key = this.key;
    let found: { frequency: FollowFrequency } | undefined;
    try {
      for await (const follow of this.client.me.follows.all({ limit: 50 })) {
        if (follow.targetType === 'initiative' && follow.targetId === this.id) {
          found = follow;
          break;
        }
      }
    } catch {
      // Unknown: the button offers to follow, which sets the follow whatever it was.
    }
    if (key !== this.key) return;
    this.following = !!found;
    if (found) this.frequency = found.frequency;
    this.host.requestUpdate();
  }

  private toggleFollow(): void {
    const follow = !this.following;
    const frequency = this.frequency;
    void this.act(
      () =>
        follow
          ? this.client.follows.follow('initiative', this.id, { frequency, locale: this.locale.intl.startsWith('en') ? 'en' : 'nl' })
          : this.client.follows.unfollow('initiative', this.id),
      follow
        ? msg(str`U volgt dit initiatief. E-mail: ${frequencyLabel(frequency)}.`, { id: 'actions-followed' })
        : msg('U volgt dit initiatief niet meer. U krijgt er geen e-mail meer over.', { id: 'actions-unfollowed' }),
    ).then((ok) => {
      if (ok) this.following = follow;
      this.host.requestUpdate();
    });
  }

  /** Before following, the choice waits for the follow button. */
  private onFrequency(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const frequency = select.value as FollowFrequency;
    const before = this.frequency;
    this.frequency = frequency;
    if (!this.following) return;
    void this.act(
      () => this.client.follows.follow('initiative', this.id, { frequency }),
      msg(str`Gewijzigd. E-mail over dit initiatief: ${frequencyLabel(frequency)}.`, { id: 'actions-follow-frequency-changed' }),
    ).then((ok) => {
      if (ok) return;
      // The list shows what holds: the frequency as it was.
      this.frequency = before;
      select.value = before;
    });
  }

  /** The controls when open: the frequency and the button to follow or stop; a line while the state is read. */
  render() {
    if (!this.open) return nothing;
    return html`<div id="follow" class="stack">
      ${this.following === undefined
        ? html`<p>${msg('Even kijken of u dit initiatief volgt…', { id: 'actions-follow-reading' })}</p>`
        : html`<div class="field">
              <label for="follow-frequency">${msg('E-mail over dit initiatief', { id: 'actions-follow-frequency' })}</label>
              <select id="follow-frequency" @change=${(event: Event) => this.onFrequency(event)}>
                ${FREQUENCIES.map((frequency) => html`<option value=${frequency} ?selected=${this.frequency === frequency}>${frequencyLabel(frequency)}</option>`)}
              </select>
            </div>
            <div class="actions">
              <button part="button" class="button" type="button" @click=${() => this.toggleFollow()}>
                ${this.following ? msg('Niet meer volgen', { id: 'actions-unfollow' }) : msg('Volg dit initiatief', { id: 'actions-follow-confirm' })}
              </button>
            </div>`}
    </div>`;
  }
}
