import type { CreatedSsoKey, OrganisationList, SiteFigures, SiteSettings, SsoKeyList } from '@buurtplein/sdk/contract';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { api, expectProblem, send } from '../../test/api.js';
import { signIn, ssoClaims } from '../../test/auth.js';
import { demoId } from '../db/seed.js';

const SITE = 'woonstichting-voorbeeld';
const base = `/v1/sites/${SITE}/admin`;
const tokens = new Map<string, Promise<string>>();
const tokenOf = (user: string) => {
  if (!tokens.has(user)) tokens.set(user, signIn(SITE, user).then((s) => s.accessToken));
  return tokens.get(user)!;
};
const authed = async (user: string) => ({ headers: { Authorization: `Bearer ${await tokenOf(user)}` } });

describe('GET|PATCH /v1/sites/:site/admin/settings', () => {
  it('shows moderators and admins the settings with the default policy', async () => {
    for (const user of ['beheer', 'lotte']) {
      const res = await api(`${base}/settings`, await authed(user));
      expect(res.status).toBe(200);
      const settings = (await res.json()) as SiteSettings;
      expect(settings.policy).toEqual({ autoHideAfter: 3, premoderateFirstPosts: 0, turnstile: { enabled: false, siteKey: null } });
      expect(settings.neighbourhoodIds).toHaveLength(2);
    }
    await expectProblem(await api(`${base}/settings`, await authed('fatima')), 403, 'forbidden');
  });

  it('lets network admins change origins, theme, neighbourhoods and policy, and the site follows at once', async () => {
    const all = ['bloemenbuurt', 'havenkwartier', 'de-akkers'].map((n) => demoId('voorbeeldstad', 'neighbourhood', n));
    const res = await send(
      `${base}/settings`,
      { allowedOrigins: ['https://www.woonstichting-voorbeeld.nl', 'https://huurders.example'], theme: { '--buurt-accent': '#005a9c' }, neighbourhoodIds: all, policy: { autoHideAfter: 5 } },
      { method: 'PATCH', token: await tokenOf('beheer') },
    );
    expect(res.status).toBe(200);
    const settings = (await res.json()) as SiteSettings;
    expect(settings).toMatchObject({ neighbourhoodIds: all, policy: { autoHideAfter: 5, premoderateFirstPosts: 0 } });
    const site = (await (await api(`/v1/sites/${SITE}`)).json()) as { theme: object; neighbourhoods: { id: string }[] };
    expect(site.theme).toEqual({ '--buurt-accent': '#005a9c' });
    expect(site.neighbourhoods.map((n) => n.id)).toEqual(all);
    expect((await api(`/v1/sites/${SITE}`, { origin: 'https://huurders.example' })).headers.get('Access-Control-Allow-Origin')).toBe('https://huurders.example');
    // Back as it was, for the other tests.
    await send(`${base}/settings`, { neighbourhoodIds: all.slice(1), policy: { autoHideAfter: 3 } }, { method: 'PATCH', token: await tokenOf('beheer') });
  });

  it('refuses origins with a path or without https, foreign theme keys and neighbourhoods of another network', async () => {
    const token = await tokenOf('beheer');
    for (const body of [
      { allowedOrigins: ['http://www.woonstichting-voorbeeld.nl'] },
      { allowedOrigins: ['https://www.woonstichting-voorbeeld.nl/wonen'] },
      { theme: { color: 'red' } },
      { neighbourhoodIds: [demoId('andersdorp', 'neighbourhood', 'dorpskern')] },
      { policy: { autoHideAfter: -1 } },
    ]) {
      await expectProblem(await send(`${base}/settings`, body, { method: 'PATCH', token }), 400, 'invalid-request');
    }
    await expectProblem(await send(`${base}/settings`, { theme: {} }, { method: 'PATCH', token: await tokenOf('lotte') }), 403, 'forbidden');
  });
});

