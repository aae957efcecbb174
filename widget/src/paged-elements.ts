/**
 * `<buurt-events>` and `<buurt-professionals>`, paged lists that a `<buurt-plein>` never shows: a
 * chunk of their own, so a plein page does not download them (and a page with only these lists
 * not the plein).
 */
import type { Elements } from './element-chunks.js';
import { BuurtEvents } from './components/buurt-events/buurt-events.js';
import { BuurtProfessionals } from './components/buurt-professionals/buurt-professionals.js';

/** By tag, for src/element-chunks.ts. */
export const elements: Elements = { 'buurt-events': BuurtEvents, 'buurt-professionals': BuurtProfessionals };

export { BuurtEvents, BuurtProfessionals };
