import type { SiteRecord } from './data/sites.js';

/** The bindings the worker runs with (see wrangler.toml). */
export interface Env {
  DB: D1Database;
  ASSETS?: Fetcher;
  /** `development` enables the dev conveniences (own origin allowed, dev mailbox). */
  ENVIRONMENT: string;
}

type BuurtpleinEnv = Env;
declare global {
  namespace Cloudflare {
    interface Env extends BuurtpleinEnv {}
  }
}

/** Hono's environment for this app: bindings plus what middleware puts on the context. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    site: SiteRecord;
  };
}

/** Whether the worker runs as a local development server. */
export function isDevelopment(env: Env): boolean {
  return env.ENVIRONMENT === 'development';
}
