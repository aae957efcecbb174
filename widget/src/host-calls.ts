import type { BuurtpleinGlobal, QueuedCall } from './buurtplein-global.js';

/**
 * Carries out the calls of `window.Buurtplein` from now on: those the loader's methods queued
 * before, and, as the queue's `push` now carries a call out at once, every later one. The code
 * behind them is a chunk of its own (src/embed/host-api.ts), loaded on the first call, so a page
 * that calls none downloads nothing more; `ready` needs nothing more than the elements module.
 * The loader's methods stay in place, so the elements module holds no second list of them.
 */
export function takeOverHostCalls(global: BuurtpleinGlobal): void {
  const { queued } = global;
  if (!Array.isArray(queued)) return;
  const run = ([name, args, resolve, reject]: QueuedCall) =>
    void (name === 'ready' ? Promise.resolve(global) : import('./embed/host-api.js').then((host) => host.call(global, name, args))).then(resolve, reject);
  queued.splice(0).forEach(run);
  queued.push = (...calls) => (calls.forEach(run), 0);
}
