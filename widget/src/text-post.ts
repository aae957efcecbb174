import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { Draft } from './drafts.js';
import { writeProblemMessage } from './labels/write-problem.js';
import { problemCode } from './problem-code.js';

/** How a `TextPost` looks: its ids' prefix, the field's label and the buttons' texts. */
export interface TextPostView {
  /** Unique in the shadow root: prefixes the field's and messages' ids. */
  id: string;
  label: string;
  submit: string;
  hint?: string;
  /** Shows a cancel button that calls this. */
  cancel?: () => void;
  rows?: number;
}

/**
 * One text a resident writes and posts (a comment, reply, edit, update or offer): the labelled
 * field, its draft, and the post itself. Nothing typed is lost: the text is kept in `draft` (when
 * given) until it is posted; a failed post keeps it, says why in plain language next to the button
 * and to screen readers, and the retry of the same text reuses the Idempotency-Key, so the API
 * applies it exactly once.
 */
export class TextPost {
  text: string;
  problem = '';
  empty = false;
  busy = false;
  /** The key of the last attempt and its text, when there is no draft to keep them. */
  private attempt?: { key: string; text: string };

  constructor(
    private readonly host: ReactiveControllerHost & { announce(message: string): void },
    private readonly draft?: Draft<string>,
    initial = '',
  ) {
    this.text = draft?.load() ?? initial;
  }

  /**
   * Posts the text with `send` (given the trimmed text and the Idempotency-Key to use). Resolves
   * with its answer, or undefined when the text was empty or the post failed (the text stays).
   */
  async post<T>(send: (text: string, idempotencyKey: string) => Promise<T>): Promise<T | undefined> {
    const text = this.text.trim();
    if (this.busy) return undefined;
    this.empty = !text;
    if (this.empty) {
      this.host.requestUpdate();
      return undefined;
    }
    this.busy = true;
    this.problem = '';
    this.host.announce(msg('Bezig met plaatsen…', { id: 'posting' }));
    this.host.requestUpdate();
    try {
      const result = await send(text, this.key(text));
      this.draft?.clear();
      this.attempt = undefined;
      this.text = '';
      return result;
    } catch (error) {
      this.problem = writeProblemMessage(problemCode(error));
      this.host.announce(this.problem);
      return undefined;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private key(text: string): string {
    if (this.draft) return this.draft.postKey(text);
    if (this.attempt?.text !== text) this.attempt = { key: crypto.randomUUID(), text };
    return this.attempt.key;
  }

  // An arrow function: Lit calls listeners with the element, not this object, as `this`.
  private readonly onInput = (event: Event): void => {
    this.text = (event.target as HTMLTextAreaElement).value;
    this.empty = false;
    this.draft?.save(this.text, !this.text.trim());
    this.host.requestUpdate();
  };

  /** The field, its messages and the buttons; `onSubmit` should call `post`. */
  render(view: TextPostView, onSubmit: (event: Event) => void) {
    const errorId = `${view.id}-error`;
    const hintId = `${view.id}-hint`;
    const problemId = `${view.id}-problem`;
    const describedBy = [view.hint ? hintId : '', this.empty ? errorId : ''].filter(Boolean).join(' ');
    return html`<form class="post-form" novalidate @submit=${onSubmit}>
      <div class="field">
        <label for=${view.id}>${view.label}</label>
        ${view.hint ? html`<p id=${hintId} class="hint">${view.hint}</p>` : nothing}
        <textarea
          id=${view.id}
          rows=${view.rows ?? 4}
          maxlength="10000"
          .value=${this.text}
          aria-invalid=${this.empty ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          @input=${this.onInput}
        ></textarea>
        ${this.empty ? html`<p id=${errorId} class="field-error">${msg('Schrijf eerst iets.', { id: 'post-empty' })}</p>` : nothing}
      </div>
      <p id=${problemId} class="notice problem">${this.problem || nothing}</p>
      <div class="actions">
        <button part="button" class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'} aria-describedby=${this.problem ? problemId : nothing}>
          ${this.problem ? msg('Opnieuw plaatsen', { id: 'post-again' }) : view.submit}
        </button>
        ${view.cancel ? html`<button part="button" class="button secondary" type="button" @click=${view.cancel}>${msg('Annuleren', { id: 'cancel' })}</button>` : nothing}
      </div>
    </form>`;
  }
}
