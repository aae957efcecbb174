/**
 * The widget as a package: the element classes and the one function that registers them.
 * Importing this has no side effects; call `defineElements()` to use the tags.
 */
export { BuurtInitiatives } from './components/buurt-initiatives/buurt-initiatives.js';
export { defineElements } from './define-elements.js';
export type { BuurtpleinGlobal } from './buurtplein-global.js';
