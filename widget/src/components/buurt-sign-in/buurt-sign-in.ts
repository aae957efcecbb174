import { html, nothing, type PropertyDeclarations } from 'lit';
import { msg, str } from '@lit/localize';
import { BuurtElement } from '../../buurt-element.js';
import { fire } from '../../events.js';
import { writeProblemMessage } from '../../labels/write-problem.js';
import { LocaleController } from '../../locale.js';
import { problemCode } from '../../problem-code.js';
import { SessionController } from '../../session/session-controller.js';
import { styles } from './buurt-sign-in.styles.js';

/** Problems that mean the code itself is the trouble, shown at the code field. */
const CODE_PROBLEMS = new Set(['code-invalid', 'code-expired', 'code-locked', 'invalid-request']);

/** A plausible e-mail address: the API checks it properly. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Signing in with an e-mail code, in three short screens: the e-mail address, then the 6-digit
 * code that was sent to it, then "signed in" with a sign-out button. No password. Errors are
 * said in plain language at the field they concern (tied with `aria-describedby`), and focus moves
 * to each new screen's heading. A session survives a reload (see `SiteSession`).
 *
 * @example
 * <buurt-sign-in></buurt-sign-in>
 *
 * @tagname buurt-sign-in
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart heading - The screen's heading.
 * @csspart form - The e-mail or code form.
 * @csspart button - Every button.
 *
 * @cssprop --buurt-font-size-heading - Size of the headings.
 * @cssprop --buurt-color-error - Colour of error messages and of fields with an error.
 *
 * @fires {CustomEvent<UserSignedInDetail>} buurt-user-signed-in - A resident signed in.
 */
export class BuurtSignIn extends BuurtElement {
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    screen: { state: true },
    email: { state: true },
    error: { state: true },
    busy: { state: true },
    announcement: { state: true },
  };

  private screen: 'email' | 'code' = 'email';
  private email = '';
  /** The message at the current screen's field; empty when all is well. */
  private error = '';
  private busy = false;
  private announcement = '';
  private readonly locale = new LocaleController(this);
  private readonly auth = new SessionController(this, () => this.source());

  /** Moves focus to the current screen's heading, as a view that just opened should. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="heading"]')?.focus();
  }

  private async focusField(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  private async sendCode(event: Event): Promise<void> {
    event.preventDefault();
    const session = this.auth.session;
    const email = (this.renderRoot.querySelector<HTMLInputElement>('#email')?.value ?? this.email).trim();
    this.email = email;
    if (!EMAIL.test(email)) {
      this.error = msg('Vul uw e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.', { id: 'sign-in-email-invalid' });
      void this.focusField();
      return;
    }
    if (!session || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      await session.startEmail(email);
      this.screen = 'code';
      this.announcement = msg(str`We hebben een code gestuurd naar ${email}.`, { id: 'sign-in-code-sent' });
      void this.focusHeading();
    } catch (error) {
      this.error = writeProblemMessage(problemCode(error));
      void this.focusField();
    } finally {
      this.busy = false;
    }
  }

  private async verify(event: Event): Promise<void> {
    event.preventDefault();
    const session = this.auth.session;
    const code = (this.renderRoot.querySelector<HTMLInputElement>('#code')?.value ?? '').replace(/\D/g, '');
    if (code.length !== 6) {
      this.error = msg('Typ de 6 cijfers uit de e-mail.', { id: 'sign-in-code-short' });
      void this.focusField();
      return;
    }
    if (!session || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const user = await session.verifyEmail(this.email, code);
      this.screen = 'email';
      this.announcement = msg(str`U bent ingelogd als ${user.displayName}.`, { id: 'sign-in-done' });
      fire(this, 'buurt-user-signed-in', { user });
      void this.focusHeading();
    } catch (error) {
      const code = problemCode(error);
      this.error = writeProblemMessage(code);
      if (!CODE_PROBLEMS.has(code) && code !== 'rate-limited') this.announcement = this.error;
      void this.focusField();
    } finally {
      this.busy = false;
    }
  }

  private otherEmail(): void {
    this.screen = 'email';
    this.error = '';
    void this.focusHeading();
  }

  private async signOut(): Promise<void> {
    await this.auth.session?.logout();
    this.announcement = msg('U bent uitgelogd.', { id: 'sign-out-done' });
    void this.focusHeading();
  }

  private renderError(id: string) {
    return this.error ? html`<p id=${id} class="field-error">${this.error}</p>` : nothing;
  }

  private renderEmail() {
    const invalid = !!this.error;
    return html`<h2 part="heading" class="view-heading" tabindex="-1">${msg('Inloggen', { id: 'sign-in-heading' })}</h2>
      <p>${msg('U krijgt een code van 6 cijfers per e-mail. Een wachtwoord is niet nodig.', { id: 'sign-in-intro' })}</p>
      <form part="form" novalidate @submit=${this.sendCode}>
        <div class="field">
          <label for="email">${msg('E-mailadres', { id: 'sign-in-email-label' })}</label>
          <input
            id="email"
            type="email"
            autocomplete="email"
            spellcheck="false"
            required
            .value=${this.email}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${invalid ? 'email-error' : nothing}
          />
          ${this.renderError('email-error')}
        </div>
        <div class="actions">
          <button part="button" class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${msg('Stuur mij een code', { id: 'sign-in-send-code' })}
          </button>
        </div>
      </form>`;
  }

  private renderCode() {
    const invalid = !!this.error;
    return html`<h2 part="heading" class="view-heading" tabindex="-1">${msg('Kijk in uw e-mail', { id: 'sign-in-code-heading' })}</h2>
      <p>${msg(str`We hebben een code gestuurd naar ${this.email}. De code werkt 10 minuten.`, { id: 'sign-in-code-intro' })}</p>
      <form part="form" novalidate @submit=${this.verify}>
        <div class="field">
          <label for="code">${msg('Code van 6 cijfers', { id: 'sign-in-code-label' })}</label>
          <input
            id="code"
            class="code"
            type="text"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9]*"
            maxlength="6"
            required
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${invalid ? 'code-error' : nothing}
          />
          ${this.renderError('code-error')}
        </div>
        <div class="actions">
          <button part="button" class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${msg('Inloggen', { id: 'sign-in-submit' })}
          </button>
          <button part="button" class="button secondary" type="button" @click=${this.sendCode}>
            ${msg('Stuur een nieuwe code', { id: 'sign-in-resend' })}
          </button>
          <button part="button" class="link-button" type="button" @click=${this.otherEmail}>
            ${msg('Ander e-mailadres', { id: 'sign-in-other-email' })}
          </button>
        </div>
      </form>`;
  }

  private renderSignedIn(name: string) {
    return html`<h2 part="heading" class="view-heading" tabindex="-1">${msg('U bent ingelogd', { id: 'signed-in-heading' })}</h2>
      <p>${msg(str`Ingelogd als ${name}.`, { id: 'signed-in-as' })}</p>
      <div class="actions">
        <button part="button" class="button secondary" type="button" @click=${this.signOut}>${msg('Uitloggen', { id: 'sign-out' })}</button>
      </div>`;
  }

  override render() {
    const user = this.auth.session?.user;
    return html`<section part="base" class="base stack">
      ${user ? this.renderSignedIn(user.displayName) : this.screen === 'code' ? this.renderCode() : this.renderEmail()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buurt-sign-in': BuurtSignIn;
  }
}
