import type { CommentPage, Event, EventPage, Rsvp } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, expectProblem, send } from '../../test/api.js';
import { signIn } from '../../test/auth.js';
import { demoId, demoInitiativeId, seedDemoData } from '../db/seed.js';

const SITE = 'gemeente-voorbeeldstad';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const speeltuin = demoInitiativeId('voorbeeldstad', 'speeltuin-akkerplein'); // De Akkers, owned by anouk
const repairCafe = demoInitiativeId('voorbeeldstad', 'repair-cafe-buurthuis'); // Havenkwartier, owned by mehmet
const bloemenbuurt = demoId('voorbeeldstad', 'neighbourhood', 'bloemenbuurt');
const akkers = demoId('voorbeeldstad', 'neighbourhood', 'de-akkers');

async function token(user: string, site = SITE): Promise<string> {
  return (await signIn(site, user)).accessToken;
}

const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** A meeting body starting `inMs` from now, with a place. */
function meeting(extra: Record<string, unknown> = {}, inMs = 7 * DAY) {
  return { title: 'Buurtoverleg', startsAt: at(inMs), endsAt: at(inMs + 2 * HOUR), location: 'Buurthuis', ...extra };
}

async function plan(user: string, body: Record<string, unknown>): Promise<Event> {
  const res = await send(`/v1/sites/${SITE}/events`, body, { token: await token(user) });
  expect(res.status).toBe(201);
  return (await res.json()) as Event;
}

function rsvp(eventId: string, status: string, accessToken: string, site = SITE) {
  return send(`/v1/sites/${site}/events/${eventId}/rsvp`, { status }, { method: 'PUT', token: accessToken });
}

