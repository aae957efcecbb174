import type { Bootstrap } from '@buurtplein/sdk/contract';
import { embedError, type BuurtEventName, type ReadyOptions } from '@buurtplein/sdk/embed';
import type { BuurtpleinGlobal, BuurtpleinStub, QueuedCall, QueuedMethod } from './buurtplein-global.js';

/** How long `ready()` waits for the elements unless told otherwise. */
const READY_TIMEOUT_MS = 15_000;

/** The methods that wait for the elements module. */
const QUEUED: readonly QueuedMethod[] = ['login', 'logout', 'mount', 'setContext', 'use', 'ready'];

/** What the loader knows when it publishes the global. */
export interface GlobalInit {
  version: string;
  site: string;
  api: string;
  bootstrap: Promise<Bootstrap>;
  bootstrapUrl: string;
}

/**
 * The global as the loader publishes it: `on` works at once (every widget event bubbles out of its
 * shadow roots to the document), every other method queues until the elements module takes it over
 * (`takeOverHostCalls`) and asks for that module at once (`need`). `fail` rejects what waits, and
 * every later call, when the elements module could not be loaded.
 */
export function createGlobal(init: GlobalInit, need: () => void): { global: BuurtpleinGlobal; fail(error: Error): void } {
  const queued: QueuedCall[] = [];
  let failed: Error | undefined;
  // Callable like the stub, so `Buurtplein('use', plugin)` works before and after the script ran.
  const global = Object.assign((name: string, ...args: unknown[]) => (global as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!(...args), init, {
    queued,
    on: (name: BuurtEventName, handler: (event: Event) => void) => {
      document.addEventListener(name, handler);
      return () => document.removeEventListener(name, handler);
    },
  }) as unknown as BuurtpleinGlobal;
  for (const name of QUEUED) {
    (global as unknown as Record<QueuedMethod, unknown>)[name] = (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        if (failed) reject(failed);
        else queued.push([name, args, resolve, reject]);
        need();
        if (name === 'ready') {
          const timeout = (args[0] as ReadyOptions | undefined)?.timeout ?? READY_TIMEOUT_MS;
          setTimeout(reject, timeout, embedError('elements-timeout', `No elements after ${timeout} ms`));
        }
      });
  }
  return {
    global,
    fail(error) {
      failed = error;
      for (const [, , , reject] of queued.splice(0)) reject(error);
    },
  };
}

/** Carries out, in order, the calls the copy-paste stub recorded before the script ran. */
export function replayStub(global: BuurtpleinGlobal, stub: BuurtpleinStub | undefined): void {
  for (const recorded of stub?.q ?? []) (global as (...args: unknown[]) => unknown)(...recorded);
}
