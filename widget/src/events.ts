/**
 * The events the widget's elements fire to the host page: `buurt-<noun>-<past-tense verb>`,
 * each `bubbles` and `composed`, so a listener on `document` hears every one.
 */

/** Detail of `buurt-initiative-selected`. */
export interface InitiativeSelectedDetail {
  /** The chosen initiative's id. */
  id: string;
}

/** Every event the widget fires, by name; typed on elements and, as they are composed, on the document. */
export interface BuurtEventMap {
  /**
   * A resident chose an initiative in a list (a plain click or Enter on its title link).
   * Cancelable: `preventDefault()` keeps the link from navigating, so the listener can show it instead.
   */
  'buurt-initiative-selected': CustomEvent<InitiativeSelectedDetail>;
}

declare global {
  interface HTMLElementEventMap extends BuurtEventMap {}
  interface DocumentEventMap extends BuurtEventMap {}
}

/** Fires `buurt-initiative-selected` on `target`; returns false when a listener took over (called `preventDefault()`). */
export function initiativeSelected(target: EventTarget, id: string): boolean {
  return target.dispatchEvent(
    new CustomEvent<InitiativeSelectedDetail>('buurt-initiative-selected', { detail: { id }, bubbles: true, composed: true, cancelable: true }),
  );
}
