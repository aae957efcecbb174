import type { InitiativeDetail, InvitationCandidateList } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, expectProblem, send } from '../../test/api.js';
import { call, detailOf, startInitiative, tokenOf } from '../../test/initiatives.js';
import { demoId } from '../db/seed.js';

const site = 'gemeente-voorbeeldstad';
const idOf = (key: string, network = 'voorbeeldstad') => demoId(network, 'user', key);

async function candidates(id: string, as = 'fatima', query = ''): Promise<InvitationCandidateList> {
  const res = await call(site, `/${id}/invitation-candidates${query}`, { as });
  expect(res.status).toBe(200);
  expect(res.headers.get('Cache-Control')).toBe('private, no-store');
  return (await res.json()) as InvitationCandidateList;
}

async function userIdOf(key: string): Promise<string> {
  const res = await api(`/v1/sites/${site}/me`, { headers: { Authorization: `Bearer ${await tokenOf(site, key)}` } });
  return ((await res.json()) as { id: string }).id;
}

const names = (list: InvitationCandidateList) => list.data.map((c) => c.displayName);

let written = 0;

/** Writes in the initiative's discussion; each text its own, so none is refused as a repeat. */
async function comment(detail: InitiativeDetail, as: string, body: string): Promise<void> {
  written += 1;
  const res = await send(`/v1/sites/${site}/threads/${detail.threadId}/comments`, { body: `${body} (${written})` }, { token: await tokenOf(site, as) });
  expect(res.status).toBe(201);
}

/**
 * Fatima's new plan in the Havenkwartier, where Lotte (municipality) and Ruben (housing
 * corporation) work: Anouk supports it, Sanne writes in its discussion and Esra, who works
 * elsewhere, offers help.
 */
async function planWithNeighbours(): Promise<InitiativeDetail> {
  const detail = await startInitiative(site, 'fatima');
  expect((await call(site, `/${detail.id}/support`, { method: 'PUT', as: 'anouk' })).status).toBe(200);
  await comment(detail, 'sanne', 'Ik heb nog stekjes van de vijgenboom.');
  const offered = await call(site, `/${detail.id}/offers`, { as: 'esra', body: { kind: 'meeting-space', message: `Het buurthuis is op woensdag vrij (${written}).` } });
  expect(offered.status).toBe(201);
  return detail;
}

