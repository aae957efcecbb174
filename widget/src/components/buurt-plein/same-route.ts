import type { Route } from '../../deep-link.js';

/**
 * Whether two routes show the same thing. Only the plein compares routes, so this is not in
 * src/deep-link.ts, which the first view imports: here it is in the plein's chunk.
 */
export function sameRoute(a: Route, b: Route): boolean {
  return a.view === b.view && (a.view !== 'initiative' || a.id === (b as typeof a).id);
}
