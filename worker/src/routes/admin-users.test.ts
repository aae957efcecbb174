import type { AuthSession, RoleChange, UserSearchResult } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, expectProblem, send } from '../../test/api.js';
import { signIn } from '../../test/auth.js';
import { demoId } from '../db/seed.js';

const SITE = 'gemeente-voorbeeldstad';
const user = (key: string) => demoId('voorbeeldstad', 'user', key);
const woonstichting = demoId('voorbeeldstad', 'organisation', 'woonstichting');

function grant(userId: string, body: unknown, token?: string, site = SITE) {
  return send(`/v1/sites/${site}/admin/users/${userId}/roles`, body, { token });
}

function revoke(userId: string, role: string, token?: string) {
  return api(`/v1/sites/${SITE}/admin/users/${userId}/roles/${role}`, {
    method: 'DELETE',
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

describe('POST /v1/sites/:site/admin/users/:userId/roles', () => {
  it('lets a network admin make a resident a professional of an organisation, effective from the next token', async () => {
    const admin = await signIn(SITE, 'beheer');
    const res = await grant(user('mehmet'), { role: 'professional', organisationId: woonstichting }, admin.accessToken);
    expect(res.status).toBe(201);
    expect((await res.json()) as RoleChange).toMatchObject({
      userId: user('mehmet'),
      role: 'professional',
      change: 'grant',
      organisationId: woonstichting,
      changedBy: user('beheer'),
      reason: 'admin',
    });
    const mehmet = await signIn(SITE, 'mehmet');
    expect(mehmet.user).toMatchObject({ roles: ['professional'], organisation: { name: 'Woonstichting Voorbeeld' } });
  });

  it('requires an organisation for a professional, naming the field', async () => {
    const admin = await signIn(SITE, 'beheer');
    const body = await expectProblem(await grant(user('sanne'), { role: 'professional' }, admin.accessToken), 400, 'invalid-request');
    expect(body.detail).toContain('organisationId');
  });

  it('refuses an organisation of another network', async () => {
    const admin = await signIn(SITE, 'beheer');
    const other = demoId('andersdorp', 'organisation', 'gemeente');
    await expectProblem(await grant(user('sanne'), { role: 'professional', organisationId: other }, admin.accessToken), 400, 'invalid-request');
  });

  it('answers 404 for a user of another network', async () => {
    const admin = await signIn(SITE, 'beheer');
    await expectProblem(await grant(demoId('andersdorp', 'user', 'gerrit'), { role: 'moderator' }, admin.accessToken), 404, 'not-found');
  });

  it('refuses a resident with 403 and nobody with 401', async () => {
    const resident = await signIn(SITE, 'fatima');
    await expectProblem(await grant(user('fatima'), { role: 'network-admin' }, resident.accessToken), 403, 'forbidden');
    await expectProblem(await grant(user('fatima'), { role: 'network-admin' }), 401, 'unauthorized');
  });

  it('refuses a moderator and a professional: granting roles is for network admins only', async () => {
    for (const key of ['lotte', 'ruben']) {
      const session = await signIn(SITE, key);
      await expectProblem(await grant(user('joost'), { role: 'moderator' }, session.accessToken), 403, 'forbidden');
    }
  });

  it('refuses another network’s admin, whose token does not hold here', async () => {
    const { accessToken } = await promoteInAndersdorp();
    await expectProblem(await grant(user('joost'), { role: 'moderator' }, accessToken), 401, 'invalid-token');
  });
});

describe('DELETE /v1/sites/:site/admin/users/:userId/roles/:role', () => {
  it('revokes a role and records who did it', async () => {
    const admin = await signIn(SITE, 'beheer');
    const res = await revoke(user('lotte'), 'moderator', admin.accessToken);
    expect(res.status).toBe(200);
    expect((await res.json()) as RoleChange).toMatchObject({ role: 'moderator', change: 'revoke', changedBy: user('beheer') });
    const lotte = await signIn(SITE, 'lotte');
    expect(lotte.user.roles).toEqual(['professional']);
  });

  it('does not let an admin remove their own admin role', async () => {
    const admin = await signIn(SITE, 'beheer');
    await expectProblem(await revoke(user('beheer'), 'network-admin', admin.accessToken), 403, 'forbidden');
  });

  it('answers 404 for a role that does not exist', async () => {
    const admin = await signIn(SITE, 'beheer');
    await expectProblem(await revoke(user('lotte'), 'king', admin.accessToken), 404, 'not-found');
  });
});

/** Makes Andersdorp's Gerrit a network admin there (directly, as an operator would) and signs him in. */
async function promoteInAndersdorp(): Promise<AuthSession> {
  await env.DB.prepare('update users set is_network_admin = 1 where id = ?').bind(demoId('andersdorp', 'user', 'gerrit')).run();
  return signIn('andersdorp', 'gerrit');
}

describe('GET /v1/sites/:site/admin/users', () => {
  async function search(q: string | undefined, token?: string, site = SITE) {
    const query = q === undefined ? '' : `?q=${encodeURIComponent(q)}`;
    return api(`/v1/sites/${site}/admin/users${query}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  }

  async function found(q: string, token: string): Promise<UserSearchResult['data']> {
    const res = await search(q, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toContain('private');
    return ((await res.json()) as UserSearchResult).data;
  }

  it('finds users by the start of a word of their name, ignoring case, with roles and organisation', async () => {
    const admin = await signIn(SITE, 'beheer');
    const byFirst = await found('pie', admin.accessToken);
    expect(byFirst.map((u) => u.displayName)).toContain('Pieter van Dijk');
    const byLast = await found('DIJK', admin.accessToken);
    expect(byLast.map((u) => u.id)).toContain(user('pieter'));
    const ruben = (await found('ruben', admin.accessToken)).find((u) => u.id === user('ruben'));
    expect(ruben).toMatchObject({ roles: ['professional'], organisation: { id: woonstichting, name: 'Woonstichting Voorbeeld' } });
  });

  it('finds a user by exact e-mail address or id, and never returns an e-mail address', async () => {
    const admin = await signIn(SITE, 'beheer');
    const byEmail = await found('Pieter@Example.nl', admin.accessToken);
    expect(byEmail.map((u) => u.id)).toEqual([user('pieter')]);
    expect(JSON.stringify(byEmail)).not.toContain('@');
    expect((await found(user('pieter'), admin.accessToken)).map((u) => u.id)).toEqual([user('pieter')]);
    // Part of an address finds nobody: the search is no way to list addresses.
    expect(await found('example.nl', admin.accessToken)).toEqual([]);
  });

  it('takes LIKE wildcards literally', async () => {
    const admin = await signIn(SITE, 'beheer');
    expect(await found('%%', admin.accessToken)).toEqual([]);
    expect(await found('__', admin.accessToken)).toEqual([]);
  });

  it('never finds a user of another network', async () => {
    const admin = await signIn(SITE, 'beheer');
    expect(await found('Gerrit', admin.accessToken)).toEqual([]);
    expect(await found('gerrit@example.nl', admin.accessToken)).toEqual([]);
    expect(await found(demoId('andersdorp', 'user', 'gerrit'), admin.accessToken)).toEqual([]);
  });

  it('asks for two characters at least', async () => {
    const admin = await signIn(SITE, 'beheer');
    await expectProblem(await search('p', admin.accessToken), 400, 'invalid-request');
    await expectProblem(await search(undefined, admin.accessToken), 400, 'invalid-request');
  });

  it('is for network admins only: a moderator gets 403, nobody 401', async () => {
    const moderator = await signIn(SITE, 'lotte');
    await expectProblem(await search('pieter', moderator.accessToken), 403, 'forbidden');
    await expectProblem(await search('pieter'), 401, 'unauthorized');
  });
});
