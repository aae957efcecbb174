import type { InitiativeDetail, InitiativeStatus } from '@buurtplein/sdk/contract';
import { describe, expect, it } from 'vitest';
import { expectProblem } from '../../test/api.js';
import { call, detailOf, listPage, startInitiative } from '../../test/initiatives.js';
import { demoInitiativeId } from '../db/seed.js';

const gemeente = 'gemeente-voorbeeldstad';
const woonstichting = 'woonstichting-voorbeeld';

async function patch(id: string, as: string | undefined, body: unknown): Promise<Response> {
  return call(gemeente, `/${id}`, { method: 'PATCH', as, body });
}

async function moveTo(id: string, status: InitiativeStatus, as = 'yara', note?: string): Promise<InitiativeDetail> {
  const res = await patch(id, as, note ? { status, note } : { status });
  expect(res.status).toBe(200);
  return (await res.json()) as InitiativeDetail;
}

describe('POST /v1/sites/:site/initiatives', () => {
  it('starts an idea owned by its starter that both sites showing the neighbourhood list, and andersdorp does not', async () => {
    const created = await startInitiative(woonstichting, 'fatima', {
      title: '  Zwerfafval prikken langs de haven  ',
      summary: 'Elke maand een uur samen de kade schoonmaken.',
      body: 'We lenen grijpers en vuilniszakken van de gemeente.',
      themes: ['green', 'sustainability'],
      needs: ['volunteers', 'materials'],
    });
    expect(created).toMatchObject({
      title: 'Zwerfafval prikken langs de haven',
      status: 'idea',
      neighbourhood: { name: 'Havenkwartier' },
      owner: { displayName: 'Fatima El Amrani' },
      supporterCount: 0,
      memberCount: 1,
      members: [{ role: 'owner', user: { displayName: 'Fatima El Amrani' } }],
      statusHistory: [{ from: null, to: 'idea' }],
      viewer: { supports: false, membership: { role: 'owner', status: 'active' }, isOrganiser: true },
    });
    expect(created.threadId).not.toBeNull();
    for (const site of [gemeente, woonstichting]) {
      expect((await listPage(site)).data[0]?.id).toBe(created.id);
      expect((await detailOf(site, created.id)).memberCount).toBe(1);
    }
    expect((await listPage('andersdorp')).data.map((i) => i.id)).not.toContain(created.id);
    await expectProblem(await call('andersdorp', `/${created.id}`), 404, 'not-found');
  });

  it('answers the same detail on a read as at creation, with the thread and the history', async () => {
    const created = await startInitiative(gemeente, 'mehmet');
    const read = await detailOf(gemeente, created.id, 'mehmet');
    expect(read).toEqual({ ...created, similar: read.similar });
  });

  it('refuses a neighbourhood the site does not show, and anonymous starters', async () => {
    const res = await call(woonstichting, '', { as: 'joost', body: { neighbourhood: 'BU05990101', title: 'Tuin', summary: 'Groen.' } });
    expect((await expectProblem(res, 400, 'invalid-request')).detail).toMatch(/^neighbourhood: /);
    await expectProblem(await call(gemeente, '', { body: { neighbourhood: 'BU05990101', title: 'Tuin', summary: 'x' } }), 401, 'unauthorized');
  });

  it('refuses a title over 120 characters and unknown themes', async () => {
    await expectProblem(
      await call(gemeente, '', { as: 'joost', body: { neighbourhood: 'BU05990101', title: 'x'.repeat(121), summary: 'Groen.' } }),
      400,
      'invalid-request',
    );
    await expectProblem(
      await call(gemeente, '', { as: 'joost', body: { neighbourhood: 'BU05990101', title: 'Tuin', summary: 'Groen.', themes: ['magic'] } }),
      400,
      'invalid-request',
    );
  });
});

