import type { MessagePart } from './locale.js';

/**
 * The organiser's edit form, the follow controls, the owner's invite picker and an invited user's
 * answer of `<buurt-initiative-actions>`, in a chunk of their own that the actions load when a
 * resident first opens one (or has an edit kept, or an invitation): most visitors of a plein never
 * do, so a plein page does not fetch them.
 */
export { InitiativeEdit } from './components/buurt-initiative-actions/initiative-edit.js';
export { InitiativeFollow } from './components/buurt-initiative-actions/initiative-follow.js';
export { InitiativeInvitation } from './components/buurt-initiative-actions/initiative-invitation.js';
export { InitiativeInvite } from './components/buurt-initiative-actions/initiative-invite.js';

/**
 * Each target locale's messages of this chunk, split off like the rest (scripts/split-messages.mjs):
 * fetched after the chunk, and only on a page in that language, which is why they are not in it.
 */
export const messages: MessagePart = new Map([['en', () => import('./generated/locales/en-tools.js')]]);
