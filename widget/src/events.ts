/**
 * The events the widget's elements fire to the host page: `buurt-<noun>-<past-tense verb>`,
 * each `bubbles` and `composed`, so a listener on `document` hears every one.
 */
import type { InitiativeDetail, Me } from '@buurtplein/sdk/contract';

/** Detail of `buurt-initiative-selected`. */
export interface InitiativeSelectedDetail {
  /** The chosen initiative's id. */
  id: string;
}

/** Detail of `buurt-user-signed-in`. */
export interface UserSignedInDetail {
  user: Me;
}

/** Detail of `buurt-initiative-created`. */
export interface InitiativeCreatedDetail {
  initiative: InitiativeDetail;
}

/** Detail of `buurt-offer-accepted`. */
export interface OfferAcceptedDetail {
  offerId: string;
  initiativeId: string;
}

/** Every event the widget fires, by name; typed on elements and, as they are composed, on the document. */
export interface BuurtEventMap {
  /**
   * A resident chose an initiative in a list (a plain click or Enter on its title link).
   * Cancelable: `preventDefault()` keeps the link from navigating, so the listener can show it instead.
   */
  'buurt-initiative-selected': CustomEvent<InitiativeSelectedDetail>;
  /** A resident signed in with an e-mail code. */
  'buurt-user-signed-in': CustomEvent<UserSignedInDetail>;
  /**
   * A resident who is signed out asked to do something that needs signing in. Cancelable:
   * `<buurt-plein>` cancels it and shows its sign-in view; uncancelled, the element signs in in place.
   */
  'buurt-sign-in-requested': CustomEvent<Record<string, never>>;
  /** A resident started an initiative. */
  'buurt-initiative-created': CustomEvent<InitiativeCreatedDetail>;
  /** An initiative's owner accepted a professional's offer of help. */
  'buurt-offer-accepted': CustomEvent<OfferAcceptedDetail>;
}

declare global {
  interface HTMLElementEventMap extends BuurtEventMap {}
  interface DocumentEventMap extends BuurtEventMap {}
}

/** Fires the widget event `name` on `target`; returns false when a listener cancelled it. */
export function fire<K extends keyof BuurtEventMap>(target: EventTarget, name: K, detail: BuurtEventMap[K]['detail']): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
}

/** Fires `buurt-initiative-selected` on `target`; returns false when a listener took over (called `preventDefault()`). */
export function initiativeSelected(target: EventTarget, id: string): boolean {
  return fire(target, 'buurt-initiative-selected', { id });
}
