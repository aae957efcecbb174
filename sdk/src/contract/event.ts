import { z } from 'zod';
import { CbsCode, Cursor, Id, Limit, Timestamp, page } from './common.js';
import { NeighbourhoodRef } from './neighbourhood.js';

/** A meeting's web address for joining online: http or https only. */
export const OnlineUrl = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain })
  .max(500);

/** A meeting in the neighbourhood, offline or online, optionally of an initiative. */
export const Event = z
  .object({
    id: Id,
    title: z.string(),
    description: z.string(),
    startsAt: Timestamp,
    endsAt: Timestamp.nullable(),
    location: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    /** Null when there is no limit. */
    capacity: z.number().int().positive().nullable(),
    attendeeCount: z.number().int().nonnegative(),
    neighbourhood: NeighbourhoodRef,
    initiative: z.object({ id: Id, title: z.string() }).nullable(),
    organiser: z.object({ id: Id, displayName: z.string() }),
    /** The comment holding the minutes, once an organiser wrote them back to the thread. */
    report: z.object({ commentId: Id, threadId: Id }).nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Event' });
export type Event = z.infer<typeof Event>;

/** One page of meetings, soonest first. */
export const EventPage = page(Event).meta({ id: 'EventPage' });
export type EventPage = z.infer<typeof EventPage>;

/** Filters and paging of `GET /v1/sites/:site/events`. */
export const EventListQuery = z.strictObject({
  initiative: Id.optional(),
  /** A neighbourhood by id or CBS code. */
  neighbourhood: z.union([Id, CbsCode]).optional(),
  /** `upcoming` (the default) lists meetings that have not ended yet, soonest first; `past` the others, latest first. */
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  cursor: Cursor.optional(),
  limit: Limit,
});
export type EventListQuery = z.infer<typeof EventListQuery>;
export type EventListParams = z.input<typeof EventListQuery>;

/**
 * Body of `POST /v1/sites/:site/events`: a meeting of an initiative (its neighbourhood is the
 * initiative's) or of a neighbourhood; it needs a place, an online link, or both.
 */
export const CreateEventRequest = z
  .strictObject({
    initiativeId: Id.optional(),
    /** A neighbourhood meeting's neighbourhood, by id or CBS code; an initiative's meeting is in the initiative's. */
    neighbourhood: z.union([Id, CbsCode]).optional(),
    title: z.string().trim().min(1).max(120),
    description: z.string().trim().max(10_000).default(''),
    startsAt: Timestamp,
    endsAt: Timestamp.optional(),
    location: z.string().trim().min(1).max(300).optional(),
    onlineUrl: OnlineUrl.optional(),
    capacity: z.number().int().min(1).max(100_000).optional(),
  })
  .refine((e) => (e.initiativeId === undefined) !== (e.neighbourhood === undefined), {
    message: 'kies een initiatief of een buurt, niet allebei',
    path: ['neighbourhood'],
  })
  .refine((e) => e.location !== undefined || e.onlineUrl !== undefined, {
    message: 'geef een plaats of een online link',
    path: ['location'],
  })
  .refine((e) => e.endsAt === undefined || Date.parse(e.endsAt) > Date.parse(e.startsAt), {
    message: 'het einde ligt na het begin',
    path: ['endsAt'],
  })
  .meta({ id: 'CreateEventRequest' });
export type CreateEventRequest = z.infer<typeof CreateEventRequest>;

/** A resident's answer to a meeting. */
export const RsvpStatus = z.enum(['going', 'not_going']);
export type RsvpStatus = z.infer<typeof RsvpStatus>;

/** Body of `PUT /v1/sites/:site/events/:id/rsvp`. */
export const RsvpRequest = z.strictObject({ status: RsvpStatus }).meta({ id: 'RsvpRequest' });
export type RsvpRequest = z.infer<typeof RsvpRequest>;

/** The signed-in user's answer to a meeting, as stored. */
export const Rsvp = z.object({ eventId: Id, status: RsvpStatus }).meta({ id: 'Rsvp' });
export type Rsvp = z.infer<typeof Rsvp>;

/** Body of `POST /v1/sites/:site/events/:id/report`: the minutes, as plain text. */
export const EventReportRequest = z
  .strictObject({ body: z.string().trim().min(1).max(10_000) })
  .meta({ id: 'EventReportRequest' });
export type EventReportRequest = z.infer<typeof EventReportRequest>;
