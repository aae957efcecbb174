import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { InitiativeDetail, UpdateInitiativeRequest } from '@buurtplein/sdk/contract';
import type { Draft } from '../../drafts.js';
import { writeProblemMessage } from '../../labels/write-problem.js';
import { problemCode } from '../../problem-code.js';
import type { SessionController } from '../../session/session-controller.js';

/** The initiative's texts as an organiser edits them, kept as a draft until saved. */
export interface EditDraft {
  title: string;
  summary: string;
  body: string;
}
type EditField = keyof EditDraft;

/** The element that shows the edit: it renders the form in its shadow root, says results in its live region and fires `changed`. */
export type EditHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode; announce(message: string): void };

/**
 * An organiser's edit of the initiative's title, summary and plan, for `<buurt-initiative-actions>`,
 * which loads it on demand (src/initiative-tools.ts). The texts are kept in `draft` as they are
 * typed, so an edit from an earlier visit opens again; errors show at their fields; only the texts
 * that changed are sent, so an edit does not overwrite a co-organiser's change to another; a retry
 * of the same edit reuses its Idempotency-Key.
 */
export class InitiativeEdit {
  /** The form shows (instead of the button that opens it). */
  open: boolean;
  private value: EditDraft;
  private errors: Partial<Record<EditField, string>> = {};
  private problem = '';
  private busy = false;

  constructor(
    private readonly host: EditHost,
    private readonly auth: SessionController,
    private readonly draft: Draft<EditDraft>,
  ) {
    const kept = draft.load();
    this.open = !!kept;
    this.value = kept ?? { title: '', summary: '', body: '' };
  }

  /** Opens the form with the initiative's texts, or with a kept edit of them, and puts focus on the title. */
  start(detail: InitiativeDetail): void {
    if (!this.open) this.value = { title: detail.title, summary: detail.summary, body: detail.body };
    this.open = true;
    this.focus('edit-title');
  }

  private focus(id: string): void {
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus());
  }

  private cancel(): void {
    this.draft.clear();
    this.open = false;
    this.errors = {};
    this.problem = '';
    this.focus('edit-open');
  }

  private onInput(field: EditField, event: Event): void {
    this.value = { ...this.value, [field]: (event.target as HTMLInputElement | HTMLTextAreaElement).value };
    this.draft.save(this.value);
    if (this.errors[field]) {
      this.errors = { ...this.errors, [field]: undefined };
      this.host.requestUpdate();
    }
  }

  private async save(event: Event, detail: InitiativeDetail): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const value = { title: this.value.title.trim(), summary: this.value.summary.trim(), body: this.value.body.trim() };
    const errors: Partial<Record<EditField, string>> = {};
    if (value.title.length < 3) errors.title = msg('Geef uw initiatief een titel van minstens 3 tekens.', { id: 'start-error-title' });
    if (!value.summary) errors.summary = msg('Vat uw idee samen in een of twee zinnen.', { id: 'start-error-summary' });
    this.errors = errors;
    const first = (['title', 'summary'] as const).find((field) => errors[field]);
    if (first) {
      this.host.announce(msg('Niet alles is goed ingevuld. Kijk bij de velden met een melding.', { id: 'start-errors' }));
      return this.focus(`edit-${first}`);
    }
    const changes: UpdateInitiativeRequest = {};
    if (value.title !== detail.title) changes.title = value.title;
    if (value.summary !== detail.summary) changes.summary = value.summary;
    if (value.body !== detail.body) changes.body = value.body;
    if (!Object.keys(changes).length) return this.host.announce(msg('Er is niets gewijzigd.', { id: 'actions-edit-unchanged' }));
    this.busy = true;
    this.problem = '';
    this.host.announce(msg('Bezig met opslaan…', { id: 'actions-edit-saving' }));
    try {
      await this.auth.session!.client.initiatives.update(detail.id, changes, { idempotencyKey: this.draft.postKey(value) });
      this.draft.clear();
      this.open = false;
      this.host.announce(msg('Uw wijzigingen zijn opgeslagen.', { id: 'actions-edit-saved' }));
      // The button pressed is gone with the form: focus goes back to where the edit started.
      this.focus('edit-open');
      // The initiative around the actions loads again, with the new texts.
      this.host.dispatchEvent(new Event('changed'));
    } catch (error) {
      this.problem = writeProblemMessage(problemCode(error));
      this.host.announce(this.problem);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private renderField(field: EditField, label: string, multiline: boolean) {
    const error = this.errors[field];
    const id = `edit-${field}`;
    const invalid = error ? 'true' : 'false';
    const describedBy = error ? `${id}-error` : nothing;
    const onInput = (event: Event) => this.onInput(field, event);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${multiline
        ? html`<textarea id=${id} rows="6" maxlength="10000" .value=${this.value[field]} aria-invalid=${invalid} aria-describedby=${describedBy} @input=${onInput}></textarea>`
        : html`<input id=${id} type="text" required maxlength=${field === 'title' ? 120 : 300} .value=${this.value[field]} aria-invalid=${invalid} aria-describedby=${describedBy} @input=${onInput} />`}
      ${error ? html`<p id="${id}-error" class="field-error">${error}</p>` : nothing}
    </div>`;
  }

  /** The form, when open. */
  render(detail: InitiativeDetail) {
    if (!this.open) return nothing;
    return html`<form class="stack" novalidate aria-labelledby="edit-heading" @submit=${(event: Event) => void this.save(event, detail)}>
      <h4 id="edit-heading">${msg('Initiatief bewerken', { id: 'actions-edit-open' })}</h4>
      ${this.renderField('title', msg('Titel', { id: 'start-title-label' }), false)}
      ${this.renderField('summary', msg('Samenvatting', { id: 'actions-edit-summary' }), false)}
      ${this.renderField('body', msg('Het plan', { id: 'actions-edit-body' }), true)}
      ${this.problem ? html`<p class="notice problem" id="edit-problem">${this.problem}</p>` : nothing}
      <div class="actions">
        <button part="button" class="button" type="submit" aria-describedby=${this.problem ? 'edit-problem' : nothing}>
          ${msg('Wijzigingen opslaan', { id: 'actions-edit-save' })}
        </button>
        <button part="button" class="button secondary" type="button" @click=${() => this.cancel()}>${msg('Annuleren', { id: 'actions-edit-cancel' })}</button>
      </div>
    </form>`;
  }
}
