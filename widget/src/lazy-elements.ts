/**
 * The plein and the elements its first views show, in one chunk that the elements module loads when
 * the page (or an element's shadow root) needs any of them: one file compresses far better than a
 * dozen small ones, and a `<buurt-plein>` shows most of them anyway. The form to start an
 * initiative and the sign-in screens, which only a resident's press brings up, have their own
 * (src/form-elements.ts), as have the meetings and professionals lists, which the plein never
 * shows (src/paged-elements.ts).
 */
import type { Elements } from './element-chunks.js';
import { BuurtDiscussion } from './components/buurt-discussion/buurt-discussion.js';
import { BuurtInitiative } from './components/buurt-initiative/buurt-initiative.js';
import { BuurtInitiativeActions } from './components/buurt-initiative-actions/buurt-initiative-actions.js';
import { BuurtPlein } from './components/buurt-plein/buurt-plein.js';

/** By tag, for src/element-chunks.ts. */
export const elements: Elements = {
  'buurt-discussion': BuurtDiscussion,
  'buurt-initiative': BuurtInitiative,
  'buurt-initiative-actions': BuurtInitiativeActions,
  'buurt-plein': BuurtPlein,
};

export { BuurtDiscussion, BuurtInitiative, BuurtInitiativeActions, BuurtPlein };
