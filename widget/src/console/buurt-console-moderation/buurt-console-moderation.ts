import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { localized, msg, str } from '@lit/localize';
import type { ModerationActionRequest, ModerationLogEntry, ModerationQueueItem } from '@buurtplein/sdk/contract';
import type { ConsoleApi } from '../console-api.js';
import { dateTime } from '../console-format.js';
import { announceSessionEnded, fieldProblems, problemMessage, sessionEnded } from '../console-problems.js';
import { consoleStyles } from '../console.styles.js';
import { moderationActionLabel, moderationStateLabel, reportReasonLabel, targetTypeLabel } from '../labels/moderation-labels.js';
import { styles } from './buurt-console-moderation.styles.js';

type Decision = 'hide' | 'restore' | 'dismiss' | 'block-user';

/** The decision a moderator is writing the reason for. */
interface OpenDecision {
  item: ModerationQueueItem;
  action: Decision;
  reason: string;
  error: string;
  busy: boolean;
}

const keyOf = (item: ModerationQueueItem) => `${item.targetType}-${item.targetId}`;

/**
 * The moderation section: the queue of reported and pending content (grouped per item, with the
 * number of reports, their reasons and notes, and the reported text shown as text), decisions
 * that each need a reason — hide, restore, dismiss, block the author — and the audit log.
 * Network admins who are no moderator see the audit log only.
 *
 * @fires buurt-console-session-ended - The API no longer accepts the session.
 */