async function getEvent(id: string, site = SITE): Promise<Event> {
  const res = await api(`/v1/sites/${site}/events/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Event;
}

async function list(query: string, site = SITE): Promise<EventPage> {
  const res = await api(`/v1/sites/${site}/events${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as EventPage;
}

describe('POST /v1/sites/:site/events', () => {
  it('lets an initiative’s owner plan its meeting, in the initiative’s neighbourhood', async () => {
    const event = await plan('anouk', meeting({ initiativeId: speeltuin, capacity: 25, description: 'Wie helpt schilderen?' }));
    expect(event).toMatchObject({
      title: 'Buurtoverleg',
      description: 'Wie helpt schilderen?',
      capacity: 25,
      attendeeCount: 0,
      neighbourhood: { id: akkers, name: 'De Akkers' },
      initiative: { id: speeltuin, title: 'Speeltuin Akkerplein opknappen' },
      organiser: { displayName: 'Anouk Jansen' },
      report: null,
    });
    expect(await getEvent(event.id)).toEqual(event);
  });

  it('refuses an initiative’s meeting from someone who does not organise it with 403', async () => {
    const res = await send(`/v1/sites/${SITE}/events`, meeting({ initiativeId: speeltuin }), { token: await token('pieter') });
    await expectProblem(res, 403, 'forbidden');
  });

  it('lets any signed-in resident or professional plan a neighbourhood meeting, online too', async () => {
    const event = await plan('joost', meeting({ neighbourhood: 'BU05990101', location: undefined, onlineUrl: 'https://meet.example.nl/buurt' }));
    expect(event).toMatchObject({ neighbourhood: { id: bloemenbuurt }, initiative: null, onlineUrl: 'https://meet.example.nl/buurt', capacity: null });
    expect((await plan('esra', meeting({ neighbourhood: akkers }))).organiser.displayName).toBe('Esra Kaya');
    await expectProblem(await send(`/v1/sites/${SITE}/events`, meeting({ neighbourhood: akkers })), 401, 'unauthorized');
  });

  it('rejects a link that is not http(s), an end before the start and a meeting without place or link', async () => {
    const joost = await token('joost');
    for (const body of [
      meeting({ neighbourhood: akkers, onlineUrl: 'javascript:alert(1)' }),
      meeting({ neighbourhood: akkers, endsAt: at(DAY) }),
      meeting({ neighbourhood: akkers, location: undefined }),
      meeting({ neighbourhood: akkers, title: 'x'.repeat(121) }),
      meeting({}),
      meeting({ neighbourhood: akkers, initiativeId: speeltuin }),
    ]) {
      await expectProblem(await send(`/v1/sites/${SITE}/events`, body, { token: joost }), 400, 'invalid-request');
    }
  });

  it('keeps meetings inside the site’s window and the network', async () => {
    const ruben = await token('ruben', 'woonstichting-voorbeeld');
    const outside = await send('/v1/sites/woonstichting-voorbeeld/events', meeting({ neighbourhood: bloemenbuurt }), { token: ruben });
    await expectProblem(outside, 400, 'invalid-request');
    const andersdorp = await send('/v1/sites/andersdorp/events', meeting({ initiativeId: speeltuin }), { token: await token('gerrit', 'andersdorp') });
    await expectProblem(andersdorp, 404, 'not-found');
  });
});

describe('GET /v1/sites/:site/events', () => {
  it('lists upcoming meetings soonest first and filters by initiative and neighbourhood', async () => {
    const later = await plan('anouk', meeting({ initiativeId: speeltuin, title: 'Later' }, 40 * DAY));
    const sooner = await plan('anouk', meeting({ initiativeId: speeltuin, title: 'Eerder' }, 30 * DAY));
    const page = await list(`?initiative=${speeltuin}&limit=50`);
    const ids = page.data.map((e) => e.id);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    const starts = page.data.map((e) => Date.parse(e.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(page.data.every((e) => e.initiative?.id === speeltuin && Date.parse(e.endsAt ?? e.startsAt) >= Date.now())).toBe(true);
    const inAkkers = await list('?neighbourhood=BU05990103&limit=50');
    expect(inAkkers.data.length).toBeGreaterThan(0);
    expect(inAkkers.data.every((e) => e.neighbourhood.id === akkers)).toBe(true);
  });

  it('lists past meetings latest first, with the seeded Repair Café and its report', async () => {
    const page = await list(`?when=past&initiative=${repairCafe}`);
    const november = page.data.find((e) => e.title === 'Repair Café november');
    expect(november?.attendeeCount).toBe(3);
    expect(november?.report).not.toBeNull();
    const comments = (await (await api(`/v1/sites/${SITE}/threads/${november!.report!.threadId}/comments?limit=50`)).json()) as CommentPage;
    expect(comments.data.find((c) => c.id === november!.report!.commentId)).toMatchObject({ kind: 'report', eventId: november!.id });
  });

  it('pages without duplicates or gaps while meetings are added', async () => {
    for (let i = 0; i < 5; i++) await plan('joost', meeting({ neighbourhood: bloemenbuurt, title: `Overleg ${i}` }, (50 + i) * DAY));
    const all = (await list('?neighbourhood=BU05990101&limit=50')).data.map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: EventPage = await list(`?neighbourhood=BU05990101&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data.map((e) => e.id));
      // A meeting planned meanwhile for later than everything still comes, once.
      if (seen.length === 2) all.push((await plan('joost', meeting({ neighbourhood: bloemenbuurt }, 400 * DAY))).id);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('rejects a limit above 50 and an unknown neighbourhood', async () => {
    await expectProblem(await api(`/v1/sites/${SITE}/events?limit=51`), 400, 'invalid-request');
    await expectProblem(await api('/v1/sites/woonstichting-voorbeeld/events?neighbourhood=BU05990101'), 404, 'not-found');
  });

  it('shows another site of the network only its own neighbourhoods, and another network nothing', async () => {
    const inBloemenbuurt = await plan('joost', meeting({ neighbourhood: bloemenbuurt }));
    const corporation = await list('?limit=50', 'woonstichting-voorbeeld');
    expect(corporation.data.some((e) => e.neighbourhood.id === bloemenbuurt)).toBe(false);
    await expectProblem(await api(`/v1/sites/woonstichting-voorbeeld/events/${inBloemenbuurt.id}`), 404, 'not-found');
    await expectProblem(await api(`/v1/sites/andersdorp/events/${inBloemenbuurt.id}`), 404, 'not-found');
    expect((await list('?limit=50', 'andersdorp')).data).toEqual([]);
  });
});

describe('PUT /v1/sites/:site/events/:id/rsvp', () => {
  it('refuses a going beyond capacity with event-full, and frees the place when someone cancels', async () => {
    const event = await plan('anouk', meeting({ initiativeId: speeltuin, capacity: 2 }));
    const [fatima, joost, sanne] = await Promise.all(['fatima', 'joost', 'sanne'].map((u) => token(u)));
    const res = await rsvp(event.id, 'going', fatima!);
    expect(res.status).toBe(200);
    expect((await res.json()) as Rsvp).toEqual({ eventId: event.id, status: 'going' });
    expect((await rsvp(event.id, 'going', joost!)).status).toBe(200);
    await expectProblem(await rsvp(event.id, 'going', sanne!), 409, 'event-full');
    // Saying going again keeps a place rather than being refused as full.
    expect((await rsvp(event.id, 'going', fatima!)).status).toBe(200);
    expect((await getEvent(event.id)).attendeeCount).toBe(2);
    expect((await rsvp(event.id, 'not_going', joost!)).status).toBe(200);
    expect((await rsvp(event.id, 'going', sanne!)).status).toBe(200);
    expect((await getEvent(event.id)).attendeeCount).toBe(2);
  });

  it('never over-books under concurrency: 12 parallel RSVPs for 5 places leave exactly 5 going', async () => {
    const event = await plan('anouk', meeting({ initiativeId: speeltuin, capacity: 5 }));
    const tokens = await Promise.all(Array.from({ length: 12 }, (_, i) => token(`buur-${i}`)));
    const responses = await Promise.all(tokens.map((t) => rsvp(event.id, 'going', t)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    for (const r of responses.filter((r) => r.status === 409)) await expectProblem(r, 409, 'event-full');
    expect((await getEvent(event.id)).attendeeCount).toBe(5);
    const going = await env.DB.prepare("SELECT count(*) AS n FROM event_rsvps WHERE event_id = ? AND status = 'going'").bind(event.id).first<{ n: number }>();
    expect(going?.n).toBe(5);
  });

  it('asks an anonymous visitor to sign in, and refuses a meeting that is over', async () => {
    await expectProblem(await send(`/v1/sites/${SITE}/events/${(await plan('joost', meeting({ neighbourhood: akkers }))).id}/rsvp`, { status: 'going' }, { method: 'PUT' }), 401, 'unauthorized');
    const past = await plan('joost', meeting({ neighbourhood: akkers }, -3 * HOUR));
    await expectProblem(await rsvp(past.id, 'going', await token('anouk')), 409, 'event-ended');
  });

  it('answers 404 to a user of another network and outside the site’s window', async () => {
    const event = await plan('joost', meeting({ neighbourhood: bloemenbuurt }));
    await expectProblem(await rsvp(event.id, 'going', await token('gerrit', 'andersdorp'), 'andersdorp'), 404, 'not-found');
    await expectProblem(await rsvp(event.id, 'going', await token('ruben', 'woonstichting-voorbeeld'), 'woonstichting-voorbeeld'), 404, 'not-found');
  });
});

describe('POST /v1/sites/:site/events/:id/report', () => {
  it('writes the minutes as a report in the initiative’s thread, once', async () => {
    const event = await plan('anouk', meeting({ initiativeId: speeltuin }, -2 * HOUR));
    const anouk = await token('anouk');
    const res = await send(`/v1/sites/${SITE}/events/${event.id}/report`, { body: '  We schilderen op 14 maart. Pieter regelt de verf.  ' }, { token: anouk });
    expect(res.status).toBe(201);
    const reported = (await res.json()) as Event;
    expect(reported.report).not.toBeNull();
    expect(await getEvent(event.id)).toEqual(reported);
    const thread = (await (await api(`/v1/sites/${SITE}/threads/${reported.report!.threadId}`)).json()) as { initiative: { id: string } | null };
    expect(thread.initiative?.id).toBe(speeltuin);
    const comments = (await (await api(`/v1/sites/${SITE}/threads/${reported.report!.threadId}/comments?limit=50`)).json()) as CommentPage;
    expect(comments.data.find((c) => c.id === reported.report!.commentId)).toMatchObject({
      kind: 'report',
      eventId: event.id,
      body: 'We schilderen op 14 maart. Pieter regelt de verf.',
    });
    const again = await send(`/v1/sites/${SITE}/events/${event.id}/report`, { body: 'Nog een keer' }, { token: anouk });
    await expectProblem(again, 409, 'already-reported');
  });

  it('gives a neighbourhood meeting’s report a topic of its own', async () => {
    const event = await plan('sanne', meeting({ neighbourhood: bloemenbuurt, title: 'Straatoverleg Lelieweg' }, -2 * HOUR));
    const res = await send(`/v1/sites/${SITE}/events/${event.id}/report`, { body: 'Twintig buren kwamen.' }, { token: await token('sanne') });
    expect(res.status).toBe(201);
    const { report } = (await res.json()) as Event;
    const thread = (await (await api(`/v1/sites/${SITE}/threads/${report!.threadId}`)).json()) as { kind: string; title: string; commentCount: number };
    expect(thread).toMatchObject({ kind: 'topic', title: 'Verslag: Straatoverleg Lelieweg', commentCount: 1 });
  });

  it('refuses a report from someone who did not organise it, and before the meeting started', async () => {
    const past = await plan('anouk', meeting({ initiativeId: speeltuin }, -2 * HOUR));
    await expectProblem(await send(`/v1/sites/${SITE}/events/${past.id}/report`, { body: 'Verslag' }, { token: await token('pieter') }), 403, 'forbidden');
    const future = await plan('anouk', meeting({ initiativeId: speeltuin }));
    await expectProblem(await send(`/v1/sites/${SITE}/events/${future.id}/report`, { body: 'Verslag' }, { token: await token('anouk') }), 409, 'event-not-started');
  });
});

describe('demo help and meetings', () => {
  it('seeds again without adding an offer, meeting, RSVP or profile, or changing a count', async () => {
    const snapshot = async () =>
      Promise.all([
        env.DB.prepare('SELECT id, attendee_count, report_comment_id FROM events ORDER BY id').all().then((r) => r.results),
        env.DB.prepare('SELECT id, status, responded_at FROM help_offers ORDER BY id').all().then((r) => r.results),
        env.DB.prepare('SELECT count(*) AS n FROM event_rsvps').first(),
        env.DB.prepare('SELECT count(*) AS n FROM professional_neighbourhoods').first(),
      ]);
    const before = await snapshot();
    await seedDemoData(env.DB);
    expect(await snapshot()).toEqual(before);
  });
});
