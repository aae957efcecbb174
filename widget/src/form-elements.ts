/**
 * `<buurt-start-initiative>` and `<buurt-sign-in>`, in a chunk of their own: a plein shows them only
 * when a resident starts an initiative or signs in, and loads them then (at once for a deep link to
 * either), so most plein pages never fetch them; a page that holds one itself fetches this chunk,
 * not the plein's.
 */
import type { Elements } from './element-chunks.js';
import type { MessagePart } from './locale.js';
import { BuurtSignIn } from './components/buurt-sign-in/buurt-sign-in.js';
import { BuurtStartInitiative } from './components/buurt-start-initiative/buurt-start-initiative.js';

/** By tag, for src/element-chunks.ts. */
export const elements: Elements = { 'buurt-sign-in': BuurtSignIn, 'buurt-start-initiative': BuurtStartInitiative };

/**
 * Each target locale's messages that only these two elements use, split off like the rest
 * (scripts/split-messages.mjs): src/element-chunks.ts waits for them before it defines either.
 */
export const messages: MessagePart = new Map([['en', () => import('./generated/locales/en-form.js')]]);

export { BuurtSignIn, BuurtStartInitiative };
