import type {
  InitiativeDetail,
  InitiativeMember,
  InitiativeNeed,
  InitiativeStatus,
  InitiativeStatusChange,
  InitiativeTheme,
} from '@buurtplein/sdk/contract';
import { and, desc, eq, sql } from 'drizzle-orm';
import { initiativeStatusChanges, memberships, threads } from '../db/community.js';
import { newId } from '../db/ids.js';
import { initiatives, neighbourhoods, users } from '../db/schema.js';
import type { Database, SiteScope, Statements, Write } from './database.js';
import { listUpcomingEventsForInitiative } from './events.js';
import { initiativeInScope, listSimilarInitiatives, toInitiativeSummary } from './initiatives.js';
import { isOrganiser, memberDisplayOrder, membershipOf, selectMembers, toInitiativeMember, viewerQueries } from './members.js';
import { listOffersForInitiative } from './offers.js';
import { selectUpdates, toInitiativeUpdate } from './updates.js';

/** How many members, updates and history entries the initiative's page carries. */
const DETAIL_MEMBERS = 12;
const DETAIL_UPDATES = 3;
const DETAIL_HISTORY = 50;

/** A person as the detail names them. */
interface Person {
  id: string;
  displayName: string;
}

function selectStatusHistory(db: Database, networkId: string, initiativeId: string) {
  return db
    .select({
      id: initiativeStatusChanges.id,
      fromStatus: initiativeStatusChanges.fromStatus,
      toStatus: initiativeStatusChanges.toStatus,
      changedBy: initiativeStatusChanges.changedBy,
      note: initiativeStatusChanges.note,
      createdAt: initiativeStatusChanges.createdAt,
      changedByName: users.displayName,
    })
    .from(initiativeStatusChanges)
    .innerJoin(users, eq(users.id, initiativeStatusChanges.changedBy))
    .where(and(eq(initiativeStatusChanges.networkId, networkId), eq(initiativeStatusChanges.initiativeId, initiativeId)))
    .orderBy(desc(initiativeStatusChanges.id))
    .limit(DETAIL_HISTORY);
}

function statusChange(id: string, from: InitiativeStatus | null, to: InitiativeStatus, by: Person, note: string | null, at: Date): InitiativeStatusChange {
  return { id, from, to, changedBy: by, note, createdAt: at.toISOString() };
}

/**
 * One initiative the site shows with everything its page shows, for `viewerId` (null when
 * anonymous): the initiative, members, history, latest updates and the viewer's relation in one
 * D1 batch; then offers, upcoming meetings and similar initiatives. Null when the site does not show it.
 */
export async function getInitiativeDetail(
  db: Database,
  scope: SiteScope,
  id: string,
  viewerId: string | null,
  now = new Date(),
): Promise<InitiativeDetail | null> {
  if (scope.neighbourhoodIds.length === 0) return null;
  const { networkId } = scope;
  const [viewerMembership, viewerSupport] = viewerQueries(db, networkId, id, viewerId);
  const [found, members, history, updates, thread, membershipRows, supportRows] = await db.batch([
    db
      .select({ initiative: initiatives, neighbourhoodName: neighbourhoods.name, ownerName: users.displayName })
      .from(initiatives)
      .innerJoin(neighbourhoods, eq(neighbourhoods.id, initiatives.neighbourhoodId))
      .innerJoin(users, eq(users.id, initiatives.ownerId))
      .where(and(initiativeInScope(scope), eq(initiatives.id, id)))
      .limit(1),
    selectMembers(db, networkId, id)
      .orderBy(...memberDisplayOrder)
      .limit(DETAIL_MEMBERS),
    selectStatusHistory(db, networkId, id),
    selectUpdates(db, networkId, id).limit(DETAIL_UPDATES),
    db
      .select({ threadId: threads.id })
      .from(threads)
      .where(and(eq(threads.networkId, networkId), eq(threads.initiativeId, id)))
      .limit(1),
    viewerMembership,
    viewerSupport,
  ]);
  const row = found[0];
  if (!row) return null;
  const { initiative } = row;
  const [offers, upcomingEvents, similar] = await Promise.all([
    listOffersForInitiative(db, scope, id),
    listUpcomingEventsForInitiative(db, scope, id, now),
    listSimilarInitiatives(db, scope, initiative),
  ]);
  const membership = membershipOf(initiative.ownerId, viewerId, membershipRows[0]);
  return {
    ...toInitiativeSummary(initiative, row.neighbourhoodName),
    body: initiative.body,
    owner: { id: initiative.ownerId, displayName: row.ownerName },
    threadId: thread[0]?.threadId ?? null,
    members: members.map(toInitiativeMember),
    statusHistory: history.map((h) =>
      statusChange(h.id, h.fromStatus, h.toStatus, { id: h.changedBy, displayName: h.changedByName }, h.note, h.createdAt),
    ),
    updates: updates.map(toInitiativeUpdate),
    offers,
    upcomingEvents,
    similar,
    viewer: viewerId === null ? null : { supports: supportRows.length > 0, membership, isOrganiser: isOrganiser(membership) },
  };
}