describe('PATCH /v1/sites/:site/initiatives/:id', () => {
  it('lets the owner edit the text, which search then finds', async () => {
    const created = await startInitiative(gemeente, 'yara');
    const res = await patch(created.id, 'yara', { body: 'Ook zaden van oude tomatenrassen zijn welkom.', needs: ['space'] });
    expect(res.status).toBe(200);
    const edited = (await res.json()) as InitiativeDetail;
    expect(edited.needs).toEqual(['space']);
    expect(edited.updatedAt > created.updatedAt).toBe(true);
    expect((await listPage(gemeente, '?q=tomatenrassen')).data.map((i) => i.id)).toEqual([created.id]);
  });

  it('refuses a status change by someone who does not organise the initiative', async () => {
    const moestuin = demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat');
    await expectProblem(await patch(moestuin, 'joost', { status: 'active' }), 403, 'forbidden');
    await expectProblem(await patch(moestuin, 'ruben', { title: 'Een andere titel' }), 403, 'forbidden');
    await expectProblem(await patch(moestuin, undefined, { status: 'active' }), 401, 'unauthorized');
    expect((await detailOf(gemeente, moestuin)).status).toBe('planning');
  });

  it('lets the owner of a seeded initiative move it on, and keeps the change in the public history', async () => {
    const moestuin = demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat');
    const res = await patch(moestuin, 'fatima', { status: 'active', note: 'De bakken staan er!' });
    expect(res.status).toBe(200);
    const detail = await detailOf(woonstichting, moestuin);
    expect(detail.status).toBe('active');
    expect(detail.statusHistory[0]).toMatchObject({ from: 'planning', to: 'active', note: 'De bakken staan er!', changedBy: { displayName: 'Fatima El Amrani' } });
  });

  it('walks the lifecycle and refuses moves it does not allow with invalid-transition', async () => {
    const { id } = await startInitiative(gemeente, 'yara');
    await expectProblem(await patch(id, 'yara', { status: 'completed' }), 409, 'invalid-transition');
    await moveTo(id, 'gathering');
    await expectProblem(await patch(id, 'yara', { status: 'idea' }), 409, 'invalid-transition');
    await moveTo(id, 'paused', 'yara', 'Even geen tijd.');
    await moveTo(id, 'planning');
    await moveTo(id, 'active');
    await moveTo(id, 'completed');
    await expectProblem(await patch(id, 'yara', { status: 'active' }), 409, 'invalid-transition');
    const archived = await moveTo(id, 'archived');
    expect(archived.statusHistory.map((h) => h.to)).toEqual(['archived', 'completed', 'active', 'planning', 'paused', 'gathering', 'idea']);
    await expectProblem(await patch(id, 'yara', { status: 'idea' }), 409, 'invalid-transition');
    expect((await detailOf(gemeente, id)).statusHistory).toHaveLength(7);
  });

  it('lets only one of two simultaneous status changes through and keeps the history true', async () => {
    const { id } = await startInitiative(gemeente, 'yara');
    await moveTo(id, 'active');
    // Neither can follow the other, so exactly one may win, however the two interleave.
    const answers = await Promise.all([patch(id, 'yara', { status: 'completed' }), patch(id, 'yara', { status: 'paused' })]);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    await expectProblem(answers.find((r) => r.status === 409)!, 409, 'invalid-transition');
    const detail = await detailOf(gemeente, id);
    expect(detail.statusHistory.map((h) => h.to)).toEqual([detail.status, 'active', 'idea']);
  });

  it('lets an invited co-organiser change the status once they accepted', async () => {
    const { id } = await startInitiative(gemeente, 'yara');
    const users = await detailOf(gemeente, demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat'));
    const fatimaId = users.owner.id;
    expect((await call(gemeente, `/${id}/members`, { as: 'yara', body: { userId: fatimaId, role: 'organiser' } })).status).toBe(201);
    await expectProblem(await patch(id, 'fatima', { status: 'gathering' }), 403, 'forbidden');
    expect((await call(gemeente, `/${id}/members`, { as: 'fatima', body: { accept: true } })).status).toBe(200);
    await moveTo(id, 'gathering', 'fatima');
  });

  it('refuses an empty change and a note without a status change', async () => {
    const { id } = await startInitiative(gemeente, 'yara');
    await expectProblem(await patch(id, 'yara', {}), 400, 'invalid-request');
    await expectProblem(await patch(id, 'yara', { note: 'waarom?' }), 400, 'invalid-request');
  });

  it('answers an initiative of another network with not-found, even for its owner', async () => {
    const dorpsfeest = demoInitiativeId('andersdorp', 'dorpsfeest');
    await expectProblem(await patch(dorpsfeest, 'yara', { status: 'planning' }), 404, 'not-found');
  });
});
