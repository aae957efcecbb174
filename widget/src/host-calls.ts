import type { BuurtpleinGlobal, QueuedCall } from './buurtplein-global.js';

/**
 * Carries out the calls of `window.Buurtplein` from now on: those the loader's methods queued
 * before, and, as the queue's `push` now carries a call out at once, every later one. The code
 * behind them is a chunk of its own (src/embed/host-api.ts), loaded on the first call, so a page
 * that calls none downloads nothing more. `ready` resolves once `defined` has (the elements module
 * passes the definition of the page's first-view element, so a host can call its methods then).
 * The loader's methods stay in place, so the elements module holds no second list of them.
 */
export function takeOverHostCalls(global: BuurtpleinGlobal, defined: Promise<unknown> = Promise.resolve()): void {
  const { queued } = global;
  if (!Array.isArray(queued)) return;
  const run = ([name, args, resolve, reject]: QueuedCall) =>
    void (name === 'ready' ? defined.then(() => global) : import('./embed/host-api.js').then((host) => host.call(global, name, args))).then(resolve, reject);
  queued.splice(0).forEach(run);
  queued.push = (...calls) => (calls.forEach(run), 0);
}
