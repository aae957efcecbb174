import { describe, expect, it } from 'vitest';
import type { Env } from '../env.js';
import { generateSecret, openSecret, sealSecret } from './secret-box.js';
import { TURNSTILE_DUMMY_TOKEN, TURNSTILE_TEST_SECRETS, offlineTestVerifier } from './turnstile.js';

const env = { TOKEN_SECRET: 'a-token-secret-of-at-least-32-characters!!' } as Env;
const owner = { siteKey: 'gemeente-voorbeeldstad', kid: 'k1' };

describe('sealSecret / openSecret', () => {
  it('opens what it sealed, for the same site and kid only', async () => {
    const secret = generateSecret();
    const sealed = await sealSecret(env, owner, secret);
    expect(sealed).not.toContain(secret);
    expect(await openSecret(env, owner, sealed)).toBe(secret);
    expect(await openSecret(env, { ...owner, kid: 'k2' }, sealed)).toBeNull();
    expect(await openSecret({ ...env, SSO_KEY_ENCRYPTION_SECRET: 'another-secret-of-at-least-32-characters' } as Env, owner, sealed)).toBeNull();
    const at = sealed.length - 8;
    const tampered = sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1);
    expect(await openSecret(env, owner, tampered)).toBeNull();
  });
});

describe('the offline Turnstile verifier', () => {
  it('accepts the dummy token with the passing test secret, and nothing with the failing ones', async () => {
    expect(await offlineTestVerifier(TURNSTILE_TEST_SECRETS.pass).verify(TURNSTILE_DUMMY_TOKEN, null)).toBe(true);
    expect(await offlineTestVerifier(TURNSTILE_TEST_SECRETS.pass).verify('iets anders', null)).toBe(false);
    expect(await offlineTestVerifier(TURNSTILE_TEST_SECRETS.fail).verify(TURNSTILE_DUMMY_TOKEN, null)).toBe(false);
    expect(await offlineTestVerifier(TURNSTILE_TEST_SECRETS.spent).verify(TURNSTILE_DUMMY_TOKEN, null)).toBe(false);
  });
});
