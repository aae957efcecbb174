import type { AuthSession } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { base64url, exportJWK, generateKeyPair, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, send } from '../../../test/api.js';
import { devSecret, signSso, ssoClaims } from '../../../test/auth.js';
import { database } from '../../data/database.js';
import { addSiteKey, retireSiteKey } from '../../data/site-keys.js';

const SITE = 'gemeente-voorbeeldstad';
const gemeente = { key: SITE, networkId: 'voorbeeldstad' };
const now = () => Math.floor(Date.now() / 1000);

function signInWith(token: string) {
  return send(`/v1/sites/${SITE}/auth/sso`, { token });
}

async function esKey(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  await addSiteKey(database(env.DB), gemeente, { kid, alg: 'ES256', publicJwk });
  return { privateKey, publicJwk };
}

function unsigned(header: object, claims: JWTPayload): string {
  const part = (value: object) => base64url.encode(JSON.stringify(value));
  return `${part(header)}.${part(claims)}.`;
}

let es: Awaited<ReturnType<typeof esKey>>;
beforeAll(async () => {
  es = await esKey('es-2026');
});

describe('POST /v1/sites/:site/auth/sso', () => {
  it('signs a demo user in with a dev token and returns a session with their profile', async () => {
    const res = await signInWith(await signSso(ssoClaims(SITE, 'fatima'), devSecret(SITE)));
    expect(res.status).toBe(200);
    const session = (await res.json()) as AuthSession;
    expect(session.user).toMatchObject({ displayName: 'Fatima El Amrani', roles: ['resident'], homeNeighbourhood: { name: 'Havenkwartier' } });
    expect(session.accessToken.split('.')).toHaveLength(3);
    expect(session.refreshToken).toMatch(/^bprt_/);
    expect(Date.parse(session.accessTokenExpiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
  });

  it('accepts an ES256 token signed with the site’s private key', async () => {
    const res = await signInWith(await signSso(ssoClaims(SITE, 'es-user'), es.privateKey, { alg: 'ES256', kid: 'es-2026' }));
    expect(res.status).toBe(200);
  });

  it('creates a resident for a new subject and ignores role claims in the host token', async () => {
    const claims = ssoClaims(SITE, 'host-user-1', { name: 'Noor', roles: ['network-admin'], role: 'moderator', is_admin: true });
    const res = await signInWith(await signSso(claims, devSecret(SITE)));
    const session = (await res.json()) as AuthSession;
    expect(session.user).toMatchObject({ displayName: 'Noor', roles: ['resident'], organisation: null });
  });

  it('updates the display name only from a token issued later than the last one seen', async () => {
    const signInAs = async (name: string, iat: number) => {
      const res = await signInWith(await signSso(ssoClaims(SITE, 'renamer', { name, iat, exp: iat + 300 }), devSecret(SITE)));
      expect(res.status).toBe(200);
      return ((await res.json()) as AuthSession).user.displayName;
    };
    expect(await signInAs('Eerste naam', now() - 120)).toBe('Eerste naam');
    expect(await signInAs('Nieuwe naam', now() - 60)).toBe('Nieuwe naam');
    expect(await signInAs('Oude naam', now() - 90)).toBe('Nieuwe naam');
  });

  it('links the same host subject on two sites to two identities, one per site', async () => {
    const a = (await (await signInWith(await signSso(ssoClaims(SITE, 'twice'), devSecret(SITE)))).json()) as AuthSession;
    const other = 'woonstichting-voorbeeld';
    const res = await send(`/v1/sites/${other}/auth/sso`, { token: await signSso(ssoClaims(other, 'twice'), devSecret(other)) });
    const b = (await res.json()) as AuthSession;
    expect(b.user.id).not.toBe(a.user.id);
  });
});

describe('SSO forgeries', () => {
  const dev = { alg: 'HS256', kid: 'dev' };
  const forgeries: { name: string; slug: string; token: () => Promise<string> }[] = [
    { name: 'an unsigned token (alg none)', slug: 'invalid-token', token: async () => unsigned({ alg: 'none', kid: 'dev' }, ssoClaims(SITE, 'fatima')) },
    {
      name: 'an HS256 token for an ES256 key (its public key used as the secret)',
      slug: 'invalid-token',
      token: () => signSso(ssoClaims(SITE, 'fatima'), new TextEncoder().encode(JSON.stringify(es.publicJwk)), { alg: 'HS256', kid: 'es-2026' }),
    },
    { name: 'a wrong audience', slug: 'invalid-token', token: () => signSso(ssoClaims(SITE, 'fatima', { aud: 'someone-else' }), devSecret(SITE), dev) },
    {
      name: 'a wrong issuer',
      slug: 'invalid-token',
      token: () => signSso(ssoClaims(SITE, 'fatima', { iss: 'woonstichting-voorbeeld' }), devSecret(SITE), dev),
    },
    {
      name: 'an expired token',
      slug: 'token-expired',
      token: () => signSso(ssoClaims(SITE, 'fatima', { iat: now() - 500, exp: now() - 120 }), devSecret(SITE), dev),
    },
    {
      name: 'an exp more than ten minutes after iat',
      slug: 'invalid-token',
      token: () => signSso(ssoClaims(SITE, 'fatima', { exp: now() + 3600 }), devSecret(SITE), dev),
    },
    { name: 'a token not yet valid (nbf)', slug: 'invalid-token', token: () => signSso(ssoClaims(SITE, 'fatima', { nbf: now() + 300 }), devSecret(SITE), dev) },
    { name: 'an unknown kid', slug: 'unknown-key', token: () => signSso(ssoClaims(SITE, 'fatima'), devSecret(SITE), { alg: 'HS256', kid: 'nope' }) },
    { name: 'a token without a kid', slug: 'unknown-key', token: () => signSso(ssoClaims(SITE, 'fatima'), devSecret(SITE), { alg: 'HS256' }) },
    {
      name: 'a token signed with another site’s secret',
      slug: 'invalid-token',
      token: () => signSso(ssoClaims(SITE, 'fatima'), devSecret('woonstichting-voorbeeld'), dev),
    },
    { name: 'a token without a jti', slug: 'invalid-token', token: () => signSso(ssoClaims(SITE, 'fatima', { jti: undefined }), devSecret(SITE), dev) },
    {
      name: 'a tampered payload',
      slug: 'invalid-token',
      token: async () => {
        const [header, , signature] = (await signSso(ssoClaims(SITE, 'fatima'), devSecret(SITE), dev)).split('.');
        return `${header}.${base64url.encode(JSON.stringify(ssoClaims(SITE, 'beheer')))}.${signature}`;
      },
    },
    { name: 'garbage', slug: 'invalid-token', token: async () => 'not-a-jwt' },
  ];

  it.each(forgeries)('rejects $name with 401 $slug', async ({ slug, token }) => {
    await expectProblem(await signInWith(await token()), 401, slug);
  });

  it('rejects a replayed jti with 401 token-replayed', async () => {
    const token = await signSso(ssoClaims(SITE, 'fatima'), devSecret(SITE));
    expect((await signInWith(token)).status).toBe(200);
    await expectProblem(await signInWith(token), 401, 'token-replayed');
  });

  it('lets only one of two parallel uses of a token through', async () => {
    const token = await signSso(ssoClaims(SITE, 'fatima'), devSecret(SITE));
    const statuses = (await Promise.all([signInWith(token), signInWith(token)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 401]);
  });
});

describe('SSO key rotation', () => {
  it('accepts the old and the new key while both are active, and refuses the old one once retired', async () => {
    const oldKey = await esKey('rotate-old');
    const newKey = await esKey('rotate-new');
    const token = (key: CryptoKey, kid: string) => signSso(ssoClaims(SITE, 'rotating'), key, { alg: 'ES256', kid });

    expect((await signInWith(await token(oldKey.privateKey, 'rotate-old'))).status).toBe(200);
    expect((await signInWith(await token(newKey.privateKey, 'rotate-new'))).status).toBe(200);

    await retireSiteKey(database(env.DB), gemeente, 'rotate-old');
    await expectProblem(await signInWith(await token(oldKey.privateKey, 'rotate-old')), 401, 'key-retired');
    expect((await signInWith(await token(newKey.privateKey, 'rotate-new'))).status).toBe(200);
  });

  it('does not accept a key registered for another site', async () => {
    const andersdorp = { key: 'andersdorp', networkId: 'andersdorp' };
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    await addSiteKey(database(env.DB), andersdorp, { kid: 'anders-1', alg: 'ES256', publicJwk: await exportJWK(publicKey) });
    await expectProblem(await signInWith(await signSso(ssoClaims(SITE, 'x'), privateKey, { alg: 'ES256', kid: 'anders-1' })), 401, 'unknown-key');
  });
});