describe('SSO keys', () => {
  it('adds an HS256 key whose secret is shown once and signs in, and retires it', async () => {
    const token = await tokenOf('beheer');
    const kid = `rotatie-${crypto.randomUUID().slice(0, 8)}`;
    const res = await send(`${base}/sso-keys`, { alg: 'HS256', kid }, { token });
    expect(res.status).toBe(201);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const created = (await res.json()) as CreatedSsoKey;
    expect(created).toMatchObject({ kid, alg: 'HS256', status: 'active' });
    expect(created.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const list = (await (await api(`${base}/sso-keys`, await authed('beheer'))).json()) as SsoKeyList;
    expect(list.data.find((k) => k.kid === kid)).toEqual({ kid, alg: 'HS256', status: 'active', createdAt: created.createdAt, retiredAt: null });
    expect(JSON.stringify(list)).not.toContain(created.secret!);

    const jwt = await new SignJWT(ssoClaims(SITE, 'huurder-42')).setProtectedHeader({ alg: 'HS256', kid }).sign(new TextEncoder().encode(created.secret!));
    expect((await send(`/v1/sites/${SITE}/auth/sso`, { token: jwt })).status).toBe(200);

    await expectProblem(await send(`${base}/sso-keys`, { alg: 'HS256', kid }, { token }), 409, 'kid-taken');
    const retired = await send(`${base}/sso-keys/${kid}/retire`, {}, { token });
    expect(retired.status).toBe(200);
    const again = await new SignJWT(ssoClaims(SITE, 'huurder-42')).setProtectedHeader({ alg: 'HS256', kid }).sign(new TextEncoder().encode(created.secret!));
    await expectProblem(await send(`/v1/sites/${SITE}/auth/sso`, { token: again }), 401, 'key-retired');
    await expectProblem(await send(`${base}/sso-keys/bestaat-niet/retire`, {}, { token }), 404, 'not-found');
  });

  it('adds an ES256 key from a public JWK', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const kid = `es-${crypto.randomUUID().slice(0, 8)}`;
    const res = await send(`${base}/sso-keys`, { alg: 'ES256', kid, publicJwk: await exportJWK(publicKey) }, { token: await tokenOf('beheer') });
    expect(res.status).toBe(201);
    expect(((await res.json()) as CreatedSsoKey).secret).toBeNull();
    const jwt = await new SignJWT(ssoClaims(SITE, 'huurder-43')).setProtectedHeader({ alg: 'ES256', kid }).sign(privateKey);
    expect((await send(`/v1/sites/${SITE}/auth/sso`, { token: jwt })).status).toBe(200);
  });

  it('is for network admins only', async () => {
    await expectProblem(await api(`${base}/sso-keys`, await authed('lotte')), 403, 'forbidden');
    await expectProblem(await send(`${base}/sso-keys`, { alg: 'HS256', kid: 'x' }, { token: await tokenOf('lotte') }), 403, 'forbidden');
  });
});

describe('figures', () => {
  it('counts initiatives by status, asks for help, time to a first offer and accepted offers per neighbourhood', async () => {
    const res = await api(`/v1/sites/gemeente-voorbeeldstad/admin/figures`, { headers: { Authorization: `Bearer ${(await signIn('gemeente-voorbeeldstad', 'beheer')).accessToken}` } });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as SiteFigures;
    expect(data.map((f) => f.neighbourhood.name)).toEqual(['Bloemenbuurt', 'Havenkwartier', 'De Akkers']);
    const total = data.reduce((sum, f) => sum + Object.values(f.initiativesByStatus).reduce((a, b) => a + b, 0), 0);
    expect(total).toBeGreaterThan(10);
    expect(data.some((f) => f.medianHoursToFirstOffer !== null && f.medianHoursToFirstOffer > 0)).toBe(true);
    expect(data.some((f) => f.acceptedOffers > 0)).toBe(true);
  });

  it('exports them as CSV that Dutch Excel opens: BOM, semicolons, decimal commas', async () => {
    const token = (await signIn('gemeente-voorbeeldstad', 'beheer')).accessToken;
    const res = await api(`/v1/sites/gemeente-voorbeeldstad/admin/figures.csv`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^buurt;initiatieven idea;/);
    expect(lines).toHaveLength(4);
    expect(lines[1]!.split(';')).toHaveLength(lines[0]!.split(';').length);
    expect(lines.slice(1).join('\n')).not.toMatch(/\d\.\d/);
  });
});

describe('GET /v1/sites/:site/admin/organisations', () => {
  it("lists every organisation of the network by name, also one without professionals, and none of another network", async () => {
    const res = await api(`${base}/organisations`, await authed('beheer'));
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as OrganisationList;
    expect(data).toEqual([
      { id: demoId('voorbeeldstad', 'organisation', 'gemeente'), name: 'Gemeente Voorbeeldstad', kind: 'municipality' },
      { id: demoId('voorbeeldstad', 'organisation', 'welzijn'), name: 'Welzijn Voorbeeldstad', kind: 'welfare' },
      { id: demoId('voorbeeldstad', 'organisation', 'woonstichting'), name: 'Woonstichting Voorbeeld', kind: 'housing-corporation' },
    ]);
  });

  it('is for network admins: a moderator gets 403, nobody 401', async () => {
    await expectProblem(await api(`${base}/organisations`, await authed('lotte')), 403, 'forbidden');
    await expectProblem(await api(`${base}/organisations`), 401, 'unauthorized');
  });
});