/** A new initiative as its starter wrote it, checked against the site. */
export interface NewInitiative {
  networkId: string;
  neighbourhood: { id: string; name: string };
  owner: Person & { organisation: InitiativeMember['organisation'] };
  title: string;
  summary: string;
  body: string;
  themes: InitiativeTheme[];
  needs: InitiativeNeed[];
}

/**
 * Plans starting an initiative in one batch: the initiative (status `idea`), its owner's
 * membership, its discussion thread and the first entry of its status history. `similar` is
 * looked up beforehand, since it does not depend on the new row.
 */
export function createInitiative(
  db: Database,
  input: NewInitiative,
  similar: InitiativeDetail['similar'],
  now = new Date(),
): Write<InitiativeDetail> {
  const id = newId(now.getTime());
  const threadId = newId(now.getTime());
  const historyId = newId(now.getTime());
  const { networkId, owner } = input;
  const statements: Statements = [
    db.insert(initiatives).values({
      id,
      networkId,
      neighbourhoodId: input.neighbourhood.id,
      ownerId: owner.id,
      title: input.title,
      summary: input.summary,
      body: input.body,
      status: 'idea',
      themes: input.themes,
      needs: input.needs,
      createdAt: now,
      updatedAt: now,
    }),
    db.insert(memberships).values({ networkId, initiativeId: id, userId: owner.id, role: 'owner', status: 'active', createdAt: now }),
    db.insert(threads).values({
      id: threadId,
      networkId,
      neighbourhoodId: input.neighbourhood.id,
      initiativeId: id,
      kind: 'initiative',
      title: input.title,
      authorId: owner.id,
      lastActivityAt: now,
      createdAt: now,
    }),
    db.insert(initiativeStatusChanges).values({ id: historyId, networkId, initiativeId: id, fromStatus: null, toStatus: 'idea', changedBy: owner.id, createdAt: now }),
  ];
  const person = { id: owner.id, displayName: owner.displayName };
  return {
    statements,
    result: {
      id,
      title: input.title,
      summary: input.summary,
      status: 'idea',
      neighbourhood: input.neighbourhood,
      themes: input.themes,
      needs: input.needs,
      supporterCount: 0,
      memberCount: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      body: input.body,
      owner: person,
      threadId,
      members: [{ user: person, role: 'owner', organisation: owner.organisation, joinedAt: now.toISOString() }],
      statusHistory: [statusChange(historyId, null, 'idea', person, null, now)],
      updates: [],
      offers: [],
      upcomingEvents: [],
      similar,
      viewer: { supports: false, membership: { role: 'owner', status: 'active' }, isOrganiser: true },
    },
  };
}

/** What an organiser changes; a status change must already be checked with `canTransition`. */
export interface InitiativeChanges {
  title?: string;
  summary?: string;
  body?: string;
  themes?: InitiativeTheme[];
  needs?: InitiativeNeed[];
  status?: InitiativeStatus;
  note?: string;
}

/**
 * Plans an organiser's edit of `current` (as read for this request). A status change writes its
 * history entry in the same batch, and only while the status is still the one read: the entry's
 * `to_status` comes from a sub-select that is NULL otherwise, so a concurrent change makes the
 * NOT NULL constraint abort the whole batch instead of writing history that did not happen.
 */
export function updateInitiative(
  db: Database,
  networkId: string,
  current: InitiativeDetail,
  changes: InitiativeChanges,
  by: Person,
  now = new Date(),
): Write<InitiativeDetail> {
  const { note, status, ...text } = changes;
  const statusChanges = status !== undefined && status !== current.status;
  const where = and(eq(initiatives.networkId, networkId), eq(initiatives.id, current.id), statusChanges ? eq(initiatives.status, current.status) : undefined);
  const update = db
    .update(initiatives)
    .set({ ...text, ...(statusChanges ? { status } : {}), updatedAt: now })
    .where(where);
  let entry: InitiativeStatusChange | null = null;
  let statements: Statements = [update];
  if (statusChanges) {
    entry = statusChange(newId(now.getTime()), current.status, status, by, note ?? null, now);
    const guardedStatus = sql<InitiativeStatus>`(select ${status} from ${initiatives} where ${initiatives.id} = ${current.id} and ${initiatives.status} = ${current.status})`;
    statements = [
      db.insert(initiativeStatusChanges).values({
        id: entry.id,
        networkId,
        initiativeId: current.id,
        fromStatus: current.status,
        toStatus: guardedStatus,
        changedBy: by.id,
        note: entry.note,
        createdAt: now,
      }),
      update,
    ];
  }
  return {
    statements,
    result: {
      ...current,
      ...text,
      status: status ?? current.status,
      updatedAt: now.toISOString(),
      statusHistory: entry ? [entry, ...current.statusHistory] : current.statusHistory,
    },
  };
}

/** The status an initiative has now; null when it is gone from the site. */
export async function currentStatus(db: Database, scope: SiteScope, id: string): Promise<InitiativeStatus | null> {
  const [row] = await db
    .select({ status: initiatives.status })
    .from(initiatives)
    .where(and(initiativeInScope(scope), eq(initiatives.id, id)))
    .limit(1);
  return row?.status ?? null;
}
