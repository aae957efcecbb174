import { CreateEventRequest, EventListQuery, EventReportRequest, Id, RsvpRequest, type Event } from '@buurtplein/sdk/contract';
import { Hono, type Context } from 'hono';
import { authorize } from '../auth/authorize.js';
import {
  addReport,
  createEvent,
  findRsvp,
  getEvent,
  isEventFullError,
  listEvents,
  newInitiativeThread,
  setRsvp,
  type ReportThread,
} from '../data/events.js';
import { findInitiativeRef } from '../data/initiative-refs.js';
import { shownNeighbourhood } from '../data/sites.js';
import { createTopic, findInitiativeThreadId } from '../data/threads.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { commitWrite } from '../http/commit-write.js';
import { eventCreated, withEvents } from '../outbound/domain-events.js';
import { decodeCursor } from '../http/cursor.js';
import { signedInUser } from '../http/signed-in-user.js';
import { parseInput } from '../http/validate.js';
import { neighbourhoodFilter } from './neighbourhood-filter.js';
import { MAX_LINKS_PER_POST } from '../http/links.js';
import { guardLinks } from '../http/post-guard.js';

/** The longest thread title; a neighbourhood meeting's report thread is named after the meeting. */
const TITLE_MAX = 120;

async function requireEvent(c: Context<AppEnv>): Promise<Event> {
  const id = c.req.param('id') ?? '';
  const event = Id.safeParse(id).success ? await getEvent(c.get('db'), c.get('site'), id) : null;
  if (!event) throw new ApiError('not-found', 'Deze bijeenkomst bestaat niet op deze site.');
  return event;
}

function userId(c: Context<AppEnv>): string {
  const actor = c.get('actor');
  return actor.type === 'user' ? actor.userId : '';
}

/** When a meeting is over: its end, or its start when it has no end. */
function endOf(event: Event): number {
  return Date.parse(event.endsAt ?? event.startsAt);
}

/** `/v1/sites/:site/events`: meetings in the site's neighbourhoods, RSVPs and the minutes afterwards. */
export const eventsRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const site = c.get('site');
    const query = parseInput(EventListQuery, c.req.query());
    const neighbourhoodId = neighbourhoodFilter(site, query.neighbourhood);
    const filter = {
      initiativeId: query.initiative,
      neighbourhoodId,
      when: query.when,
      limit: query.limit,
      afterId: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    };
    return c.json(await listEvents(c.get('db'), site, filter), 200);
  })
  .post('/', async (c) => {
    const site = c.get('site');
    const input = parseInput(CreateEventRequest, c.get('body'));
    guardLinks([input.title, input.location, input.description].filter(Boolean).join('\n'), MAX_LINKS_PER_POST);
    const db = c.get('db');
    let place: { neighbourhood: { id: string; name: string }; initiative: { id: string; title: string } | null; organiserIds: string[] | null };
    if (input.initiativeId !== undefined) {
      const initiative = await findInitiativeRef(db, site, input.initiativeId);
      const neighbourhood = initiative && shownNeighbourhood(site, initiative.neighbourhoodId);
      if (!initiative || !neighbourhood) throw new ApiError('not-found', 'Dit initiatief bestaat niet op deze site.');
      place = { neighbourhood, initiative: { id: initiative.id, title: initiative.title }, organiserIds: initiative.organiserIds };
    } else {
      const neighbourhood = shownNeighbourhood(site, input.neighbourhood ?? '');
      if (!neighbourhood) throw new ApiError('invalid-request', `neighbourhood: deze site toont geen buurt "${input.neighbourhood}"`);
      place = { neighbourhood, initiative: null, organiserIds: null };
    }
    authorize(c, 'event.create', { type: 'event-place', networkId: site.networkId, initiativeOrganiserIds: place.organiserIds });
    const organiser = await signedInUser(c);
    const write = createEvent(db, site.networkId, {
      neighbourhood: { id: place.neighbourhood.id, name: place.neighbourhood.name },
      initiative: place.initiative,
      organiser: { id: organiser.id, displayName: organiser.displayName },
      title: input.title,
      description: input.description,
      startsAt: new Date(input.startsAt),
      endsAt: input.endsAt === undefined ? null : new Date(input.endsAt),
      location: input.location ?? null,
      onlineUrl: input.onlineUrl ?? null,
      capacity: input.capacity ?? null,
    });
    return commitWrite(c, withEvents(db, write, eventCreated(c, write.result)), 201);
  })
  .get('/:id', async (c) => c.json(await requireEvent(c), 200))
  .put('/:id/rsvp', async (c) => {
    const site = c.get('site');
    const event = await requireEvent(c);
    authorize(c, 'event.rsvp', { type: 'event', networkId: site.networkId, organiserIds: [event.organiser.id] });
    const { status } = parseInput(RsvpRequest, c.get('body'));
    if (endOf(event) < Date.now()) throw new ApiError('event-ended', 'Op een bijeenkomst die voorbij is, kunt u niet meer reageren.');
    const db = c.get('db');
    const current = await findRsvp(db, site.networkId, event.id, userId(c));
    try {
      return await commitWrite(c, setRsvp(db, site.networkId, event.id, userId(c), status, current), 200);
    } catch (error) {
      if (isEventFullError(error)) throw new ApiError('event-full', `Alle ${event.capacity} plaatsen zijn bezet.`);
      throw error;
    }
  })
  .post('/:id/report', async (c) => {
    const site = c.get('site');
    const event = await requireEvent(c);
    const db = c.get('db');
    const initiative = event.initiative ? await findInitiativeRef(db, site, event.initiative.id) : null;
    const organiserIds = [event.organiser.id, ...(initiative?.organiserIds ?? [])];
    authorize(c, 'event.report', { type: 'event', networkId: site.networkId, organiserIds });
    const { body } = parseInput(EventReportRequest, c.get('body'));
    guardLinks(body, MAX_LINKS_PER_POST);
    if (Date.parse(event.startsAt) > Date.now()) throw new ApiError('event-not-started', 'Het verslag volgt na het begin van de bijeenkomst.');
    if (event.report) throw new ApiError('already-reported', 'Deze bijeenkomst heeft al een verslag in de discussie.');
    const author = await signedInUser(c);
    let thread: ReportThread;
    if (initiative) {
      // An initiative's meeting reports to the initiative's own discussion.
      const threadId = await findInitiativeThreadId(db, site, initiative.id);
      thread = threadId ? { id: threadId, create: [] } : newInitiativeThread(db, site.networkId, initiative, author.id);
    } else {
      // A neighbourhood meeting gets a topic of its own, so its minutes can be discussed.
      const title = `Verslag: ${event.title}`.slice(0, TITLE_MAX);
      const topic = createTopic(db, site.networkId, author, { neighbourhood: event.neighbourhood, title, body: '' });
      thread = { id: topic.result.id, create: topic.statements };
    }
    return commitWrite(c, addReport(db, site.networkId, event, thread, author.id, body), 201);
  });
