import type { InitiativeMemberPage, InitiativeUpdate, InitiativeUpdatePage, Membership, SupportState } from '@buurtplein/sdk/contract';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../test/api.js';
import { call, detailOf, startInitiative, tokenOf } from '../../test/initiatives.js';
import { demoInitiativeId } from '../db/seed.js';

const site = 'gemeente-voorbeeldstad';
const moestuin = demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat');

async function support(id: string, as: string, method: 'PUT' | 'DELETE' = 'PUT'): Promise<SupportState> {
  const res = await call(site, `/${id}/support`, { method, as });
  expect(res.status).toBe(200);
  return (await res.json()) as SupportState;
}

async function userIdOf(key: string, on = site): Promise<string> {
  const res = await api(`/v1/sites/${on}/me`, { headers: { Authorization: `Bearer ${await tokenOf(on, key)}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

async function members(id: string, query = ''): Promise<InitiativeMemberPage> {
  const res = await call(site, `/${id}/members${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as InitiativeMemberPage;
}

describe('PUT|DELETE /v1/sites/:site/initiatives/:id/support', () => {
  it('counts 20 parallel supports from 20 users as 20', async () => {
    const { id } = await startInitiative(site, 'mehmet');
    const neighbours = Array.from({ length: 20 }, (_, i) => `buur-${i}`);
    await Promise.all(neighbours.map((n) => tokenOf(site, n)));
    const answers = await Promise.all(neighbours.map((n) => support(id, n)));
    expect(answers.every((a) => a.supported)).toBe(true);
    expect((await detailOf(site, id)).supporterCount).toBe(20);
  }, 30_000);

  it('counts supporting twice once, and withdrawing gives it back', async () => {
    const before = (await detailOf(site, moestuin)).supporterCount;
    expect(await support(moestuin, 'anouk')).toEqual({ supporterCount: before + 1, supported: true });
    expect(await support(moestuin, 'anouk')).toEqual({ supporterCount: before + 1, supported: true });
    expect((await detailOf(site, moestuin, 'anouk')).viewer).toMatchObject({ supports: true, membership: null, isOrganiser: false });
    expect(await support(moestuin, 'anouk', 'DELETE')).toEqual({ supporterCount: before, supported: false });
    expect(await support(moestuin, 'anouk', 'DELETE')).toEqual({ supporterCount: before, supported: false });
    expect((await detailOf(site, moestuin)).supporterCount).toBe(before);
  });

  it('needs a signed-in user and an initiative the site shows', async () => {
    await expectProblem(await call(site, `/${moestuin}/support`, { method: 'PUT' }), 401, 'unauthorized');
    const dorpshuis = demoInitiativeId('andersdorp', 'dorpshuis');
    await expectProblem(await call(site, `/${dorpshuis}/support`, { method: 'PUT', as: 'anouk' }), 404, 'not-found');
    const tulpstraat = demoInitiativeId('voorbeeldstad', 'geveltuinen-tulpstraat');
    await expectProblem(await call('woonstichting-voorbeeld', `/${tulpstraat}/support`, { method: 'PUT', as: 'anouk' }), 404, 'not-found');
  });
});

describe('/v1/sites/:site/initiatives/:id/members', () => {
  it('lets a resident join as a member, once, and leave again', async () => {
    const { id } = await startInitiative(site, 'fatima');
    const res = await call(site, `/${id}/members`, { as: 'sanne', body: {} });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Membership).status).toBe('active');
    await expectProblem(await call(site, `/${id}/members`, { as: 'sanne', body: {} }), 409, 'already-member');
    const detail = await detailOf(site, id, 'sanne');
    expect(detail.memberCount).toBe(2);
    expect(detail.members.map((m) => [m.role, m.user.displayName])).toEqual([
      ['owner', 'Fatima El Amrani'],
      ['member', 'Sanne Bakker'],
    ]);
    expect(detail.viewer?.membership).toEqual({ role: 'member', status: 'active' });
    expect((await call(site, `/${id}/members/me`, { method: 'DELETE', as: 'sanne' })).status).toBe(204);
    expect((await detailOf(site, id)).memberCount).toBe(1);
    await expectProblem(await call(site, `/${id}/members/me`, { method: 'DELETE', as: 'sanne' }), 404, 'not-found');
  });

  it('does not let the owner leave their own plan', async () => {
    const { id } = await startInitiative(site, 'fatima');
    await expectProblem(await call(site, `/${id}/members/me`, { method: 'DELETE', as: 'fatima' }), 403, 'forbidden');
  });

  it('does not let a professional join uninvited', async () => {
    await expectProblem(await call(site, `/${moestuin}/members`, { as: 'ruben', body: {} }), 403, 'forbidden');
    await expectProblem(await call(site, `/${moestuin}/members`, { as: 'ruben', body: { accept: true } }), 403, 'forbidden');
    expect((await members(moestuin)).data.map((m) => m.user.displayName)).not.toContain('Ruben Mulder');
  });

  it('lets the owner invite a professional, who counts once they accept and shows their organisation', async () => {
    const { id } = await startInitiative(site, 'fatima');
    const ruben = await userIdOf('ruben');
    await expectProblem(await call(site, `/${id}/members`, { as: 'sanne', body: { userId: ruben } }), 403, 'forbidden');
    const invited = await call(site, `/${id}/members`, { as: 'fatima', body: { userId: ruben } });
    expect(invited.status).toBe(201);
    expect(await invited.json()).toEqual({ initiativeId: id, userId: ruben, role: 'member', status: 'invited' });
    await expectProblem(await call(site, `/${id}/members`, { as: 'fatima', body: { userId: ruben } }), 409, 'already-member');
    expect((await detailOf(site, id, 'ruben')).viewer?.membership).toEqual({ role: 'member', status: 'invited' });
    expect((await detailOf(site, id)).memberCount).toBe(1);

    const accepted = await call(site, `/${id}/members`, { as: 'ruben', body: { accept: true } });
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as Membership).status).toBe('active');
    const page = await members(id);
    expect(page.data.find((m) => m.user.id === ruben)).toMatchObject({ role: 'member', organisation: { name: 'Woonstichting Voorbeeld' } });
    expect(page.data.find((m) => m.role === 'owner')?.organisation).toBeNull();
    expect((await detailOf(site, id)).memberCount).toBe(2);
  });

  it('answers accepting without an invitation and inviting a stranger with not-found', async () => {
    const { id } = await startInitiative(site, 'fatima');
    await expectProblem(await call(site, `/${id}/members`, { as: 'wim', body: { accept: true } }), 404, 'not-found');
    const gerrit = await userIdOf('gerrit', 'andersdorp');
    await expectProblem(await call(site, `/${id}/members`, { as: 'fatima', body: { userId: gerrit } }), 404, 'not-found');
  });

  it('pages members by user id without duplicates or gaps while people join', async () => {
    const { id } = await startInitiative(site, 'fatima');
    for (const n of ['joost', 'anouk', 'mehmet', 'pieter']) expect((await call(site, `/${id}/members`, { as: n, body: {} })).status).toBe(201);
    const before = (await members(id, '?limit=50')).data.map((m) => m.user.id);
    const first = await members(id, '?limit=2');
    expect(first.data).toHaveLength(2);
    for (const n of ['yara', 'wim']) expect((await call(site, `/${id}/members`, { as: n, body: {} })).status).toBe(201);
    const seen = [...first.data];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await members(id, `?limit=2&cursor=${cursor}`);
      seen.push(...next.data);
      cursor = next.nextCursor;
    }
    const ids = seen.map((m) => m.user.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(before).toHaveLength(5);
    expect(before.every((u) => ids.includes(u))).toBe(true);
    expect(ids).toEqual([...ids].sort());
    await expectProblem(await call(site, `/${id}/members?limit=51`), 400, 'invalid-request');
  });
});

