import type { Me } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, expectProblem, send } from '../../test/api.js';
import { signIn } from '../../test/auth.js';
import { demoId } from '../db/seed.js';

function getMe(site: string, token?: string) {
  return api(`/v1/sites/${site}/me`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
}

describe('GET /v1/sites/:site/me', () => {
  it('shows the signed-in professional’s profile, roles and organisation', async () => {
    const { accessToken } = await signIn('gemeente-voorbeeldstad', 'lotte');
    const res = await getMe('gemeente-voorbeeldstad', accessToken);
    expect(res.status).toBe(200);
    expect((await res.json()) as Me).toMatchObject({
      displayName: 'Lotte Visser',
      roles: ['professional', 'moderator'],
      organisation: { name: 'Gemeente Voorbeeldstad' },
      homeNeighbourhood: { name: 'Bloemenbuurt' },
    });
  });

  it('names the neighbourhoods a professional serves that this site shows, with CBS codes, in the site’s order', async () => {
    // Lotte serves the Bloemenbuurt and the Havenkwartier; the corporation's site shows the Havenkwartier and De Akkers.
    const { accessToken } = await signIn('gemeente-voorbeeldstad', 'lotte');
    const onMunicipality = (await (await getMe('gemeente-voorbeeldstad', accessToken)).json()) as Me;
    expect(onMunicipality.servedNeighbourhoods).toEqual([
      { id: demoId('voorbeeldstad', 'neighbourhood', 'bloemenbuurt'), name: 'Bloemenbuurt', cbsCode: 'BU05990101' },
      { id: demoId('voorbeeldstad', 'neighbourhood', 'havenkwartier'), name: 'Havenkwartier', cbsCode: 'BU05990102' },
    ]);
    const onCorporation = (await (await getMe('woonstichting-voorbeeld', accessToken)).json()) as Me;
    expect(onCorporation.servedNeighbourhoods?.map((n) => n.name)).toEqual(['Havenkwartier']);
    // Signing in gives the same, so a page needs no extra request to offer them.
    const session = await signIn('woonstichting-voorbeeld', 'lotte');
    expect(session.user.servedNeighbourhoods).toEqual(onCorporation.servedNeighbourhoods);
  });

  it('gives a resident no served neighbourhoods', async () => {
    const { accessToken, user } = await signIn('gemeente-voorbeeldstad', 'fatima');
    expect(((await (await getMe('gemeente-voorbeeldstad', accessToken)).json()) as Me).servedNeighbourhoods).toEqual([]);
    expect(user.servedNeighbourhoods).toEqual([]);
  });

  it('never names a neighbourhood from rows of another network', async () => {
    const esra = demoId('voorbeeldstad', 'user', 'esra');
    // Rows no write of the API makes, as a bug elsewhere could: Esra under Andersdorp, for Andersdorp's
    // neighbourhood and for the Havenkwartier, which she does not serve in her own network.
    await env.DB.batch([
      env.DB.prepare(`insert into professional_neighbourhoods (neighbourhood_id, user_id, network_id) values (?, ?, 'andersdorp')`).bind(
        demoId('andersdorp', 'neighbourhood', 'dorpskern'),
        esra,
      ),
      env.DB.prepare(`insert into professional_neighbourhoods (neighbourhood_id, user_id, network_id) values (?, ?, 'andersdorp')`).bind(
        demoId('voorbeeldstad', 'neighbourhood', 'havenkwartier'),
        esra,
      ),
    ]);
    const { accessToken } = await signIn('gemeente-voorbeeldstad', 'esra');
    const me = (await (await getMe('gemeente-voorbeeldstad', accessToken)).json()) as Me;
    expect(me.servedNeighbourhoods?.map((n) => n.name)).toEqual(['Bloemenbuurt', 'De Akkers']);
  });

  it('asks for a token when there is none, with 401 and a Bearer challenge', async () => {
    const res = await getMe('gemeente-voorbeeldstad');
    expect(res.headers.get('WWW-Authenticate')).toContain('Bearer');
    await expectProblem(res, 401, 'unauthorized');
  });

  it('accepts the token on another site of the same network', async () => {
    const { accessToken } = await signIn('gemeente-voorbeeldstad', 'ruben');
    expect((await getMe('woonstichting-voorbeeld', accessToken)).status).toBe(200);
  });

  it('refuses an access token for site A on a site of another network', async () => {
    const { accessToken } = await signIn('gemeente-voorbeeldstad', 'ruben');
    await expectProblem(await getMe('andersdorp', accessToken), 401, 'invalid-token');
  });

  it('refuses a tampered or foreign-signed access token', async () => {
    const { accessToken } = await signIn('gemeente-voorbeeldstad', 'fatima');
    const [header, payload, signature] = accessToken.split('.');
    const claims = JSON.parse(atob(payload!.replaceAll('-', '+').replaceAll('_', '/'))) as Record<string, unknown>;
    const forged = btoa(JSON.stringify({ ...claims, roles: ['network-admin'] })).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_');
    await expectProblem(await getMe('gemeente-voorbeeldstad', `${header}.${forged}.${signature}`), 401, 'invalid-token');
    await expectProblem(await getMe('gemeente-voorbeeldstad', 'not.a.token'), 401, 'invalid-token');
  });

  it('refuses an expired access token with token-expired', async () => {
    const { SignJWT } = await import('jose');
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = await new SignJWT({ site: 'gemeente-voorbeeldstad', net: 'voorbeeldstad', roles: ['resident'], org: null })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setIssuer('buurtplein')
      .setAudience('buurtplein-api')
      .setSubject('x')
      .setIssuedAt(past)
      .setExpirationTime(past + 900)
      .sign(new TextEncoder().encode(env.TOKEN_SECRET));
    await expectProblem(await getMe('gemeente-voorbeeldstad', expired), 401, 'token-expired');
  });
});

describe('PATCH /v1/sites/:site/me', () => {
  it('changes the display name', async () => {
    const { accessToken } = await signIn('gemeente-voorbeeldstad', 'wim');
    const res = await send('/v1/sites/gemeente-voorbeeldstad/me', { displayName: '  Wim S.  ' }, { method: 'PATCH', token: accessToken });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Me).displayName).toBe('Wim S.');
    expect((((await (await getMe('gemeente-voorbeeldstad', accessToken)).json()) as Me).displayName)).toBe('Wim S.');
  });

  it('rejects an empty or too long name with the field’s path', async () => {
    const { accessToken } = await signIn('gemeente-voorbeeldstad', 'wim');
    for (const displayName of ['   ', 'x'.repeat(81)]) {
      const body = await expectProblem(
        await send('/v1/sites/gemeente-voorbeeldstad/me', { displayName }, { method: 'PATCH', token: accessToken }),
        400,
        'invalid-request',
      );
      expect(body.detail).toMatch(/^displayName: /);
    }
  });

  it('rejects fields it does not know', async () => {
    const { accessToken } = await signIn('gemeente-voorbeeldstad', 'wim');
    const res = await send('/v1/sites/gemeente-voorbeeldstad/me', { displayName: 'Wim', roles: ['network-admin'] }, { method: 'PATCH', token: accessToken });
    await expectProblem(res, 400, 'invalid-request');
  });
});
