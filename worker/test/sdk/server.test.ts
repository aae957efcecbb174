import { signSsoToken, signWebhook, verifyWebhook, WebhookSignatureError, type WebhookErrorCode } from '@buurtplein/sdk/server';
import { env } from 'cloudflare:test';
import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { database } from '../../src/data/database.js';
import { addSiteKey } from '../../src/data/site-keys.js';
import { devSsoSecretName } from '../../src/auth/sso-token.js';
import { expectProblem, send } from '../api.js';
import { testClient } from '../sdk-client.js';

const SITE = 'woonstichting-voorbeeld';
const secret = () => env[devSsoSecretName(SITE)]!;

async function siteNetwork(): Promise<string> {
  const row = await env.DB.prepare('SELECT network_id FROM sites WHERE key = ?').bind(SITE).first<{ network_id: string }>();
  return row!.network_id;
}

describe('signSsoToken', () => {
  it('signs an HS256 token the API accepts, once', async () => {
    const token = await signSsoToken({ site: SITE, kid: 'dev', secret: secret(), sub: 'host-user-42', name: 'Bewoner Havenflat', email: 'bewoner@example.nl' });
    const client = testClient(SITE);
    const session = await client.auth.sso(token);
    expect(session.user.displayName).toBe('Bewoner Havenflat');
    await expectProblem(await send(`/v1/sites/${SITE}/auth/sso`, { token }), 401, 'token-replayed');
  });

  it('signs an ES256 token with a private JWK or a CryptoKey', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    await addSiteKey(database(env.DB), { key: SITE, networkId: await siteNetwork() }, { kid: 'es-sdk', alg: 'ES256', publicJwk: await exportJWK(publicKey) });
    const jwk = (await exportJWK(privateKey)) as JsonWebKey;
    for (const key of [jwk, privateKey]) {
      const token = await signSsoToken({ site: SITE, kid: 'es-sdk', privateKey: key, sub: 'es-user', name: 'ES Bewoner' });
      expect((await testClient(SITE).auth.sso(token)).user.displayName).toBe('ES Bewoner');
    }
  });

  it('is refused by the API when signed with another secret or for another site', async () => {
    const wrong = await signSsoToken({ site: SITE, kid: 'dev', secret: 'not-the-secret-0123456789abcdef0123456789', sub: 'x', name: 'X' });
    await expectProblem(await send(`/v1/sites/${SITE}/auth/sso`, { token: wrong }), 401, 'invalid-token');
    const elsewhere = await signSsoToken({ site: 'andersdorp', kid: 'dev', secret: secret(), sub: 'x', name: 'X' });
    await expectProblem(await send(`/v1/sites/${SITE}/auth/sso`, { token: elsewhere }), 401, 'invalid-token');
  });

  it('refuses a lifetime over 600 seconds before signing', async () => {
    await expect(signSsoToken({ site: SITE, kid: 'dev', secret: secret(), sub: 'x', name: 'X', ttlSeconds: 601 })).rejects.toThrow(RangeError);
  });
});

describe('verifyWebhook', () => {
  const payload = JSON.stringify({ id: 'evt_1', type: 'initiative.created', data: { id: 'abc' } });
  const whsec = 'whsec_test_0123456789abcdef';

  async function refusal(promise: Promise<unknown>): Promise<WebhookErrorCode> {
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookSignatureError);
    return (error as WebhookSignatureError).code;
  }

  it('accepts a delivery signed with the secret and returns the event', async () => {
    const header = await signWebhook({ payload, secret: whsec });
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(await verifyWebhook({ payload, header, secret: whsec })).toEqual({ id: 'evt_1', type: 'initiative.created', data: { id: 'abc' } });
    expect(await verifyWebhook({ payload: new TextEncoder().encode(payload), header, secret: whsec })).toMatchObject({ id: 'evt_1' });
  });

  it('refuses a tampered payload', async () => {
    const header = await signWebhook({ payload, secret: whsec });
    expect(await refusal(verifyWebhook({ payload: payload.replace('abc', 'abd'), header, secret: whsec }))).toBe('invalid-signature');
  });

  it('refuses a tampered timestamp', async () => {
    const header = await signWebhook({ payload, secret: whsec });
    const moved = header.replace(/^t=(\d+)/, (_, t: string) => `t=${Number(t) + 1}`);
    expect(await refusal(verifyWebhook({ payload, header: moved, secret: whsec }))).toBe('invalid-signature');
  });

  it('refuses another secret', async () => {
    const header = await signWebhook({ payload, secret: 'whsec_someone_else' });
    expect(await refusal(verifyWebhook({ payload, header, secret: whsec }))).toBe('invalid-signature');
  });

  it('refuses a stale delivery, and honours a wider tolerance', async () => {
    const header = await signWebhook({ payload, secret: whsec, timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(await refusal(verifyWebhook({ payload, header, secret: whsec }))).toBe('timestamp-out-of-tolerance');
    expect(await verifyWebhook({ payload, header, secret: whsec, toleranceSeconds: 600 })).toMatchObject({ id: 'evt_1' });
  });

  it('refuses a missing or malformed header', async () => {
    expect(await refusal(verifyWebhook({ payload, header: null, secret: whsec }))).toBe('missing-signature');
    expect(await refusal(verifyWebhook({ payload, header: 'v1=abc', secret: whsec }))).toBe('missing-signature');
    expect(await refusal(verifyWebhook({ payload, header: `t=${Math.floor(Date.now() / 1000)},v1=zz`, secret: whsec }))).toBe('invalid-signature');
  });

  it('accepts when any of several signatures matches (secret rotation)', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const old = await signWebhook({ payload, secret: 'whsec_old', timestamp });
    const current = await signWebhook({ payload, secret: whsec, timestamp });
    const header = `${old},${current.split(',')[1]}`;
    expect(await verifyWebhook({ payload, header, secret: whsec })).toMatchObject({ id: 'evt_1' });
  });
});
