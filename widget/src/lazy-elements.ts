/**
 * Every element but the list, in one chunk that the elements module loads when the page (or an
 * element's shadow root) needs any of them: one file compresses far better than a dozen small
 * ones, and a `<buurt-plein>` shows most of them anyway.
 */
export { BuurtDiscussion } from './components/buurt-discussion/buurt-discussion.js';
export { BuurtEvents } from './components/buurt-events/buurt-events.js';
export { BuurtInitiative } from './components/buurt-initiative/buurt-initiative.js';
export { BuurtInitiativeActions } from './components/buurt-initiative-actions/buurt-initiative-actions.js';
export { BuurtPlein } from './components/buurt-plein/buurt-plein.js';
export { BuurtProfessionals } from './components/buurt-professionals/buurt-professionals.js';
export { BuurtSignIn } from './components/buurt-sign-in/buurt-sign-in.js';
export { BuurtStartInitiative } from './components/buurt-start-initiative/buurt-start-initiative.js';
