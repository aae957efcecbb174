import type { Comment, DomainEvent, DomainEventType, Event, HelpOffer, InitiativeDetail } from '@buurtplein/sdk/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { threads } from '../db/community.js';
import { newId } from '../db/ids.js';
import { outboundEvents } from '../db/outbound.js';
import type { Database, Statements, Write } from '../data/database.js';
import type { AppEnv } from '../env.js';

/**
 * A domain event planned with a write: its outbox row commits in the write's batch; after the
 * commit it goes to the queue (webhooks, e-mail) and to the thread's live viewers.
 */
export interface PlannedEvent {
  event: DomainEvent;
  siteKey: string;
  actorId: string | null;
  neighbourhoodId: string;
  initiativeId: string | null;
  /** The thread it shows up live in; undefined: the initiative's thread, looked up in the batch. */
  threadId: string | null | undefined;
  subjectId: string;
}

/** The event types an open thread shows live. */
export const LIVE_EVENT_TYPES: ReadonlySet<DomainEventType> = new Set(['comment.created', 'offer.created', 'offer.accepted', 'initiative.status_changed']);

type Data<T extends DomainEventType> = Extract<DomainEvent, { type: T }>['data'];

function plan<T extends DomainEventType>(
  c: Context<AppEnv>,
  type: T,
  data: Data<T>,
  where: { neighbourhoodId: string; initiativeId: string | null; threadId: string | null | undefined; subjectId: string },
): PlannedEvent {
  const site = c.get('site');
  const actor = c.get('actor');
  const now = Date.now();
  const event = { id: newId(now), type, createdAt: new Date(now).toISOString(), network: { id: site.networkId }, data } as DomainEvent;
  return { event, siteKey: site.key, actorId: actor.type === 'user' ? actor.userId : null, ...where };
}

/** `initiative.created`, from the new initiative. */
export function initiativeCreated(c: Context<AppEnv>, initiative: InitiativeDetail): PlannedEvent {
  const { id, title, summary, status, neighbourhood, themes, needs, supporterCount, memberCount, createdAt, updatedAt } = initiative;
  const summaryShape = { id, title, summary, status, neighbourhood, themes, needs, supporterCount, memberCount, createdAt, updatedAt };
  return plan(c, 'initiative.created', { initiative: summaryShape }, { neighbourhoodId: neighbourhood.id, initiativeId: id, threadId: initiative.threadId, subjectId: id });
}

/** `initiative.status_changed` when an edit moved the status; null when it did not. */
export function initiativeStatusChanged(c: Context<AppEnv>, before: InitiativeDetail, after: InitiativeDetail): PlannedEvent | null {
  const change = after.statusHistory[0];
  if (after.status === before.status || !change || change.to !== after.status) return null;
  const where = { neighbourhoodId: after.neighbourhood.id, initiativeId: after.id, threadId: after.threadId, subjectId: after.id };
  return plan(c, 'initiative.status_changed', { initiative: { id: after.id, title: after.title }, change }, where);
}

/** The initiative an offer belongs to. */
export interface OfferInitiative {
  id: string;
  title: string;
  neighbourhoodId: string;
}

/** `offer.created` or `offer.accepted`, from the offer as it is after the write. */
export function offerEvent(c: Context<AppEnv>, type: 'offer.created' | 'offer.accepted', initiative: OfferInitiative, offer: HelpOffer): PlannedEvent {
  const where = { neighbourhoodId: initiative.neighbourhoodId, initiativeId: initiative.id, threadId: undefined, subjectId: offer.id };
  return plan(c, type, { initiative: { id: initiative.id, title: initiative.title }, offer }, where);
}

/** The thread a comment was written in. */
export interface CommentThread {
  id: string;
  title: string;
  neighbourhoodId: string;
  initiativeId: string | null;
}

/** `comment.created`, from the new comment. */
export function commentCreated(c: Context<AppEnv>, thread: CommentThread, comment: Comment): PlannedEvent {
  const data = { thread: { id: thread.id, title: thread.title, initiativeId: thread.initiativeId }, comment };
  return plan(c, 'comment.created', data, { neighbourhoodId: thread.neighbourhoodId, initiativeId: thread.initiativeId, threadId: thread.id, subjectId: comment.id });
}

/** `event.created`, from the new meeting. */
export function eventCreated(c: Context<AppEnv>, event: Event): PlannedEvent {
  const initiativeId = event.initiative?.id ?? null;
  return plan(c, 'event.created', { event }, { neighbourhoodId: event.neighbourhood.id, initiativeId, threadId: initiativeId ? undefined : null, subjectId: event.id });
}

function outboxRow(db: Database, planned: PlannedEvent) {
  const { event } = planned;
  const initiativeThread =
    planned.initiativeId === null
      ? null
      : sql<string>`(select ${threads.id} from ${threads} where ${threads.initiativeId} = ${planned.initiativeId} and ${threads.networkId} = ${event.network.id})`;
  return db.insert(outboundEvents).values({
    id: event.id,
    networkId: event.network.id,
    siteKey: planned.siteKey,
    type: event.type,
    actorId: planned.actorId,
    neighbourhoodId: planned.neighbourhoodId,
    initiativeId: planned.initiativeId,
    threadId: planned.threadId === undefined ? initiativeThread : planned.threadId,
    subjectId: planned.subjectId,
    payload: event.data,
    createdAt: new Date(event.createdAt),
  });
}

/**
 * Adds domain events to a planned write: their outbox rows join the write's batch (so an event
 * exists exactly when its write committed), and `commitWrite` publishes them after the commit.
 * Null entries (nothing happened worth telling) are skipped.
 */
export function withEvents<T>(db: Database, write: Write<T>, ...events: (PlannedEvent | null)[]): Write<T> {
  const planned = events.filter((e): e is PlannedEvent => e !== null);
  if (planned.length === 0) return write;
  const statements: Statements = [...write.statements, ...planned.map((e) => outboxRow(db, e))];
  return { ...write, statements, events: [...(write.events ?? []), ...planned] };
}

/** The thread of an initiative, for live updates of events that name only the initiative. */
export async function initiativeThreadId(db: Database, networkId: string, initiativeId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: threads.id })
    .from(threads)
    .where(and(eq(threads.networkId, networkId), eq(threads.initiativeId, initiativeId)))
    .limit(1);
  return row?.id ?? null;
}
