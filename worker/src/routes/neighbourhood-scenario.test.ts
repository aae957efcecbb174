import { BuurtError } from '@buurtplein/sdk';
import { describe, expect, it } from 'vitest';
import { clientAs, testClient } from '../../test/sdk-client.js';

/**
 * The neighbourhood's story end to end, through the SDK against the worker and a real D1:
 * a resident's plan, a neighbour's support, a professional's help, a meeting and its report,
 * seen through two windows of the network and kept out of another network.
 */
describe('a residents’ initiative from idea to action', () => {
  it('runs through support, help, a meeting and its report, and shows on every window of its network', async () => {
    const owner = await clientAs('gemeente-voorbeeldstad', 'scenario-initiatiefnemer');
    const neighbour = await clientAs('gemeente-voorbeeldstad', 'scenario-buurvrouw');
    const otherNeighbour = await clientAs('gemeente-voorbeeldstad', 'scenario-buurman');
    // Ruben works for the housing corporation and signs in on its site.
    const professional = await clientAs('woonstichting-voorbeeld', 'ruben');

    // A resident starts an initiative in the Havenkwartier, which both Voorbeeldstad sites show.
    const created = await owner.initiatives.create({
      neighbourhood: 'BU05990102',
      title: 'Kerstmarkt in de Havenflat',
      summary: 'Een winterse markt in de hal van de flat, met kraampjes van bewoners.',
      body: 'Bewoners verkopen zelfgemaakte spullen en er is warme chocolademelk voor iedereen.',
      themes: ['meeting', 'culture'],
      needs: ['space', 'volunteers'],
    });
    expect(created.status).toBe('idea');

    // A neighbour supports and joins.
    expect((await neighbour.initiatives.support(created.id)).supporterCount).toBe(1);
    await neighbour.initiatives.members.join(created.id);

    // A professional of the housing corporation offers a meeting room; the owner accepts.
    const offer = await professional.offers.create(created.id, {
      kind: 'meeting-space',
      message: 'De ontmoetingsruimte op de begane grond is op zaterdagen vrij; de sleutel ligt bij de huismeester.',
    });
    expect(offer.organisation.name).toBe('Woonstichting Voorbeeld');
    expect((await owner.offers.accept(offer.id)).status).toBe('accepted');

    // A meeting is planned; two residents say they will come.
    const startsAt = new Date(Date.now() + 1_500);
    const meeting = await owner.events.create({
      initiativeId: created.id,
      title: 'Eerste overleg kerstmarkt',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 60 * 60 * 1000).toISOString(),
      location: 'Ontmoetingsruimte Havenflat',
      capacity: 10,
    });
    await neighbour.events.rsvp(meeting.id, { status: 'going' });
    await otherNeighbour.events.rsvp(meeting.id, { status: 'going' });
    expect((await owner.events.get(meeting.id)).attendeeCount).toBe(2);

    // After the meeting the owner writes the outcome back to the initiative's thread.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startsAt.getTime() - Date.now() + 50)));
    await owner.events.report(meeting.id, { body: 'We doen het! Twaalf kramen, opbouw om tien uur.' });
    const detail = await owner.initiatives.get(created.id);
    const thread = await testClient('gemeente-voorbeeldstad').comments.list(detail.threadId!);
    expect(thread.data.map((c) => [c.kind, c.body])).toContainEqual(['report', 'We doen het! Twaalf kramen, opbouw om tien uur.']);

    // The owner moves the plan forward to active.
    for (const status of ['gathering', 'planning', 'active'] as const) await owner.initiatives.update(created.id, { status });

    // The corporation's site shows the same initiative with the same people and help …
    const onCorporationSite = await testClient('woonstichting-voorbeeld').initiatives.get(created.id);
    expect(onCorporationSite).toMatchObject({ status: 'active', supporterCount: 1, memberCount: 2 });
    expect(onCorporationSite.offers.map((o) => [o.kind, o.status])).toEqual([['meeting-space', 'accepted']]);
    expect(onCorporationSite.statusHistory.map((h) => h.to)).toEqual(['active', 'planning', 'gathering', 'idea']);

    // … and another network does not know it exists.
    const elsewhere = await testClient('andersdorp').initiatives.get(created.id).catch((e: unknown) => e);
    expect(elsewhere).toBeInstanceOf(BuurtError);
    expect((elsewhere as BuurtError).code).toBe('not-found');
  });
});
