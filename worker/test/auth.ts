import type { AuthSession } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { SignJWT, type JWTPayload } from 'jose';
import { expect } from 'vitest';
import { devSsoSecretName } from '../src/auth/sso-token.js';
import { send } from './api.js';

/** The dev SSO secret of a demo site, as the host's server holds it. */
export function devSecret(site: string): Uint8Array {
  const secret = env[devSsoSecretName(site)];
  if (!secret) throw new Error(`no test secret for ${site}`);
  return new TextEncoder().encode(secret);
}

/** The claims a well-behaved host signs for `sub` on `site`, valid for five minutes from now. */
export function ssoClaims(site: string, sub: string, extra: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return { iss: site, aud: 'buurtplein', sub, iat: now, exp: now + 300, jti: crypto.randomUUID(), ...extra };
}

/** Signs claims as a host would: HS256 with the site's dev secret, kid `dev`, unless told otherwise. */
export function signSso(
  claims: JWTPayload,
  key: Uint8Array | CryptoKey,
  header: { alg: string; kid?: string } = { alg: 'HS256', kid: 'dev' },
): Promise<string> {
  return new SignJWT(claims).setProtectedHeader(header).sign(key);
}

/** Signs in as a demo user (by key) on a demo site through dev SSO and returns the session. */
export async function signIn(site: string, userKey: string): Promise<AuthSession> {
  const token = await signSso(ssoClaims(site, userKey), devSecret(site));
  const res = await send(`/v1/sites/${site}/auth/sso`, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as AuthSession;
}
