import type { AuthSession } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, expectProblem, send } from '../../../test/api.js';
import { signIn } from '../../../test/auth.js';

const SITE = 'gemeente-voorbeeldstad';

function refresh(refreshToken: string, site = SITE) {
  return send(`/v1/sites/${site}/auth/refresh`, { refreshToken });
}

function logout(refreshToken: string) {
  return send(`/v1/sites/${SITE}/auth/logout`, { refreshToken });
}

describe('POST /v1/sites/:site/auth/refresh', () => {
  it('swaps a refresh token for a new pair', async () => {
    const session = await signIn(SITE, 'sanne');
    const res = await refresh(session.refreshToken);
    expect(res.status).toBe(200);
    const next = (await res.json()) as AuthSession;
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect(next.user.displayName).toBe('Sanne Bakker');
    expect((await api(`/v1/sites/${SITE}/me`, { headers: { Authorization: `Bearer ${next.accessToken}` } })).status).toBe(200);
  });

  it('revokes the whole family when an old refresh token is used again', async () => {
    const session = await signIn(SITE, 'pieter');
    const second = (await (await refresh(session.refreshToken)).json()) as AuthSession;
    const third = (await (await refresh(second.refreshToken)).json()) as AuthSession;

    await expectProblem(await refresh(session.refreshToken), 401, 'token-replayed');
    // The thief's copy and the rightful newest token are both dead now.
    await expectProblem(await refresh(third.refreshToken), 401, 'invalid-token');
  });

  it('lets only one of two parallel refreshes with the same token through, and ends that family', async () => {
    const session = await signIn(SITE, 'yara');
    const [a, b] = await Promise.all([refresh(session.refreshToken), refresh(session.refreshToken)]);
    expect([a.status, b.status].sort()).toEqual([200, 401]);
    const winner = (await (a.status === 200 ? a : b).json()) as AuthSession;
    await expectProblem(await refresh(winner.refreshToken), 401, 'invalid-token');
  });

  it('refuses a refresh token on another site than the one it was issued on', async () => {
    const session = await signIn(SITE, 'wim');
    await expectProblem(await refresh(session.refreshToken, 'woonstichting-voorbeeld'), 401, 'invalid-token');
  });

  it('refuses an unknown refresh token', async () => {
    await expectProblem(await refresh('bprt_made-up'), 401, 'invalid-token');
  });

  it('keeps only a hash of the refresh token', async () => {
    const session = await signIn(SITE, 'mehmet');
    const { results } = await env.DB.prepare('select token_hash from refresh_tokens').all();
    expect(JSON.stringify(results)).not.toContain(session.refreshToken.slice(5));
  });
});

describe('POST /v1/sites/:site/auth/logout', () => {
  it('revokes the session so its refresh token no longer works', async () => {
    const session = await signIn(SITE, 'anouk');
    const res = await logout(session.refreshToken);
    expect(res.status).toBe(204);
    await expectProblem(await refresh(session.refreshToken), 401, 'invalid-token');
  });

  it('answers an unknown token the same way, revealing nothing', async () => {
    expect((await logout('bprt_made-up')).status).toBe(204);
  });
});
