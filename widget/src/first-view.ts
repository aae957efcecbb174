import type { Bootstrap } from '@buurtplein/sdk/contract';
import type {} from './buurtplein-global.js';

/** Answers of the loader's first-view request that have arrived, so a list can show them without a skeleton first. */
const arrived = new WeakMap<Promise<Bootstrap>, Bootstrap>();
/** First-view requests an element has taken; each serves one element once. */
const taken = new WeakSet<Promise<Bootstrap>>();

function watch(request: Promise<Bootstrap>): Promise<void> {
  return request.then(
    (answer) => void arrived.set(request, answer),
    () => {},
  );
}

/**
 * Settles when the script tag's first-view request has answered (or failed), or after `ms`,
 * whichever comes first; at once on a page without the script tag.
 */
export function firstViewSettled(ms: number): Promise<void> {
  const request = window.Buurtplein?.bootstrap;
  if (!request) return Promise.resolve();
  return Promise.race([watch(request), new Promise<void>((resolve) => setTimeout(resolve, ms))]);
}

/**
 * The script tag's first-view request, for the element whose own request would be `url`, once
 * per page: the answer itself when it has arrived, else the pending request. Undefined when the
 * script tag asked for other filters (or none), or another element took it already.
 */
export function takeFirstView(url: string): Bootstrap | Promise<Bootstrap> | undefined {
  const loader = window.Buurtplein;
  if (!loader || loader.bootstrapUrl !== url || taken.has(loader.bootstrap)) return undefined;
  taken.add(loader.bootstrap);
  void watch(loader.bootstrap);
  return arrived.get(loader.bootstrap) ?? loader.bootstrap;
}
