import type { Actor } from './auth/permissions.js';
import type { Database } from './data/database.js';
import type { ThreadLive } from './live/thread-live.js';
import type { OutboundMessage } from './outbound/messages.js';
import type { SiteRecord } from './data/sites.js';
import type { ApiError } from './http/api-error.js';

/** The bindings and secrets the worker runs with (see wrangler.toml and .dev.vars.example). */
export interface Env {
  DB: D1Database;
  ASSETS?: Fetcher;
  /** `development` enables the dev conveniences (own origin allowed, dev mailbox). */
  ENVIRONMENT: string;
  /** Signs and verifies access tokens (HS256); at least 32 characters. */
  TOKEN_SECRET?: string;
  /** Keys the HMACs of e-mail codes and addresses; at least 32 characters. */
  CODE_SECRET?: string;
  /** Burst limit on mutations per signed-in user. */
  USER_WRITE_LIMIT?: RateLimit;
  /** Burst limit on mutations per client address. */
  IP_WRITE_LIMIT?: RateLimit;
  /** Limit on sign-in attempts (SSO, e-mail codes) per client address. */
  IP_AUTH_LIMIT?: RateLimit;
  /** How long an isolate keeps a site record in memory, in seconds (default 5; 0 reads it on every request). */
  SITE_CACHE_SECONDS?: string;
  /** `max-age` of anonymous GETs in the edge cache, in seconds (default 10; 0 turns the edge cache off). */
  EDGE_CACHE_SECONDS?: string;
  /** Turnstile's secret key; development and tests use Cloudflare's passing test secret when unset. */
  TURNSTILE_SECRET_KEY?: string;
  /** Derives the key that encrypts SSO secrets made in the console; TOKEN_SECRET when unset (≥ 32 characters). */
  SSO_KEY_ENCRYPTION_SECRET?: string;
  /** Domain events, webhook deliveries, digests and production e-mail; optional so a worker without it still answers the API. */
  OUTBOUND?: Queue<OutboundMessage>;
  /** The first retry's delay of an outbound message in seconds, doubling after (default 30; the local server uses 1). */
  OUTBOUND_RETRY_SECONDS?: string;
  /** One Durable Object per thread pushes its news to open widgets. */
  THREAD_LIVE?: DurableObjectNamespace<ThreadLive>;
  /** Cloudflare Email Routing's `send_email` binding: production e-mail. */
  EMAIL?: SendEmail;
  /** The sender of e-mail, e.g. `Buurtplein <noreply@buurtplein.nl>`. */
  EMAIL_FROM?: string;
  /** The public origin of the API for links in e-mail (unsubscribe); without it, the origin the user followed through. */
  PUBLIC_URL?: string;
  /** HS256 SSO secrets, named by the `secret_name` of a site key (`SSO_SECRET_<SITE KEY IN UPPER SNAKE>`). */
  [ssoSecret: `SSO_SECRET_${string}`]: string | undefined;
}

type BuurtpleinEnv = Env;
declare global {
  namespace Cloudflare {
    interface Env extends BuurtpleinEnv {}
  }
}

/** What the safe-writes middleware knows about a mutation sent with an `Idempotency-Key`. */
export interface IdempotencyContext {
  networkId: string;
  scope: string;
  key: string;
  requestHash: string;
}

/** Hono's environment for this app: bindings plus what middleware puts on the context. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    /** The request's data layer over one D1 session (see middleware/database-session.ts). */
    db: Database;
    site: SiteRecord;
    /** Who is asking: a verified access token's user, or anonymous. */
    actor: Actor;
    /** Why a bearer token sent with this request was not accepted, if it was not. */
    authError: ApiError | undefined;
    /** A mutation's parsed JSON body. */
    body: unknown;
    idempotency: IdempotencyContext | undefined;
  };
}

/** Whether the worker runs as a local development server. */
export function isDevelopment(env: Env): boolean {
  return env.ENVIRONMENT === 'development';
}

/** Whether the worker runs with a dev mailbox instead of real e-mail: development and tests. */
export function usesDevMailbox(env: Env): boolean {
  return env.ENVIRONMENT === 'development' || env.ENVIRONMENT === 'test';
}

/** A server secret, or an error naming the missing setting (never its value). */
export function serverSecret(env: Env, name: 'TOKEN_SECRET' | 'CODE_SECRET'): string {
  const value = env[name];
  if (!value || value.length < 32) throw new Error(`${name} is not set or shorter than 32 characters`);
  return value;
}
