import { describe, expect, it } from 'vitest';
import { demoInitiativeId } from '../../src/db/seed.js';
import { clientAs, testClient } from '../sdk-client.js';

const SITE = 'gemeente-voorbeeldstad';
const moestuin = demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat');

describe('follows, webhooks and live updates through the SDK client', () => {
  it('follows an initiative, lists it, changes the frequency and unfollows', async () => {
    const anouk = await clientAs(SITE, 'anouk');
    expect(await anouk.follows.follow('initiative', moestuin)).toMatchObject({ targetId: moestuin, frequency: 'immediate' });
    expect((await anouk.follows.follow('initiative', moestuin, { frequency: 'daily' })).frequency).toBe('daily');
    const followed = [];
    for await (const follow of anouk.me.follows.all()) followed.push(follow.targetId);
    expect(followed).toEqual([moestuin]);
    await anouk.follows.unfollow('initiative', moestuin);
    expect((await anouk.me.follows.list()).data).toEqual([]);
  });

  it('adds a webhook endpoint, lists it and its deliveries, and removes it (network admin)', async () => {
    const beheer = await clientAs(SITE, 'beheer');
    const endpoint = await beheer.admin.webhooks.create({ url: 'https://hooks.example.nl/buurtplein', events: ['initiative.created'] });
    expect(endpoint.secret).toBeTypeOf('string');
    expect((await beheer.admin.webhooks.list()).data.map((e) => e.id)).toContain(endpoint.id);
    expect(Array.isArray((await beheer.admin.webhooks.deliveries.list(endpoint.id)).data)).toBe(true);
    await beheer.admin.webhooks.delete(endpoint.id);
    expect((await beheer.admin.webhooks.list()).data.map((e) => e.id)).not.toContain(endpoint.id);
  });

  it('hands out a live ticket for a thread, also to anonymous viewers', async () => {
    const client = testClient(SITE);
    const [thread] = (await client.threads.list({ limit: 1 })).data;
    const ticket = await client.threads.createLiveTicket(thread!.id);
    expect(ticket.url).toContain(`/threads/${thread!.id}/live`);
    expect(Date.parse(ticket.expiresAt)).toBeGreaterThan(Date.now());
  });
});
