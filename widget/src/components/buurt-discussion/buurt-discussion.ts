import { html, nothing, type PropertyDeclarations } from 'lit';
import { msg, str } from '@lit/localize';
import type { Comment, DomainEvent, ReportReason } from '@buurtplein/sdk/contract';
import { BuurtElement } from '../../buurt-element.js';
import { formatDateTime } from '../../dates.js';
import { Draft } from '../../drafts.js';
import { loadElement } from '../../element-chunks.js';
import { fire } from '../../events.js';
import { ThreadLiveController } from '../../live/thread-live-controller.js';
import { REPORT_REASONS, reportReasonLabel } from '../../labels/report-reason.js';
import { writeProblemMessage } from '../../labels/write-problem.js';
import { problemMessage } from '../../labels/problem-message.js';
import { LocaleController } from '../../locale.js';
import { problemCode } from '../../problem-code.js';
import { SessionController } from '../../session/session-controller.js';
import { TextPost } from '../../text-post.js';
import { styles } from './buurt-discussion.styles.js';

/** How deep replies nest (the contract's `MAX_REPLY_DEPTH`): a comment at this depth takes no replies. */
const MAX_REPLY_DEPTH = 3;

/** What is open under one comment: a reply, an edit, a report, or the question whether to delete. */
type Open = { id: string; kind: 'reply' | 'edit' | 'report' | 'delete' };

/**
 * A discussion: its comments, oldest first, with replies nested up to three deep. Signed in, a
 * resident comments, replies, edits and deletes their own comments, and reports others'. Drafts
 * of comments and replies are kept per site until posted; a failed post keeps the text and retries
 * with the same Idempotency-Key. Text is always shown as text.
 *
 * @example
 * <buurt-discussion thread="thr000000000001"></buurt-discussion>
 *
 * @tagname buurt-discussion
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart heading - The discussion's heading.
 * @csspart comment - One comment or reply.
 * @csspart button - Every button.
 *
 * @cssprop --buurt-font-size-heading - Size of the headings.
 * @cssprop --buurt-color-error - Colour of error messages and of fields with an error.
 *
 * @fires {CustomEvent<Record<string, never>>} buurt-sign-in-requested - A signed-out resident wants to comment; cancel it
 * to show your own sign-in, otherwise the discussion shows the sign-in screens itself.
 */
