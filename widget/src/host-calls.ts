import type { BuurtpleinGlobal, QueuedCall, QueuedMethod } from './buurtplein-global.js';

/** The methods carried out by the host API chunk; `ready` needs nothing more than the elements module. */
const METHODS: readonly Exclude<QueuedMethod, 'ready'>[] = ['login', 'logout', 'mount', 'setContext', 'use'];

/**
 * Takes over the queueing methods of `window.Buurtplein` from the loader and carries out the calls
 * that waited, in order. The code behind them is a chunk of its own (src/embed/host-api.ts), loaded
 * on the first call, so a page that calls none downloads nothing more.
 */
export function takeOverHostCalls(global: BuurtpleinGlobal): void {
  if (!Array.isArray(global.queued)) return;
  const methods = global as unknown as Record<QueuedMethod, (...args: unknown[]) => Promise<unknown>>;
  for (const name of METHODS) methods[name] = (...args) => import('./embed/host-api.js').then((host) => host.call(global, name, args));
  methods.ready = async () => global;
  for (const call of global.queued.splice(0) as QueuedCall[]) methods[call.name](...call.args).then(call.resolve, call.reject);
}
