import { FORMER_RESIDENT_NAME, type InitiativeDetail, type InitiativeMemberPage } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, send } from '../../test/api.js';
import { call, detailOf, tokenOf } from '../../test/initiatives.js';
import { demoId, demoInitiativeId } from '../db/seed.js';

// The page reads the names, organisations and job titles it shows from copies on the rows that
// name someone (migration 0017). These tests change the originals the ways the product does and
// read the page straight after.

const site = 'gemeente-voorbeeldstad';
const moestuin = demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat');
const user = (key: string) => demoId('voorbeeldstad', 'user', key);
const organisation = (key: string) => demoId('voorbeeldstad', 'organisation', key);
const DAY = 24 * 3_600_000;

/** Every name the page gives `userId`, by the part that shows it. */
function namesOf(detail: InitiativeDetail, userId: string) {
  return {
    members: detail.members.filter((m) => m.user.id === userId).map((m) => m.user.displayName),
    history: [...new Set(detail.statusHistory.filter((h) => h.changedBy.id === userId).map((h) => h.changedBy.displayName))],
    updates: [...new Set(detail.updates.filter((u) => u.author.id === userId).map((u) => u.author.displayName))],
    offers: detail.offers.filter((o) => o.professional.id === userId).map((o) => o.professional.displayName),
    meetings: detail.upcomingEvents.filter((e) => e.organiser.id === userId).map((e) => e.organiser.displayName),
  };
}

async function rename(as: string, displayName: string): Promise<void> {
  const res = await send(`/v1/sites/${site}/me`, { displayName }, { method: 'PATCH', token: await tokenOf(site, as) });
  expect(res.status).toBe(200);
}

async function roles(method: 'POST' | 'DELETE', userKey: string, organisationKey?: string): Promise<void> {
  const path = `/v1/sites/${site}/admin/users/${user(userKey)}/roles`;
  const token = await tokenOf(site, 'beheer');
  const res =
    method === 'POST'
      ? await send(path, { role: 'professional', organisationId: organisation(organisationKey!) }, { token })
      : await api(`${path}/professional`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
  expect(res.ok).toBe(true);
}

describe('names on an initiative’s page', () => {
  it('shows a renamed organiser’s new name at once on their membership, status change, update and meeting', async () => {
    const mehmet = await tokenOf(site, 'mehmet');
    expect((await call(site, `/${moestuin}`, { method: 'PATCH', as: 'mehmet', body: { status: 'active' } })).status).toBe(200);
    expect((await call(site, `/${moestuin}/updates`, { as: 'mehmet', body: { body: 'De plantenbakken staan er.' } })).status).toBe(201);
    const startsAt = Date.now() + 7 * DAY;
    const meeting = { initiativeId: moestuin, title: 'Plantdag', startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + DAY / 12).toISOString(), location: 'Moestuin' };
    expect((await send(`/v1/sites/${site}/events`, meeting, { token: mehmet })).status).toBe(201);
    const before = namesOf(await detailOf(site, moestuin), user('mehmet'));
    expect(before).toEqual({ members: ['Mehmet Yilmaz'], history: ['Mehmet Yilmaz'], updates: ['Mehmet Yilmaz'], offers: [], meetings: ['Mehmet Yilmaz'] });

    await rename('mehmet', 'Mehmet Y.');
    expect(namesOf(await detailOf(site, moestuin), user('mehmet'))).toEqual({
      members: ['Mehmet Y.'],
      history: ['Mehmet Y.'],
      updates: ['Mehmet Y.'],
      offers: [],
      meetings: ['Mehmet Y.'],
    });
  });

  it('shows a professional’s offer under their new name and job title, and under their organisation’s new name', async () => {
    await rename('ruben', 'Ruben M.');
    await env.DB.prepare('update professional_profiles set job_title = ? where user_id = ?').bind('Buurtbeheerder', user('ruben')).run();
    await env.DB.prepare('update organisations set name = ? where id = ?').bind('Woonstichting Voorbeeld en Omstreken', organisation('woonstichting')).run();
    const offer = (await detailOf(site, moestuin)).offers.find((o) => o.professional.id === user('ruben'));
    expect(offer?.professional).toEqual({ id: user('ruben'), displayName: 'Ruben M.', jobTitle: 'Buurtbeheerder' });
    expect(offer?.organisation).toMatchObject({ id: organisation('woonstichting'), name: 'Woonstichting Voorbeeld en Omstreken' });
  });

  it('shows a member’s organisation while they are a professional of it, under its current name, on the page and in the members list', async () => {
    const onPage = () => detailOf(site, moestuin).then((d) => d.members.find((m) => m.user.id === user('yara'))?.organisation);
    const inList = async () => {
      const res = await call(site, `/${moestuin}/members?limit=50`);
      expect(res.status).toBe(200);
      return ((await res.json()) as InitiativeMemberPage).data.find((m) => m.user.id === user('yara'))?.organisation;
    };
    const both = async () => ({ onPage: await onPage(), inList: await inList() });
    expect(await both()).toEqual({ onPage: null, inList: null });
    await roles('POST', 'yara', 'welzijn');
    const welzijn = { id: organisation('welzijn'), name: 'Welzijn Voorbeeldstad' };
    expect(await both()).toEqual({ onPage: welzijn, inList: welzijn });
    await env.DB.prepare('update organisations set name = ? where id = ?').bind('Welzijn Havenkwartier', organisation('welzijn')).run();
    const renamed = { ...welzijn, name: 'Welzijn Havenkwartier' };
    expect(await both()).toEqual({ onPage: renamed, inList: renamed });
    await roles('DELETE', 'yara');
    expect(await both()).toEqual({ onPage: null, inList: null });
  });

  it('shows a deleted account as a former resident at once: the owner’s history and updates, a professional’s offer without job title', async () => {
    const before = await detailOf(site, moestuin);
    expect(namesOf(before, user('fatima')).history.length).toBeGreaterThan(0);
    expect(namesOf(before, user('fatima')).updates.length).toBeGreaterThan(0);
    for (const key of ['fatima', 'lotte']) {
      const res = await send(`/v1/sites/${site}/me`, { contributions: 'keep' }, { method: 'DELETE', token: await tokenOf(site, key) });
      expect(res.status).toBe(200);
    }
    const after = await detailOf(site, moestuin);
    expect(after.owner.displayName).toBe(FORMER_RESIDENT_NAME);
    expect(namesOf(after, user('fatima'))).toEqual({
      members: [FORMER_RESIDENT_NAME],
      history: [FORMER_RESIDENT_NAME],
      updates: [FORMER_RESIDENT_NAME],
      offers: [],
      meetings: [],
    });
    const offer = after.offers.find((o) => o.professional.id === user('lotte'));
    expect(offer?.professional).toEqual({ id: user('lotte'), displayName: FORMER_RESIDENT_NAME, jobTitle: null });
    // The offer was made for the organisation, which stays.
    expect(offer?.organisation).toMatchObject({ id: organisation('gemeente'), name: 'Gemeente Voorbeeldstad' });
  });
});
