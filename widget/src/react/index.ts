/**
 * The widget's elements as React components (`@buurtplein/widget/react`), made with @lit/react:
 * a prop sets the element's property of that name, an `on…` prop listens to one of its events,
 * with the event's detail typed. Importing this module registers the elements, as the script
 * tag's elements module does, so a React host only says which site to show (`site`, and `api`
 * when the API is not on the page's own origin).
 *
 * @example
 * import { BuurtInitiatives } from '@buurtplein/widget/react';
 *
 * <BuurtInitiatives
 *   site="gemeente-voorbeeldstad"
 *   neighbourhood="BU05990101"
 *   onInitiativeSelected={(event) => {
 *     event.preventDefault(); // show it here instead of following the link
 *     setInitiative(event.detail.id);
 *   }}
 * />
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import '../elements.js';
import { BuurtInitiatives as BuurtInitiativesElement } from '../components/buurt-initiatives/buurt-initiatives.js';
import type { BuurtEventMap } from '../events.js';
import * as form from '../form-elements.js';
import * as lazy from '../lazy-elements.js';
import * as paged from '../paged-elements.js';

/** Widget event `name`, typed with its event so the handler's detail is typed. */
const on = <K extends keyof BuurtEventMap>(name: K) => name as EventName<BuurtEventMap[K]>;

/**
 * A React component for the element `tagName`. Its class is finalized first, so its properties
 * are known before the elements module has defined the tag (the other elements are defined once
 * the page holds one): from the first render, props are set as properties, not attributes.
 */
function wrap<I extends HTMLElement, E extends Record<string, EventName>>(
  tagName: `buurt-${string}`,
  elementClass: (new () => I) & { readonly observedAttributes: string[] },
  events: E,
) {
  void elementClass.observedAttributes;
  return createComponent({ react: React, tagName, elementClass, events });
}

/** `<buurt-initiatives>`: the initiatives as cards. See the element for its attributes, parts and custom properties. */
export const BuurtInitiatives = wrap('buurt-initiatives', BuurtInitiativesElement, {
  onInitiativeSelected: on('buurt-initiative-selected'),
});

/** `<buurt-plein>`: the whole experience; it hears the events of the elements it shows, too. */
export const BuurtPlein = wrap('buurt-plein', lazy.BuurtPlein, {
  onInitiativeSelected: on('buurt-initiative-selected'),
  onUserSignedIn: on('buurt-user-signed-in'),
  onInitiativeCreated: on('buurt-initiative-created'),
  onInitiativeSupported: on('buurt-initiative-supported'),
  onInitiativeUnsupported: on('buurt-initiative-unsupported'),
  onOfferAccepted: on('buurt-offer-accepted'),
  onSignInRequested: on('buurt-sign-in-requested'),
});

/** `<buurt-initiative>`: one initiative's page, with what people do with it and its discussion. */
export const BuurtInitiative = wrap('buurt-initiative', lazy.BuurtInitiative, {
  onInitiativeSupported: on('buurt-initiative-supported'),
  onInitiativeUnsupported: on('buurt-initiative-unsupported'),
  onOfferAccepted: on('buurt-offer-accepted'),
  onSignInRequested: on('buurt-sign-in-requested'),
});

/**
 * `<buurt-initiative-actions>`: support, join, updates, offers and meetings of the initiative in
 * `detail`. Its `changed` event is for the `<buurt-initiative>` around it, and not offered here.
 */
export const BuurtInitiativeActions = wrap('buurt-initiative-actions', lazy.BuurtInitiativeActions, {
  onInitiativeSupported: on('buurt-initiative-supported'),
  onInitiativeUnsupported: on('buurt-initiative-unsupported'),
  onOfferAccepted: on('buurt-offer-accepted'),
  onSignInRequested: on('buurt-sign-in-requested'),
});

/** `<buurt-discussion>`: a thread's comments and replies. */
export const BuurtDiscussion = wrap('buurt-discussion', lazy.BuurtDiscussion, {
  onSignInRequested: on('buurt-sign-in-requested'),
});

/** `<buurt-start-initiative>`: the form to start an initiative. */
export const BuurtStartInitiative = wrap('buurt-start-initiative', form.BuurtStartInitiative, {
  onInitiativeCreated: on('buurt-initiative-created'),
  onSignInRequested: on('buurt-sign-in-requested'),
});

/** `<buurt-events>`: the coming meetings, of the site, a neighbourhood or an initiative. */
export const BuurtEvents = wrap('buurt-events', paged.BuurtEvents, {
  onInitiativeSelected: on('buurt-initiative-selected'),
  onSignInRequested: on('buurt-sign-in-requested'),
});

/** `<buurt-professionals>`: the professionals who help in the site's neighbourhoods. */
export const BuurtProfessionals = wrap('buurt-professionals', paged.BuurtProfessionals, {});

/** `<buurt-sign-in>`: signing in with an e-mail code. */
export const BuurtSignIn = wrap('buurt-sign-in', form.BuurtSignIn, {
  onUserSignedIn: on('buurt-user-signed-in'),
});

export type {
  BuurtEventMap,
  InitiativeCreatedDetail,
  InitiativeSelectedDetail,
  InitiativeSupportedDetail,
  OfferAcceptedDetail,
  UserSignedInDetail,
} from '../events.js';
