import type { MessagePart } from './locale.js';

/**
 * The organiser's edit form and the follow controls of `<buurt-initiative-actions>`, in a chunk of
 * their own that the actions load when a resident first opens either (or has an edit kept): most
 * visitors of a plein never do, so a plein page does not fetch them.
 */
export { InitiativeEdit } from './components/buurt-initiative-actions/initiative-edit.js';
export { InitiativeFollow } from './components/buurt-initiative-actions/initiative-follow.js';

/**
 * Each target locale's messages of this chunk, split off like the rest (scripts/split-messages.mjs):
 * fetched after the chunk, and only on a page in that language, which is why they are not in it.
 */
export const messages: MessagePart = new Map([['en', () => import('./generated/locales/en-tools.js')]]);