describe('GET /v1/sites/:site/initiatives/:id/invitation-candidates', () => {
  it('shows the owner who showed up first, then the professionals of the neighbourhood, with why and their badge', async () => {
    const { id } = await planWithNeighbours();
    const list = await candidates(id);
    expect(list.invited).toEqual([]);
    expect(list.data).toEqual([
      { id: idOf('anouk'), displayName: 'Anouk Jansen', organisation: null, jobTitle: null, reasons: ['supporter'] },
      {
        id: idOf('esra'),
        displayName: 'Esra Kaya',
        organisation: { id: expect.any(String), name: 'Welzijn Voorbeeldstad', kind: 'welfare' },
        jobTitle: 'Opbouwwerker',
        reasons: ['offered-help'],
      },
      { id: idOf('sanne'), displayName: 'Sanne Bakker', organisation: null, jobTitle: null, reasons: ['commenter'] },
      {
        id: idOf('lotte'),
        displayName: 'Lotte Visser',
        organisation: { id: expect.any(String), name: 'Gemeente Voorbeeldstad', kind: 'municipality' },
        jobTitle: 'Wijkcoördinator',
        reasons: ['serves-neighbourhood'],
      },
      {
        id: idOf('ruben'),
        displayName: 'Ruben Mulder',
        organisation: { id: expect.any(String), name: 'Woonstichting Voorbeeld', kind: 'housing-corporation' },
        jobTitle: 'Wijkconsulent',
        reasons: ['serves-neighbourhood'],
      },
    ]);
  });

  it('never returns an e-mail address', async () => {
    const { id } = await planWithNeighbours();
    const text = await (await call(site, `/${id}/invitation-candidates`, { as: 'fatima' })).text();
    expect(text).not.toContain('@');
    expect(text).not.toMatch(/mail/i);
  });

  it('refuses everyone but the owner: 401 without a session, 403 problem for a supporter or a professional', async () => {
    const { id } = await planWithNeighbours();
    await expectProblem(await call(site, `/${id}/invitation-candidates`), 401, 'unauthorized');
    await expectProblem(await call(site, `/${id}/invitation-candidates`, { as: 'anouk' }), 403, 'forbidden');
    await expectProblem(await call(site, `/${id}/invitation-candidates`, { as: 'ruben' }), 403, 'forbidden');
    // A moderator, even one who works in the neighbourhood, does not see whom the owner could invite.
    await expectProblem(await call(site, `/${id}/invitation-candidates`, { as: 'lotte' }), 403, 'forbidden');
  });

  it('keeps to the network: people of another network never appear, even with rows that name the initiative or its neighbourhood', async () => {
    const detail = await planWithNeighbours();
    const gerrit = idOf('gerrit', 'andersdorp');
    // Rows no write of the API makes, as a bug elsewhere could: they carry the other network's id.
    await env.DB.batch([
      env.DB.prepare(`insert into supports (network_id, initiative_id, user_id, created_at) values ('andersdorp', ?, ?, 0)`).bind(detail.id, gerrit),
      env.DB.prepare(`insert into professional_neighbourhoods (neighbourhood_id, user_id, network_id) values (?, ?, 'andersdorp')`).bind(
        detail.neighbourhood.id,
        gerrit,
      ),
    ]);
    const list = await candidates(detail.id);
    expect(list.data.map((c) => c.id)).not.toContain(gerrit);
    expect(names(await candidates(detail.id, 'fatima', '?q=gerrit'))).toEqual([]);
    await expectProblem(await call('andersdorp', `/${detail.id}/invitation-candidates`, { as: 'gerrit' }), 404, 'not-found');
  });

  it('filters by the start of a word of the name, ignoring case, and takes wildcards literally', async () => {
    const { id } = await planWithNeighbours();
    expect(names(await candidates(id, 'fatima', '?q=BAK'))).toEqual(['Sanne Bakker']);
    expect(names(await candidates(id, 'fatima', '?q=mul'))).toEqual(['Ruben Mulder']);
    expect(names(await candidates(id, 'fatima', '?q=akker'))).toEqual([]);
    expect(names(await candidates(id, 'fatima', `?q=${encodeURIComponent('%')}`))).toEqual([]);
    expect(names(await candidates(id, 'fatima', '?limit=2'))).toEqual(['Anouk Jansen', 'Esra Kaya']);
    await expectProblem(await call(site, `/${id}/invitation-candidates?limit=51`, { as: 'fatima' }), 400, 'invalid-request');
  });

  it('leaves out members, blocked users and deleted accounts', async () => {
    const { id } = await planWithNeighbours();
    const [blocked, deleted] = await Promise.all(['buur-geblokkeerd', 'buur-vertrokken'].map(userIdOf));
    for (const key of ['buur-geblokkeerd', 'buur-vertrokken']) expect((await call(site, `/${id}/support`, { method: 'PUT', as: key })).status).toBe(200);
    expect((await candidates(id)).data.map((c) => c.id)).toEqual(expect.arrayContaining([blocked, deleted]));

    expect((await call(site, `/${id}/members`, { as: 'sanne', body: {} })).status).toBe(201);
    await env.DB.prepare(`insert into user_blocks (network_id, user_id, created_at) values ('voorbeeldstad', ?, 0)`).bind(blocked).run();
    // What deleting an account leaves: the nameless row, without a way to sign in.
    await env.DB.prepare(`delete from identities where user_id = ?`).bind(deleted).run();
    expect(names(await candidates(id))).toEqual(['Anouk Jansen', 'Esra Kaya', 'Lotte Visser', 'Ruben Mulder']);
  });

  it('moves an invited person to the open invitations; once they accept they are a member, once they decline a candidate again', async () => {
    const { id } = await planWithNeighbours();
    const [ruben] = (await candidates(id, 'fatima', '?q=ruben')).data;
    expect((await call(site, `/${id}/members`, { as: 'fatima', body: { userId: ruben!.id } })).status).toBe(201);
    const [lotte] = (await candidates(id, 'fatima', '?q=lotte')).data;
    expect((await call(site, `/${id}/members`, { as: 'fatima', body: { userId: lotte!.id, role: 'organiser' } })).status).toBe(201);

    const afterInvites = await candidates(id);
    expect(names(afterInvites)).toEqual(['Anouk Jansen', 'Esra Kaya', 'Sanne Bakker']);
    expect(afterInvites.invited.map((i) => [i.displayName, i.role, i.organisation?.name])).toEqual([
      ['Lotte Visser', 'organiser', 'Gemeente Voorbeeldstad'],
      ['Ruben Mulder', 'member', 'Woonstichting Voorbeeld'],
    ]);

    expect((await detailOf(site, id, 'ruben')).viewer?.membership).toEqual({ role: 'member', status: 'invited' });
    expect((await call(site, `/${id}/members`, { as: 'ruben', body: { accept: true } })).status).toBe(200);
    const detail = await detailOf(site, id, 'ruben');
    expect(detail.viewer?.membership).toEqual({ role: 'member', status: 'active' });
    expect(detail.members.map((m) => m.user.displayName)).toContain('Ruben Mulder');

    expect((await call(site, `/${id}/members/me`, { method: 'DELETE', as: 'lotte' })).status).toBe(204);
    const afterAnswers = await candidates(id);
    expect(afterAnswers.invited).toEqual([]);
    expect(names(afterAnswers)).toEqual(['Anouk Jansen', 'Esra Kaya', 'Sanne Bakker', 'Lotte Visser']);
  });
});