export class BuurtDiscussion extends BuurtElement {
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    thread: {},
    phase: { state: true },
    comments: { state: true },
    nextCursor: { state: true },
    open: { state: true },
    signInShown: { state: true },
    announcement: { state: true },
  };

  /** The id of the thread to show. */
  thread?: string;

  private phase: 'loading' | 'ready' | 'error' = 'loading';
  private comments: Comment[] = [];
  private nextCursor: string | null = null;
  /** Replies loaded so far, by parent comment id. */
  private replies = new Map<string, Comment[]>();
  private open?: Open;
  private signInShown = false;
  private announcement = '';
  private shownKey?: string;
  private newComment?: TextPost;
  /** The form under a comment (reply or edit), made when it opens. */
  private openPost?: TextPost;
  private errorCode = '';
  private readonly locale = new LocaleController(this);
  private readonly auth = new SessionController(this, () => this.source());
  /** New comments of other residents appear while the thread is open. */
  private readonly live = new ThreadLiveController(this, {
    ticket: async (threadId) => {
      await this.auth.session?.restored;
      return this.client.threads.createLiveTicket(threadId);
    },
    onEvent: (event) => this.onLiveEvent(event),
    poll: () => void this.refresh(),
  });

  /** Says `message` to screen readers (the element's live region). */
  announce(message: string): void {
    this.announcement = message;
  }

  override willUpdate(): void {
    const { site, api } = this.source();
    const key = `${api} ${site} ${this.thread}`;
    if (site && this.thread && key !== this.shownKey) {
      this.shownKey = key;
      this.newComment = new TextPost(this, new Draft(site, `comment:${this.thread}`));
      void this.load();
      this.live.follow(this.thread);
    }
  }

  /** Adds a comment that was posted elsewhere, once (our own arrives both ways). */
  private addComment(comment: Comment): void {
    if (comment.parentId) {
      const replies = this.replies.get(comment.parentId);
      if (replies && !replies.some((r) => r.id === comment.id)) this.replies = new Map(this.replies).set(comment.parentId, [...replies, comment]);
      return;
    }
    if (this.phase !== 'ready' || this.nextCursor !== null || this.comments.some((c) => c.id === comment.id)) return;
    this.comments = [...this.comments, comment];
  }

  private onLiveEvent(event: DomainEvent): void {
    if (event.type === 'comment.created' && event.data.thread.id === this.thread) this.addComment(event.data.comment);
  }

  /** The polling fallback while live updates are down: the first page again, merged in. */
  private async refresh(): Promise<void> {
    if (this.phase !== 'ready') return;
    const key = this.shownKey;
    try {
      const page = await this.client.comments.list(this.thread!, { limit: 50 });
      if (key === this.shownKey) page.data.forEach((comment) => this.addComment(comment));
    } catch {
      // The next poll or the socket tries again.
    }
  }

  private get client() {
    return this.auth.session!.client;
  }

  private async load(more = false): Promise<void> {
    const key = this.shownKey;
    if (!more) this.phase = 'loading';
    try {
      await this.auth.session?.restored;
      const page = await this.client.comments.list(this.thread!, more && this.nextCursor ? { cursor: this.nextCursor, limit: 50 } : { limit: 50 });
      if (key !== this.shownKey) return;
      this.comments = more ? [...this.comments, ...page.data] : page.data;
      this.nextCursor = page.nextCursor;
      this.phase = 'ready';
    } catch (error) {
      if (key !== this.shownKey) return;
      this.errorCode = problemCode(error);
      if (!more) this.phase = 'error';
      this.announcement = problemMessage(this.errorCode, msg('Het laden van de reacties is niet gelukt.', { id: 'discussion-load-failed' }));
    }
  }

  private async showReplies(parent: Comment): Promise<void> {
    try {
      const page = await this.client.comments.list(this.thread!, { parent: parent.id, limit: 50 });
      this.replies = new Map(this.replies).set(parent.id, page.data);
      this.announcement = msg(str`${this.locale.number(page.data.length)} antwoorden getoond.`, { id: 'discussion-replies-shown' });
    } catch (error) {
      this.announcement = problemMessage(problemCode(error), msg('Het laden van de antwoorden is niet gelukt.', { id: 'discussion-replies-failed' }));
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

  private async postComment(event: Event): Promise<void> {
    event.preventDefault();
    const comment = await this.newComment!.post((body, idempotencyKey) => this.client.comments.create(this.thread!, { body }, { idempotencyKey }));
    if (!comment) return;
    this.comments = [...this.comments.filter((c) => c.id !== comment.id), comment];
    this.announcement = msg('Uw reactie is geplaatst.', { id: 'discussion-posted' });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#c-${comment.id}`)?.focus();
  }

  private toggle(comment: Comment, kind: Open['kind']): void {
    if (this.open?.id === comment.id && this.open.kind === kind) return this.close(comment);
    const { site } = this.source();
    this.open = { id: comment.id, kind };
    this.openPost =
      kind === 'reply'
        ? new TextPost(this, new Draft(site!, `reply:${this.thread}:${comment.id}`))
        : kind === 'edit'
          ? new TextPost(this, undefined, comment.body ?? '')
          : undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#open-${comment.id}`)?.focus());
  }

  private close(comment: Comment): void {
    this.open = undefined;
    this.openPost = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#c-${comment.id}`)?.focus());
  }

  /** Puts `changed` in place of the comment with its id, wherever it is. */
  private replace(changed: Comment | null, id: string): void {
    const swap = (list: Comment[]) => (changed ? list.map((c) => (c.id === id ? changed : c)) : list.filter((c) => c.id !== id));
    this.comments = swap(this.comments);
    this.replies = new Map([...this.replies].map(([parent, list]) => [parent, swap(list)]));
  }

  private async reply(event: Event, parent: Comment): Promise<void> {
    event.preventDefault();
    const reply = await this.openPost!.post((body, idempotencyKey) => this.client.comments.create(this.thread!, { body, parentId: parent.id }, { idempotencyKey }));
    if (!reply) return;
    this.replace({ ...parent, replyCount: parent.replyCount + 1 }, parent.id);
    this.replies = new Map(this.replies).set(parent.id, [...(this.replies.get(parent.id) ?? []).filter((r) => r.id !== reply.id), reply]);
    this.announcement = msg('Uw antwoord is geplaatst.', { id: 'discussion-replied' });
    this.open = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#c-${reply.id}`)?.focus();
  }

  private async edit(event: Event, comment: Comment): Promise<void> {
    event.preventDefault();
    const edited = await this.openPost!.post((body, idempotencyKey) => this.client.comments.update(comment.id, { body }, { idempotencyKey }));
    if (!edited) return;
    this.replace(edited, comment.id);
    this.announcement = msg('Uw reactie is aangepast.', { id: 'discussion-edited' });
    this.close(comment);
  }

  private async deleteComment(comment: Comment): Promise<void> {
    try {
      await this.client.comments.delete(comment.id);
      this.replace(comment.replyCount ? { ...comment, status: 'deleted', body: null, author: null } : null, comment.id);
      this.open = undefined;
      this.announcement = msg('Uw reactie is verwijderd.', { id: 'discussion-deleted' });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="heading"]')?.focus();
    } catch (error) {
      this.announcement = writeProblemMessage(problemCode(error));
    }
  }

  private async report(event: Event, comment: Comment): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const reason = (form.elements.namedItem('reason') as HTMLSelectElement).value as ReportReason;
    const note = (form.elements.namedItem('note') as HTMLTextAreaElement).value.trim();
    try {
      await this.client.reports.create({ targetType: 'comment', targetId: comment.id, reason, ...(note ? { note } : {}) });
      this.announcement = msg('Bedankt. Een moderator kijkt naar uw melding.', { id: 'discussion-reported' });
      this.close(comment);
    } catch (error) {
      this.announcement = writeProblemMessage(problemCode(error));
    }
  }

  private renderOpen(comment: Comment) {
    const open = this.open;
    if (open?.id !== comment.id) return nothing;
    const cancel = () => this.close(comment);
    switch (open.kind) {
      case 'reply':
        return this.openPost!.render(
          { id: `open-${comment.id}`, label: msg(str`Uw antwoord aan ${comment.author?.displayName ?? ''}`, { id: 'discussion-reply-label' }), submit: msg('Antwoord plaatsen', { id: 'discussion-reply-submit' }), cancel },
          (event) => void this.reply(event, comment),
        );
      case 'edit':
        return this.openPost!.render(
          { id: `open-${comment.id}`, label: msg('Uw reactie aanpassen', { id: 'discussion-edit-label' }), submit: msg('Opslaan', { id: 'save' }), cancel },
          (event) => void this.edit(event, comment),
        );
      case 'delete':
        return html`<div class="actions">
          <p>${msg('Weet u zeker dat u deze reactie wilt verwijderen?', { id: 'discussion-delete-confirm' })}</p>
          <button id="open-${comment.id}" part="button" class="button" type="button" @click=${() => this.deleteComment(comment)}>${msg('Ja, verwijderen', { id: 'discussion-delete-yes' })}</button>
          <button part="button" class="button secondary" type="button" @click=${cancel}>${msg('Annuleren', { id: 'cancel' })}</button>
        </div>`;
      case 'report':
        return html`<form class="report stack" @submit=${(event: Event) => this.report(event, comment)}>
          <div class="field">
            <label for="open-${comment.id}">${msg('Waarom meldt u dit?', { id: 'discussion-report-reason' })}</label>
            <select id="open-${comment.id}" name="reason">
              ${REPORT_REASONS.map((reason) => html`<option value=${reason}>${reportReasonLabel(reason)}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="note-${comment.id}">${msg('Toelichting voor de moderator (mag leeg)', { id: 'discussion-report-note' })}</label>
            <textarea id="note-${comment.id}" name="note" rows="2" maxlength="1000"></textarea>
          </div>
          <div class="actions">
            <button part="button" class="button" type="submit">${msg('Melding versturen', { id: 'discussion-report-submit' })}</button>
            <button part="button" class="button secondary" type="button" @click=${cancel}>${msg('Annuleren', { id: 'cancel' })}</button>
          </div>
        </form>`;
    }
  }

  private renderComment(comment: Comment): unknown {
    const me = this.auth.session?.user;
    const visible = comment.status === 'visible' || (comment.status === 'pending' && comment.author);
    const own = !!me && comment.author?.id === me.id;
    const replies = this.replies.get(comment.id);
    const author = comment.author;
    return html`<li part="comment" class="comment">
      <article class="stack" aria-labelledby="by-${comment.id}">
        <p class="byline" id="by-${comment.id}">
          ${author
            ? html`<span class="author" id="c-${comment.id}" tabindex="-1">${author.displayName}</span>
                ${author.professional && author.organisation
                  ? html`<span class="badge">${msg(str`Professional · ${author.organisation.name}`, { id: 'discussion-professional-badge' })}</span>`
                  : nothing}`
            : html`<span id="c-${comment.id}" tabindex="-1">${msg('Reactie', { id: 'discussion-comment' })}</span>`}
          <span>${formatDateTime(this.locale, comment.createdAt)}</span>
          ${comment.editedAt ? html`<span>${msg('(aangepast)', { id: 'discussion-edited-marker' })}</span>` : nothing}
          ${comment.status === 'pending' ? html`<span>${msg('Wacht op een moderator', { id: 'discussion-pending' })}</span>` : nothing}
        </p>
        ${visible
          ? html`<p class="text">${comment.body}</p>`
          : html`<p class="gone">
              ${comment.status === 'hidden'
                ? msg('Deze reactie is verborgen door een moderator.', { id: 'discussion-hidden' })
                : msg('Deze reactie is verwijderd.', { id: 'discussion-gone' })}
            </p>`}
        ${visible && me
          ? html`<div class="tools">
              ${comment.depth < MAX_REPLY_DEPTH ? this.renderTool(comment, 'reply', msg('Reageren', { id: 'discussion-reply' })) : nothing}
              ${own
                ? html`${this.renderTool(comment, 'edit', msg('Bewerken', { id: 'discussion-edit' }))}
                  ${this.renderTool(comment, 'delete', msg('Verwijderen', { id: 'discussion-delete' }))}`
                : this.renderTool(comment, 'report', msg('Melden', { id: 'discussion-report' }))}
            </div>`
          : nothing}
        ${this.renderOpen(comment)}
        ${comment.replyCount && !replies
          ? html`<div class="tools">
              <button part="button" class="link-button" type="button" @click=${() => this.showReplies(comment)}>
                ${comment.replyCount === 1
                  ? msg('Toon 1 antwoord', { id: 'discussion-show-reply' })
                  : msg(str`Toon ${this.locale.number(comment.replyCount)} antwoorden`, { id: 'discussion-show-replies' })}
              </button>
            </div>`
          : nothing}
      </article>
      ${replies?.length ? html`<ul class="comments">${replies.map((reply) => this.renderComment(reply))}</ul>` : nothing}
    </li>`;
  }

  private renderTool(comment: Comment, kind: Open['kind'], label: string) {
    const expanded = this.open?.id === comment.id && this.open.kind === kind;
    return html`<button part="button" class="link-button" type="button" aria-expanded=${expanded ? 'true' : 'false'} @click=${() => this.toggle(comment, kind)}>${label}</button>`;
  }

  private renderComments() {
    if (this.phase === 'loading') return html`<p>${msg('Reacties laden…', { id: 'discussion-loading' })}</p>`;
    if (this.phase === 'error') {
      return html`<div class="message error">
        <p>${problemMessage(this.errorCode, msg('Het laden van de reacties is niet gelukt.', { id: 'discussion-load-failed' }))}</p>
        <button part="button" class="button" type="button" @click=${() => this.load()}>${msg('Opnieuw proberen', { id: 'retry' })}</button>
      </div>`;
    }
    if (!this.comments.length) return html`<p>${msg('Nog geen reacties. Begin het gesprek!', { id: 'discussion-empty' })}</p>`;
    return html`<ul class="comments">${this.comments.map((comment) => this.renderComment(comment))}</ul>
      ${this.nextCursor
        ? html`<div class="actions"><button part="button" class="button secondary" type="button" @click=${() => this.load(true)}>${msg('Meer reacties', { id: 'discussion-more' })}</button></div>`
        : nothing}`;
  }

  private renderNewComment() {
    const session = this.auth.session;
    if (!session?.signedIn) {
      return html`<div class="stack">
        <p>${msg('Log in om mee te praten.', { id: 'discussion-sign-in-hint' })}</p>
        ${this.signInShown
          ? html`<buurt-sign-in site=${this.source().site ?? ''} api=${this.source().api} @buurt-user-signed-in=${() => (this.signInShown = false)}></buurt-sign-in>`
          : html`<div class="actions"><button part="button" class="button secondary" type="button" @click=${this.requestSignIn}>${msg('Inloggen om te reageren', { id: 'discussion-sign-in' })}</button></div>`}
      </div>`;
    }
    return this.newComment!.render(
      { id: 'new-comment', label: msg('Uw reactie', { id: 'discussion-new-label' }), hint: msg('Iedereen op deze site kan uw reactie lezen.', { id: 'discussion-new-hint' }), submit: msg('Reactie plaatsen', { id: 'discussion-new-submit' }) },
      (event) => void this.postComment(event),
    );
  }

  override render() {
    return html`<section part="base" class="stack" aria-labelledby="discussion-heading">
      <h3 id="discussion-heading" part="heading" tabindex="-1">${msg('Gesprek', { id: 'discussion-heading' })}</h3>
      ${this.renderComments()} ${this.renderNewComment()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buurt-discussion': BuurtDiscussion;
  }
}
