/**
 * The plein and every element it can show, in one chunk that the elements module loads when the
 * page (or an element's shadow root) needs any of them: one file compresses far better than a dozen
 * small ones, and a `<buurt-plein>` shows most of them anyway. The meetings and professionals lists,
 * which the plein never shows, have their own (src/paged-elements.ts).
 */
import type { Elements } from './element-chunks.js';
import { BuurtDiscussion } from './components/buurt-discussion/buurt-discussion.js';
import { BuurtInitiative } from './components/buurt-initiative/buurt-initiative.js';
import { BuurtInitiativeActions } from './components/buurt-initiative-actions/buurt-initiative-actions.js';
import { BuurtPlein } from './components/buurt-plein/buurt-plein.js';
import { BuurtSignIn } from './components/buurt-sign-in/buurt-sign-in.js';
import { BuurtStartInitiative } from './components/buurt-start-initiative/buurt-start-initiative.js';

/** By tag, for src/element-chunks.ts. */
export const elements: Elements = {
  'buurt-discussion': BuurtDiscussion,
  'buurt-initiative': BuurtInitiative,
  'buurt-initiative-actions': BuurtInitiativeActions,
  'buurt-plein': BuurtPlein,
  'buurt-sign-in': BuurtSignIn,
  'buurt-start-initiative': BuurtStartInitiative,
};

export { BuurtDiscussion, BuurtInitiative, BuurtInitiativeActions, BuurtPlein, BuurtSignIn, BuurtStartInitiative };
