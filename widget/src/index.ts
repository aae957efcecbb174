/**
 * The widget as a package: the element classes and the one function that registers them.
 * Importing this has no side effects; call `defineElements()` to use the tags.
 */
export { BuurtInitiative } from './components/buurt-initiative/buurt-initiative.js';
export { BuurtInitiatives } from './components/buurt-initiatives/buurt-initiatives.js';
export { BuurtPlein } from './components/buurt-plein/buurt-plein.js';
export { defineElements } from './define-elements.js';
export { routeFrom, routeHref, type Route } from './deep-link.js';
export type { BuurtpleinGlobal } from './buurtplein-global.js';
export type { BuurtEventMap, InitiativeSelectedDetail } from './events.js';