@localized()
export class BuurtConsoleModeration extends LitElement {
  static override styles = [consoleStyles, styles];
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    site: {},
    canAct: { type: Boolean, attribute: 'can-act' },
    queue: { state: true },
    queueError: { state: true },
    log: { state: true },
    logCursor: { state: true },
    logError: { state: true },
    decision: { state: true },
    announcement: { state: true },
  };

  api?: ConsoleApi;
  /** The site managed; a change loads the queue again. */
  site = '';
  /** Whether the user moderates (sees the queue and decides) rather than only reading the log. */
  canAct = false;

  private queue?: ModerationQueueItem[];
  private queueError = '';
  private log?: ModerationLogEntry[];
  private logCursor: string | null = null;
  private logError = '';
  private decision?: OpenDecision;
  private announcement = '';
  private loadedKey?: string;

  override willUpdate(): void {
    const key = `${this.site} ${this.canAct}`;
    if (this.api && key !== this.loadedKey) {
      this.loadedKey = key;
      void this.reload();
    }
  }

  /** Loads the queue and the first page of the audit log again. */
  async reload(): Promise<void> {
    await Promise.all([this.canAct ? this.loadQueue() : Promise.resolve(), this.loadLog(false)]);
  }

  private failed(error: unknown): string {
    if (sessionEnded(error)) announceSessionEnded(this);
    return problemMessage(error);
  }

  private async loadQueue(): Promise<void> {
    this.queueError = '';
    try {
      this.queue = (await this.api!.moderationQueue()).data;
    } catch (error) {
      this.queue = undefined;
      this.queueError = this.failed(error);
    }
  }

  private async loadLog(more: boolean): Promise<void> {
    this.logError = '';
    try {
      const page = await this.api!.auditLog(more ? (this.logCursor ?? undefined) : undefined);
      this.log = more ? [...(this.log ?? []), ...page.data] : page.data;
      this.logCursor = page.nextCursor;
    } catch (error) {
      this.logError = this.failed(error);
    }
  }

  private async open(item: ModerationQueueItem, action: Decision): Promise<void> {
    this.decision = { item, action, reason: '', error: '', busy: false };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('#decision-reason')?.focus();
  }

  private async cancel(): Promise<void> {
    const item = this.decision?.item;
    this.decision = undefined;
    await this.updateComplete;
    if (item) this.renderRoot.querySelector<HTMLElement>(`#item-${keyOf(item)} h4`)?.focus();
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const decision = this.decision;
    if (!decision || decision.busy) return;
    const reason = decision.reason.trim();
    if (reason.length < 3) {
      this.decision = { ...decision, error: msg('Schrijf een reden van minstens 3 tekens; de schrijver krijgt die te lezen.', { id: 'console-reason-required' }) };
      this.renderRoot.querySelector<HTMLTextAreaElement>('#decision-reason')?.focus();
      return;
    }
    const { item, action } = decision;
    let request: ModerationActionRequest;
    if (action === 'block-user') request = { action, userId: item.author!.id, reason };
    else request = { action, targetType: item.targetType, targetId: item.targetId, reason };
    this.decision = { ...decision, busy: true, error: '' };
    try {
      await this.api!.moderate(request);
      this.decision = undefined;
      this.announcement = this.doneMessage(item, action);
      await this.reload();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#queue-heading')?.focus();
    } catch (error) {
      const problem = fieldProblems(error).get('reason');
      this.decision = { ...decision, busy: false, error: problem ?? this.failed(error) };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLTextAreaElement>('#decision-reason')?.focus();
    }
  }

  private doneMessage(item: ModerationQueueItem, action: Decision): string {
    const what = targetTypeLabel(item.targetType);
    switch (action) {
      case 'hide':
        return msg(str`${what} verborgen. De schrijver krijgt de reden per e-mail.`, { id: 'console-done-hide' });
      case 'restore':
        return msg(str`${what} weer zichtbaar.`, { id: 'console-done-restore' });
      case 'dismiss':
        return msg('Meldingen afgewezen; de inhoud blijft staan.', { id: 'console-done-dismiss' });
      case 'block-user':
        return msg(str`${item.author?.displayName ?? ''} is geblokkeerd.`, { id: 'console-done-block' });
    }
  }

  private actionLabel(action: Decision): string {
    switch (action) {
      case 'hide':
        return msg('Verbergen', { id: 'console-do-hide' });
      case 'restore':
        return msg('Herstellen', { id: 'console-do-restore' });
      case 'dismiss':
        return msg('Melding afwijzen', { id: 'console-do-dismiss' });
      case 'block-user':
        return msg('Schrijver blokkeren', { id: 'console-do-block' });
    }
  }

  private renderDecision(decision: OpenDecision) {
    const invalid = decision.error !== '';
    return html`<form class="decision" @submit=${this.submit} novalidate>
      <div class="field">
        <label for="decision-reason">${msg(str`Reden (${this.actionLabel(decision.action)})`, { id: 'console-reason-label' })}</label>
        <span class="hint" id="decision-hint">${msg('Verplicht. De schrijver krijgt deze reden per e-mail; ze komt ook in het auditlog.', { id: 'console-reason-hint' })}</span>
        <textarea
          id="decision-reason"
          name="reason"
          required
          maxlength="1000"
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'decision-hint decision-error' : 'decision-hint'}
          .value=${decision.reason}
          @input=${(e: Event) => (this.decision = { ...decision, reason: (e.target as HTMLTextAreaElement).value, error: '' })}
        ></textarea>
        ${invalid ? html`<span class="field-error" id="decision-error">${decision.error}</span>` : nothing}
      </div>
      <div class="row">
        <button type="submit" class=${decision.action === 'restore' || decision.action === 'dismiss' ? '' : 'danger'} ?disabled=${decision.busy}>
          ${msg(str`${this.actionLabel(decision.action)} bevestigen`, { id: 'console-confirm' })}
        </button>
        <button type="button" class="secondary" @click=${this.cancel}>${msg('Annuleren', { id: 'console-cancel' })}</button>
      </div>
    </form>`;
  }

  private renderItem(item: ModerationQueueItem) {
    const key = keyOf(item);
    const open = this.decision && keyOf(this.decision.item) === key ? this.decision : undefined;
    const actions: Decision[] = item.state === 'visible' ? ['hide', 'dismiss'] : ['restore', 'dismiss'];
    if (item.author) actions.push('block-user');
    return html`<li class="card item" id="item-${key}" data-target=${key}>
      <h4 tabindex="-1">
        ${targetTypeLabel(item.targetType)} ·
        ${item.reportCount === 1
          ? msg('1 melding', { id: 'console-report-count-one' })
          : msg(str`${item.reportCount} meldingen`, { id: 'console-report-count' })}
      </h4>
      <dl class="facts">
        <div><dt>${msg('Status', { id: 'console-label-state' })}</dt><dd class="state state-${item.state}">${moderationStateLabel(item.state)}</dd></div>
        <div>
          <dt>${msg('Geschreven door', { id: 'console-label-author' })}</dt>
          <dd>${item.author ? html`${item.author.displayName} <span class="hint mono">(${item.author.id})</span>` : msg('onbekend', { id: 'console-author-unknown' })}</dd>
        </div>
        ${item.firstReportedAt
          ? html`<div><dt>${msg('Eerste melding', { id: 'console-label-first-report' })}</dt><dd>${dateTime(item.firstReportedAt)}</dd></div>`
          : nothing}
        ${item.reasons.length
          ? html`<div>
              <dt>${msg('Redenen', { id: 'console-label-reasons' })}</dt>
              <dd>
                <ul class="plain reasons">
                  ${item.reasons.map((r) => html`<li>${reportReasonLabel(r.reason)} (${r.count})</li>`)}
                </ul>
              </dd>
            </div>`
          : nothing}
      </dl>
      <p class="hint">${msg('Gemelde tekst:', { id: 'console-reported-text' })}</p>
      <blockquote class="reported-text">${item.text}</blockquote>
      ${item.notes.length
        ? html`<p class="hint">${msg('Toelichting van melders:', { id: 'console-notes' })}</p>
            <ul class="notes">
              ${item.notes.map((note) => html`<li>${note}</li>`)}
            </ul>`
        : nothing}
      ${open
        ? this.renderDecision(open)
        : html`<div class="row actions">
            ${actions.map(
              (action) =>
                html`<button type="button" class=${action === 'hide' ? '' : 'secondary'} data-action=${action} @click=${() => this.open(item, action)}>
                  ${this.actionLabel(action)}
                </button>`,
            )}
          </div>`}
    </li>`;
  }

  private renderQueue() {
    return html`<section aria-labelledby="queue-heading">
      <div class="row heading-row">
        <h3 id="queue-heading" tabindex="-1">${msg('Meldingen', { id: 'console-queue-heading' })}</h3>
        <button type="button" class="secondary" @click=${() => this.loadQueue()}>${msg('Vernieuwen', { id: 'console-refresh' })}</button>
      </div>
      ${this.queueError
        ? html`<p class="message error">${this.queueError}</p>`
        : !this.queue
          ? html`<p>${msg('Laden…', { id: 'console-loading' })}</p>`
          : this.queue.length === 0
            ? html`<p class="message">${msg('Er is niets te beoordelen.', { id: 'console-queue-empty' })}</p>`
            : html`<ul class="plain queue">
                ${this.queue.map((item) => this.renderItem(item))}
              </ul>`}
    </section>`;
  }

  private renderLog() {
    return html`<section aria-labelledby="log-heading">
      <h3 id="log-heading">${msg('Auditlog', { id: 'console-log-heading' })}</h3>
      <p class="hint">${msg('Elke beslissing, nieuwste eerst. Regels worden nooit gewijzigd of verwijderd.', { id: 'console-log-hint' })}</p>
      ${this.logError ? html`<p class="message error">${this.logError}</p>` : nothing}
      ${this.log && this.log.length === 0 ? html`<p class="message">${msg('Nog geen beslissingen.', { id: 'console-log-empty' })}</p>` : nothing}
      ${this.log?.length
        ? html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="log-caption">
            <table class="log">
              <caption class="visually-hidden" id="log-caption">${msg('Auditlog van moderatie', { id: 'console-log-caption' })}</caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Wanneer', { id: 'console-log-when' })}</th>
                  <th scope="col">${msg('Beslissing', { id: 'console-log-action' })}</th>
                  <th scope="col">${msg('Betreft', { id: 'console-log-target' })}</th>
                  <th scope="col">${msg('Door', { id: 'console-log-actor' })}</th>
                  <th scope="col">${msg('Reden', { id: 'console-log-reason' })}</th>
                </tr>
              </thead>
              <tbody>
                ${this.log.map(
                  (entry) => html`<tr>
                    <td>${dateTime(entry.createdAt)}</td>
                    <td>${moderationActionLabel(entry.action)}</td>
                    <td>
                      ${entry.targetType ? html`${targetTypeLabel(entry.targetType)} <span class="mono">${entry.targetId}</span>` : nothing}
                      ${entry.userId ? html`<span class="hint">${msg('gebruiker', { id: 'console-log-user' })} <span class="mono">${entry.userId}</span></span>` : nothing}
                    </td>
                    <td>${entry.actor.kind === 'system' ? msg('systeem', { id: 'console-log-system' }) : html`<span class="mono">${entry.actor.id}</span>`}</td>
                    <td class="reason">${entry.reason}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : nothing}
      ${this.logCursor
        ? html`<button type="button" class="secondary" @click=${() => this.loadLog(true)}>${msg('Meer laden', { id: 'console-load-more' })}</button>`
        : nothing}
    </section>`;
  }

  override render() {
    return html`${this.canAct ? this.renderQueue() : nothing} ${this.renderLog()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buurt-console-moderation': BuurtConsoleModeration;
  }
}
