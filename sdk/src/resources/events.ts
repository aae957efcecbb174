import type { CreateEventRequest, Event, EventListParams, EventPage, EventReportRequest, Rsvp, RsvpRequest } from '../contract/index.js';
import type { ReadOptions, Transport, WriteOptions } from '../http.js';
import { paginate } from '../pagination.js';
import { path } from '../path.js';
import type { z } from 'zod';

/** A new meeting as a caller writes it: `description` may be left out. */
export type CreateEventParams = z.input<typeof CreateEventRequest>;

/** Meetings in the site's neighbourhoods, RSVPs and the minutes written back. */
export function eventsResource(transport: Transport) {
  const list = (params: EventListParams = {}, options: ReadOptions = {}) =>
    transport.request<EventPage>({ method: 'GET', path: '/events', query: params, ...options });
  return {
    /** One page of upcoming meetings, soonest first; `when: 'past'` for the others. */
    list,
    /** Every meeting matching the filters, page after page. */
    all: (params: EventListParams = {}) => paginate(list, params),
    /** One meeting. */
    get: (id: string, options: ReadOptions = {}) => transport.request<Event>({ method: 'GET', path: path`/events/${id}`, ...options }),
    /** Plan a meeting of an initiative (organisers) or of a neighbourhood. */
    create: (event: CreateEventParams, options: WriteOptions = {}) =>
      transport.request<Event>({ method: 'POST', path: '/events', body: event, ...options }),
    /** Say whether you are coming. */
    rsvp: (id: string, answer: RsvpRequest, options: WriteOptions = {}) =>
      transport.request<Rsvp>({ method: 'PUT', path: path`/events/${id}/rsvp`, body: answer, ...options }),
    /** Write the minutes back to the discussion (the meeting's organisers, once it started). */
    report: (id: string, report: EventReportRequest, options: WriteOptions = {}) =>
      transport.request<Event>({ method: 'POST', path: path`/events/${id}/report`, body: report, ...options }),
  };
}
