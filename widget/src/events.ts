/**
 * The events the widget's elements fire to the host page: `buurt-<noun>-<past-tense verb>`,
 * each `bubbles` and `composed`, so a listener on `document` hears every one.
 */
import type { BuurtEventMap } from '@buurtplein/sdk/embed';

// The map is defined once, in the SDK's embed API, where host code and wrappers import it too.
export type {
  BuurtEventMap,
  BuurtEventName,
  InitiativeCreatedDetail,
  InitiativeSelectedDetail,
  InitiativeSupportedDetail,
  OfferAcceptedDetail,
  UserSignedInDetail,
} from '@buurtplein/sdk/embed';

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
