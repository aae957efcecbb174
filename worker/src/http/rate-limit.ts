import type { Context } from 'hono';
import type { AppEnv, Env } from '../env.js';
import { ApiError } from './api-error.js';

/** The rate-limiting bindings; their limits here must match `[[ratelimits]]` in wrangler.toml. */
export const RATE_LIMITS = {
  USER_WRITE_LIMIT: { limit: 30, period: 10 },
  IP_WRITE_LIMIT: { limit: 120, period: 10 },
  IP_AUTH_LIMIT: { limit: 20, period: 60 },
} as const satisfies Record<string, { limit: number; period: 10 | 60 }>;

export type RateLimitName = keyof typeof RATE_LIMITS & keyof Env;

/**
 * A fixed-window counter in this isolate's memory: the stand-in when a rate-limiting binding is
 * absent (a bare `wrangler dev` config, other runtimes). Per isolate, so only a rough guard.
 */
export class MemoryRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly periodSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request for `key`; when over the limit, says how many seconds until the window resets. */
  take(key: string): { success: true } | { success: false; retryAfter: number } {
    const now = this.now();
    const periodMs = this.periodSeconds * 1000;
    let window = this.windows.get(key);
    if (!window || now - window.start >= periodMs) {
      if (this.windows.size > 10_000) this.windows.clear();
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.limit) return { success: true };
    return { success: false, retryAfter: Math.max(1, Math.ceil((window.start + periodMs - now) / 1000)) };
  }
}

const fallbacks = new Map<RateLimitName, MemoryRateLimiter>();

function fallback(name: RateLimitName): MemoryRateLimiter {
  let limiter = fallbacks.get(name);
  if (!limiter) {
    limiter = new MemoryRateLimiter(RATE_LIMITS[name].limit, RATE_LIMITS[name].period);
    fallbacks.set(name, limiter);
  }
  return limiter;
}

/** The client's address as Cloudflare reports it; `unknown` locally, where no one sets it. */
export function clientIp(c: Context<AppEnv>): string {
  return c.req.header('CF-Connecting-IP') ?? 'unknown';
}

/** Counts one request for `key` against the named limit; over it, throws `rate-limited` with Retry-After. */
export async function enforceRateLimit(c: Context<AppEnv>, name: RateLimitName, key: string): Promise<void> {
  const binding = c.env[name];
  let retryAfter: number | undefined;
  if (binding) {
    // The binding answers yes or no; the window ends at the latest one period from now.
    if (!(await binding.limit({ key })).success) retryAfter = RATE_LIMITS[name].period;
  } else {
    const outcome = fallback(name).take(key);
    if (!outcome.success) retryAfter = outcome.retryAfter;
  }
  if (retryAfter !== undefined) {
    throw new ApiError('rate-limited', `Te veel aanvragen; probeer het over ${retryAfter} seconden opnieuw.`, {
      'Retry-After': String(retryAfter),
    });
  }
}
