// The server helpers on Node (the worker's tests cover Workers and that the API accepts the tokens).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signSsoToken, signWebhook, verifyWebhook, WebhookSignatureError } from '@buurtplein/sdk/server';

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

async function verifies(token: string, key: CryptoKey, algorithm: AlgorithmIdentifier | EcdsaParams): Promise<boolean> {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  return crypto.subtle.verify(algorithm, key, Buffer.from(signature, 'base64url'), new TextEncoder().encode(`${header}.${payload}`));
}

describe('signSsoToken on Node', () => {
  it('signs HS256 with the claims the API expects', async () => {
    const token = await signSsoToken({ site: 'gemeente-voorbeeldstad', kid: 'dev', secret: 'geheim-0123456789abcdef0123456789ab', sub: 'u1', name: 'Fatima', ttlSeconds: 120 });
    const [header, payload] = token.split('.') as [string, string];
    assert.deepEqual(decode(header), { alg: 'HS256', typ: 'JWT', kid: 'dev' });
    const claims = decode(payload);
    assert.equal(claims.iss, 'gemeente-voorbeeldstad');
    assert.equal(claims.aud, 'buurtplein');
    assert.equal(Number(claims.exp) - Number(claims.iat), 120);
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('geheim-0123456789abcdef0123456789ab'), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    assert.equal(await verifies(token, key, 'HMAC'), true);
  });

  it('signs ES256 with a private JWK', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const privateKey = await crypto.subtle.exportKey('jwk', pair.privateKey);
    const token = await signSsoToken({ site: 's', kid: 'es', privateKey, sub: 'u1', name: 'N' });
    assert.equal(decode(token.split('.')[0]!).alg, 'ES256');
    assert.equal(await verifies(token, pair.publicKey, { name: 'ECDSA', hash: 'SHA-256' }), true);
  });
});

describe('webhook signatures on Node', () => {
  const payload = '{"id":"evt_1","type":"comment.created"}';
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.catch((e: unknown) => e);
    assert.ok(error instanceof WebhookSignatureError);
    return error.code;
  };

  it('accepts a valid delivery and refuses tampered, stale and foreign ones', async () => {
    const header = await signWebhook({ payload, secret: 'whsec_a' });
    assert.deepEqual(await verifyWebhook({ payload, header, secret: 'whsec_a' }), { id: 'evt_1', type: 'comment.created' });
    assert.equal(await refusal(verifyWebhook({ payload: payload.replace('1', '2'), header, secret: 'whsec_a' })), 'invalid-signature');
    assert.equal(await refusal(verifyWebhook({ payload, header, secret: 'whsec_b' })), 'invalid-signature');
    const stale = await signWebhook({ payload, secret: 'whsec_a', timestamp: Math.floor(Date.now() / 1000) - 600 });
    assert.equal(await refusal(verifyWebhook({ payload, header: stale, secret: 'whsec_a' })), 'timestamp-out-of-tolerance');
  });
});