describe('/v1/sites/:site/initiatives/:id/updates', () => {
  it('lets organisers post updates that everyone reads newest first, and nobody else post', async () => {
    const { id } = await startInitiative(site, 'fatima');
    expect((await call(site, `/${id}/members`, { as: 'joost', body: {} })).status).toBe(201);
    await expectProblem(await call(site, `/${id}/updates`, { as: 'joost', body: { body: 'Ik doe mee!' } }), 403, 'forbidden');
    await expectProblem(await call(site, `/${id}/updates`, { body: { body: 'Anoniem' } }), 401, 'unauthorized');
    const posted: InitiativeUpdate[] = [];
    for (const text of ['We zijn begonnen.', 'De eerste bakken staan.', 'Oogstfeest op zaterdag.', 'Foto’s staan online.']) {
      const res = await call(site, `/${id}/updates`, { as: 'fatima', body: { body: `  ${text} ` } });
      expect(res.status).toBe(201);
      posted.push((await res.json()) as InitiativeUpdate);
    }
    expect(posted[0]).toMatchObject({ body: 'We zijn begonnen.', author: { displayName: 'Fatima El Amrani' } });
    const first = (await (await call(site, `/${id}/updates?limit=3`)).json()) as InitiativeUpdatePage;
    expect(first.data.map((u) => u.body)).toEqual(['Foto’s staan online.', 'Oogstfeest op zaterdag.', 'De eerste bakken staan.']);
    expect((await call(site, `/${id}/updates`, { as: 'fatima', body: { body: 'Nieuw na de eerste pagina.' } })).status).toBe(201);
    const second = (await (await call(site, `/${id}/updates?limit=3&cursor=${first.nextCursor}`)).json()) as InitiativeUpdatePage;
    expect(second).toEqual({ data: [posted[0]], nextCursor: null });
    expect((await detailOf(site, id)).updates.map((u) => u.body)).toEqual(['Nieuw na de eerste pagina.', 'Foto’s staan online.', 'Oogstfeest op zaterdag.']);
    await expectProblem(await call(site, `/${id}/updates?limit=500`), 400, 'invalid-request');
  });

  it('answers the updates of an initiative the site does not show with not-found', async () => {
    const tulpstraat = demoInitiativeId('voorbeeldstad', 'geveltuinen-tulpstraat');
    await expectProblem(await call('woonstichting-voorbeeld', `/${tulpstraat}/updates`), 404, 'not-found');
    await expectProblem(await call('andersdorp', `/${moestuin}/members`), 404, 'not-found');
  });
});
