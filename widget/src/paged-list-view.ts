import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { routeFrom } from './deep-link.js';
import { initiativeSelected } from './events.js';
import type { PagedList } from './paged-list.js';
import { isPlainClick } from './plain-click.js';

/**
 * The placeholder of a loading list: `count` items of a title and `lines` lines each, so the
 * page keeps the list's place; `label` says to screen readers what is loading.
 */
export function listSkeleton(label: string, count: number, lines: number) {
  const item = html`<li class="item">
    <div class="bone title-bone"></div>
    ${Array.from({ length: lines }, () => html`<div class="bone line-bone"></div>`)}
  </li>`;
  return html`<p class="visually-hidden">${label}</p>
    <ul part="skeleton" class="items skeleton" aria-hidden="true">
      ${Array.from({ length: Math.max(count, 1) }, () => item)}
    </ul>`;
}

/** A list that failed to load: what went wrong, and a button to try again. */
export function listError(message: string, retry: () => void) {
  return html`<div part="error" class="message error">
    <p>${message}</p>
    <button part="button retry-button" class="button" type="button" @click=${retry}>${msg('Opnieuw proberen', { id: 'retry' })}</button>
  </div>`;
}

/** "Meer tonen" under a list that has a next page; says "Bezig met laden…" while it loads. */
export function moreButton(list: PagedList<unknown>, more: () => void) {
  if (!list.nextCursor) return nothing;
  return html`<div class="more">
    <button part="button more-button" class="button secondary" type="button" aria-disabled=${list.loadingMore ? 'true' : 'false'} @click=${more}>
      ${list.loadingMore ? msg('Bezig met laden…', { id: 'more-loading' }) : msg('Meer tonen', { id: 'more-show' })}
    </button>
  </div>`;
}

/**
 * A list's click listener for links to an initiative's deep link: a plain click fires
 * `buurt-initiative-selected` first, and a listener that takes over keeps the link from navigating.
 */
export function followInitiativeLink(this: void, event: MouseEvent): void {
  const link = (event.target as Element).closest('a');
  if (!link || !isPlainClick(event)) return;
  const route = routeFrom(link.href);
  if (route.view === 'initiative' && !initiativeSelected(event.currentTarget as EventTarget, route.id)) event.preventDefault();
}
