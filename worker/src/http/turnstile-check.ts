import type { Context } from 'hono';
import { turnstileVerifier } from '../auth/turnstile.js';
import { findSitePolicy } from '../data/site-settings.js';
import type { AppEnv } from '../env.js';
import { ApiError } from './api-error.js';
import { clientIp } from './rate-limit.js';

/** The header (or body field) a form sends its Turnstile token in, as Cloudflare's widget names it. */
export const TURNSTILE_FIELD = 'cf-turnstile-response';

/**
 * When the site's policy enables Turnstile, requires a token that the verifier accepts, from the
 * `cf-turnstile-response` header or body field; otherwise 403 `turnstile-failed`. Used on the
 * forms anonymous visitors can send (e-mail code requests).
 */
export async function requireTurnstile(c: Context<AppEnv>): Promise<void> {
  const { turnstile } = await findSitePolicy(c.get('db'), c.get('site'));
  if (!turnstile.enabled) return;
  const body = c.get('body');
  const fromBody = body && typeof body === 'object' ? (body as Record<string, unknown>)[TURNSTILE_FIELD] : undefined;
  const token = c.req.header(TURNSTILE_FIELD) ?? (typeof fromBody === 'string' ? fromBody : undefined);
  if (!token || token.length > 2048) throw new ApiError('turnstile-failed', 'Stuur de Turnstile-controle mee (cf-turnstile-response).');
  const verifier = turnstileVerifier(c.env);
  const ip = clientIp(c);
  if (!verifier || !(await verifier.verify(token, ip === 'unknown' ? null : ip))) {
    throw new ApiError('turnstile-failed', 'De Turnstile-controle is niet gelukt; probeer het opnieuw.');
  }
}
