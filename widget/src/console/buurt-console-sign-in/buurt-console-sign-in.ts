import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { localized, msg, str } from '@lit/localize';
import type { Me } from '@buurtplein/sdk/contract';
import type { ConsoleApi } from '../console-api.js';
import { fieldProblems, problemCode, problemMessage } from '../console-problems.js';
import { consoleStyles } from '../console.styles.js';

/** Detail of `buurt-console-signed-in`. */
export interface SignedInDetail {
  user: Me;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Signing in to the console with a one-time code sent by e-mail: first the address, then the
 * six digits. Errors are shown next to the field they concern and the field gets focus.
 *
 * @fires {CustomEvent<SignedInDetail>} buurt-console-signed-in - The user signed in.
 */
@localized()
export class BuurtConsoleSignIn extends LitElement {
  static override styles = consoleStyles;
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    step: { state: true },
    email: { state: true },
    code: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  api?: ConsoleApi;

  private step: 'email' | 'code' = 'email';
  private email = '';
  private code = '';
  private error = '';
  private busy = false;

  /** Moves focus to the first field. */
  async focusField(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  private async fail(message: string): Promise<void> {
    this.error = message;
    this.busy = false;
    await this.focusField();
  }

  private async sendCode(event: Event): Promise<void> {
    event.preventDefault();
    const email = this.email.trim();
    if (!EMAIL.test(email)) return this.fail(msg('Vul een e-mailadres in, zoals naam@voorbeeldstad.nl.', { id: 'console-email-invalid' }));
    this.busy = true;
    this.error = '';
    try {
      await this.api!.startEmail(email);
      this.step = 'code';
      this.busy = false;
      await this.focusField();
    } catch (error) {
      await this.fail(fieldProblems(error).get('email') ?? problemMessage(error));
    }
  }

  private async verify(event: Event): Promise<void> {
    event.preventDefault();
    const code = this.code.trim();
    if (!/^\d{6}$/.test(code)) return this.fail(msg('Vul de zes cijfers uit de e-mail in.', { id: 'console-code-invalid' }));
    this.busy = true;
    this.error = '';
    try {
      const user = await this.api!.verifyEmail(this.email.trim(), code);
      this.busy = false;
      this.dispatchEvent(new CustomEvent<SignedInDetail>('buurt-console-signed-in', { detail: { user }, bubbles: true, composed: true }));
    } catch (error) {
      const expired = ['code-expired', 'code-locked'].includes(problemCode(error));
      if (expired) this.code = '';
      await this.fail(problemMessage(error));
    }
  }

  private async again(): Promise<void> {
    this.step = 'email';
    this.code = '';
    this.error = '';
    await this.focusField();
  }

  private renderField(id: string, label: string, hint: string, value: string, onInput: (value: string) => void, attrs: { type: string; autocomplete: string; inputmode?: string }) {
    const invalid = this.error !== '';
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <span class="hint" id="${id}-hint">${hint}</span>
      <input
        id=${id}
        name=${id}
        type=${attrs.type}
        autocomplete=${attrs.autocomplete}
        inputmode=${attrs.inputmode ?? nothing}
        required
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
        .value=${value}
        @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
      />
      ${invalid ? html`<span class="field-error" id="${id}-error">${this.error}</span>` : nothing}
    </div>`;
  }

  override render() {
    if (this.step === 'email') {
      return html`<form @submit=${this.sendCode} novalidate>
        <h2>${msg('Aanmelden', { id: 'console-sign-in-heading' })}</h2>
        <p>${msg('Voor moderatoren en netwerkbeheerders. U krijgt een code per e-mail.', { id: 'console-sign-in-intro' })}</p>
        ${this.renderField(
          'email',
          msg('E-mailadres', { id: 'console-email-label' }),
          msg('Het adres waarmee u bij Buurtplein bekend bent.', { id: 'console-email-hint' }),
          this.email,
          (value) => ((this.email = value), (this.error = '')),
          { type: 'email', autocomplete: 'email' },
        )}
        <div><button type="submit" ?disabled=${this.busy}>${msg('Stuur mij een code', { id: 'console-send-code' })}</button></div>
      </form>`;
    }
    return html`<form @submit=${this.verify} novalidate>
      <h2>${msg('Code invullen', { id: 'console-code-heading' })}</h2>
      <p role="status">${msg(str`We hebben een code gestuurd naar ${this.email.trim()}. Hij is 10 minuten geldig.`, { id: 'console-code-sent' })}</p>
      ${this.renderField(
        'code',
        msg('Code', { id: 'console-code-label' }),
        msg('Zes cijfers.', { id: 'console-code-hint' }),
        this.code,
        (value) => ((this.code = value), (this.error = '')),
        { type: 'text', autocomplete: 'one-time-code', inputmode: 'numeric' },
      )}
      <div class="row">
        <button type="submit" ?disabled=${this.busy}>${msg('Aanmelden', { id: 'console-verify' })}</button>
        <button type="button" class="secondary" @click=${this.again}>${msg('Ander adres of nieuwe code', { id: 'console-start-again' })}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buurt-console-sign-in': BuurtConsoleSignIn;
  }
}
