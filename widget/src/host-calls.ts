import type { BuurtpleinGlobal, QueuedCall } from './buurtplein-global.js';

/**
 * Takes over `window.Buurtplein.login()` and `logout()` from the loader's queue. The session code
 * is its own chunk, loaded only when the page calls one of them.
 */
export function takeOverHostCalls(global: BuurtpleinGlobal): void {
  if (!Array.isArray(global.queued)) return;
  const run = async (name: QueuedCall['name'], args: unknown[]): Promise<never> => {
    const { hostCalls } = await import('./session/site-session.js');
    return (await (name === 'login' ? hostCalls.login(global.site, global.api, args[0]) : hostCalls.logout(global.site, global.api))) as never;
  };
  global.login = (token) => run('login', [token]);
  global.logout = () => run('logout', []);
  for (const call of global.queued.splice(0)) run(call.name, call.args).then(call.resolve, call.reject);
}
