/**
 * The events the widget's elements fire to the host page: `buurt-<noun>-<past-tense verb>`,
 * each `bubbles` and `composed`, so a listener on `document` hears every one. Defined here, once:
 * the widget fires them, `window.Buurtplein.on()` and plugins listen to them, and wrappers (React)
 * type their callbacks with them.
 */
import type { InitiativeDetail } from '../contract/initiative-detail.js';
import type { Me } from '../contract/me.js';

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

/** Detail of `buurt-initiative-supported` and `buurt-initiative-unsupported`. */
export interface InitiativeSupportedDetail {
  /** The initiative's id. */
  id: string;
  /** How many neighbours support it now. */
  supporterCount: number;
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
  /** A resident supported an initiative (+1). */
  'buurt-initiative-supported': CustomEvent<InitiativeSupportedDetail>;
  /** A resident took their support back. */
  'buurt-initiative-unsupported': CustomEvent<InitiativeSupportedDetail>;
}

/** The name of a widget event. */
export type BuurtEventName = keyof BuurtEventMap;

/** A listener for the widget event `K`. */
export type BuurtEventHandler<K extends BuurtEventName> = (event: BuurtEventMap[K]) => void;

/** Every widget event's name, e.g. for a plugin that forwards them all. */
export const buurtEventNames = [
  'buurt-initiative-selected',
  'buurt-user-signed-in',
  'buurt-sign-in-requested',
  'buurt-initiative-created',
  'buurt-offer-accepted',
  'buurt-initiative-supported',
  'buurt-initiative-unsupported',
] as const satisfies readonly BuurtEventName[];

// Fails to compile when an event is added to the map but not to the list.
type Unlisted = Exclude<BuurtEventName, (typeof buurtEventNames)[number]>;
const everyEventListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyEventListed;
