import type { BuurtpleinGlobal, QueuedMethod } from '../buurtplein-global.js';
import { usePlugin } from '../plugins/use-plugin.js';
import { setContext } from './host-context.js';
import { mount } from './mount.js';

/**
 * Carries out a call of `window.Buurtplein`: `login` and `logout` through the site's session (a
 * chunk of its own), `mount`, `setContext` and `use` here. One chunk for all, so calls made in one
 * order run in that order.
 */
export async function call(global: BuurtpleinGlobal, name: Exclude<QueuedMethod, 'ready'>, args: unknown[]): Promise<unknown> {
  switch (name) {
    case 'login':
    case 'logout': {
      const { hostCalls } = await import('../session/site-session.js');
      return name === 'login' ? hostCalls.login(global.site, global.api, args[0]) : hostCalls.logout(global.site, global.api);
    }
    case 'mount':
      return mount(args[0], args[1], args[2]);
    case 'setContext':
      return setContext(args[0]);
    case 'use':
      return usePlugin(global, args[0]);
  }
}
