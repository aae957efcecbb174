import { isDevelopment, usesDevMailbox, type Env } from '../env.js';

/** Cloudflare's documented test secret keys (developers.cloudflare.com/turnstile/troubleshooting/testing/). */
export const TURNSTILE_TEST_SECRETS = {
  pass: '1x0000000000000000000000000000000AA',
  fail: '2x0000000000000000000000000000000AA',
  spent: '3x0000000000000000000000000000000AA',
} as const;

/** The test site key whose widget always passes; it hands the page `TURNSTILE_DUMMY_TOKEN`. */
export const TURNSTILE_TEST_SITE_KEY = '1x00000000000000000000AA';

/** The token the test site keys produce; only the test secrets accept it. */
export const TURNSTILE_DUMMY_TOKEN = 'XXXX.DUMMY.TOKEN.XXXX';

const SITEVERIFY = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';

/** Checks a Turnstile token a browser sent. */
export interface TurnstileVerifier {
  verify(token: string, remoteIp: string | null): Promise<boolean>;
}

/**
 * The verifier for a test secret, without network: the passing secret accepts exactly the dummy
 * token, the failing and "already spent" secrets accept nothing.
 */
export function offlineTestVerifier(secret: string): TurnstileVerifier {
  return { verify: async (token) => secret === TURNSTILE_TEST_SECRETS.pass && token === TURNSTILE_DUMMY_TOKEN };
}

/** Verifies against Cloudflare's siteverify endpoint. */
export function siteverifyVerifier(secret: string, fetcher: typeof fetch = fetch): TurnstileVerifier {
  return {
    async verify(token, remoteIp) {
      const form = new FormData();
      form.set('secret', secret);
      form.set('response', token);
      if (remoteIp) form.set('remoteip', remoteIp);
      const res = await fetcher(SITEVERIFY, { method: 'POST', body: form });
      if (!res.ok) return false;
      const outcome = (await res.json()) as { success?: unknown };
      return outcome.success === true;
    },
  };
}

/**
 * The verifier of this environment: `TURNSTILE_SECRET_KEY` when set, else (development and tests
 * only) Cloudflare's passing test secret. Test secrets are checked offline.
 */
export function turnstileVerifier(env: Env): TurnstileVerifier | null {
  const secret = env.TURNSTILE_SECRET_KEY ?? (isDevelopment(env) || usesDevMailbox(env) ? TURNSTILE_TEST_SECRETS.pass : undefined);
  if (!secret) return null;
  if ((Object.values(TURNSTILE_TEST_SECRETS) as string[]).includes(secret)) return offlineTestVerifier(secret);
  return siteverifyVerifier(secret);
}
