import type {
  InitiativeDetail,
  InitiativeMember,
  InitiativeNeed,
  MemberRole,
  InitiativeStatus,
  InitiativeStatusChange,
  InitiativeSummary,
  InitiativeTheme,
} from '@buurtplein/sdk/contract';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { events, helpOffers, initiativeStatusChanges, memberships, supports, threads } from '../db/community.js';
import { newId } from '../db/ids.js';
import { initiatives, users } from '../db/schema.js';
import type { Database, SiteScope, Statements, Write } from './database.js';
import { inSiteWindow } from './bound-values.js';
import { toEvent } from './events.js';
import { SIMILAR_KEPT, SIMILAR_SHOWN, initiativeInScope, listSimilarInitiatives, similarIdsOf, toInitiativeSummary } from './initiatives.js';
import { isOrganiser, membershipOf, toInitiativeMember, type MembershipState } from './members.js';
import { toHelpOffer } from './offers.js';
import { markListedStale } from './similar-refresh.js';
import { toInitiativeUpdate } from './updates.js';

/** How many members, updates and history entries the initiative's page carries. */
const DETAIL_MEMBERS = 12;
const DETAIL_UPDATES = 3;
const DETAIL_HISTORY = 50;
const DETAIL_EVENTS = 10;

/** What the detail needs of the site: its scope, and the names of the neighbourhoods it shows. */
export type DetailScope = SiteScope & { neighbourhoods: readonly { id: string; name: string }[] };

/** A person as the detail names them. */
interface Person {
  id: string;
  displayName: string;
}

function statusChange(id: string, from: InitiativeStatus | null, to: InitiativeStatus, by: Person, note: string | null, at: Date): InitiativeStatusChange {
  return { id, from, to, changedBy: by, note, createdAt: at.toISOString() };
}

/** A JSON array of rows, made by SQLite from a sub-select: `(select json_group_array(json_object(…)) from (…))`. */
function jsonArray(object: SQL, from: SQL): SQL<string> {
  return sql<string>`(select json_group_array(json_object(${object})) from (${from}))`;
}

const date = (ms: number) => new Date(ms);
const optionalDate = (ms: number | null) => (ms === null ? null : new Date(ms));

interface MemberJson {
  userId: string;
  role: MemberRole;
  joinedAt: number;
  displayName: string;
  organisationId: string | null;
  organisationName: string | null;
}
interface HistoryJson {
  id: string;
  fromStatus: InitiativeStatus | null;
  toStatus: InitiativeStatus;
  changedBy: string;
  changedByName: string;
  note: string | null;
  createdAt: number;
}
interface UpdateJson {
  id: string;
  initiativeId: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: number;
}
type OfferJson = Omit<typeof helpOffers.$inferSelect, 'createdAt' | 'respondedAt' | 'fulfilledAt'> & {
  createdAt: number;
  respondedAt: number | null;
  fulfilledAt: number | null;
};
interface SimilarJson {
  id: string;
  title: string;
  summary: string;
  status: InitiativeStatus;
  neighbourhoodId: string;
  themes: InitiativeTheme[];
  needs: InitiativeNeed[];
  supporterCount: number;
  memberCount: number;
  createdAt: number;
  updatedAt: number;
}
type EventJson = Omit<typeof events.$inferSelect, 'startsAt' | 'endsAt' | 'createdAt' | 'hidden'> & {
  startsAt: number;
  endsAt: number | null;
  createdAt: number;
  hidden: number;
  reportThreadId: string | null;
};

/**
 * The statement that reads an initiative's whole page: the initiative with its neighbourhood and
 * owner, and as JSON arrays its first members, status history, latest updates, offers and
 * upcoming meetings, its thread and the viewer's relation to it. Each part reads its own index
 * range, bounded by the page's limits, in the order it shows (no sort); the wire functions of each
 * resource map the rows. The rows carry the names, organisations and job titles they show (copies
 * kept by triggers, migration 0017), so no part reads a user, organisation or profile per entry;
 * neighbourhood names and the meetings' initiative title come from the site and the row.
 */
function selectDetail(db: Database, scope: SiteScope, id: string, viewerId: string | null, now: Date) {
  const { networkId } = scope;
  const shown = (column: string) => inSiteWindow(sql.raw(column), scope);
  // The rows of this initiative under the alias `t` of a part's table; `moderated` parts also
  // leave out what a moderator hid. Offers have no moderation state of their own.
  const ofInitiative = (t: string, { moderated }: { moderated: boolean }) =>
    sql`${sql.raw(t)}.network_id = ${networkId} and ${sql.raw(t)}.initiative_id = ${id}${moderated ? sql` and ${sql.raw(t)}.hidden = 0` : sql``}`;
  const members = jsonArray(
    sql`'userId', user_id, 'role', role, 'joinedAt', created_at, 'displayName', display_name, 'organisationId', organisation_id, 'organisationName', organisation_name`,
    sql`select m.user_id, m.role, m.created_at, m.user_name as display_name,
          m.user_organisation_id as organisation_id, m.user_organisation_name as organisation_name
        from memberships m
        where +m.network_id = ${networkId} and m.initiative_id = ${id} and m.status = 'active'
        order by m.role desc, m.created_at
        limit ${DETAIL_MEMBERS}`,
  );
  const history = jsonArray(
    sql`'id', id, 'fromStatus', from_status, 'toStatus', to_status, 'changedBy', changed_by, 'changedByName', display_name, 'note', note, 'createdAt', created_at`,
    sql`select h.id, h.from_status, h.to_status, h.changed_by, h.changed_by_name as display_name, h.note, h.created_at
        from initiative_status_changes h
        where ${ofInitiative('h', { moderated: false })} order by h.id desc limit ${DETAIL_HISTORY}`,
  );
  const updates = jsonArray(
    sql`'id', id, 'initiativeId', initiative_id, 'authorId', author_id, 'authorName', display_name, 'body', body, 'createdAt', created_at`,
    sql`select p.id, p.initiative_id, p.author_id, p.author_name as display_name, p.body, p.created_at
        from initiative_updates p
        where ${ofInitiative('p', { moderated: true })} order by p.id desc limit ${DETAIL_UPDATES}`,
  );
  const offers = jsonArray(
    sql`'id', id, 'networkId', network_id, 'initiativeId', initiative_id, 'professionalId', professional_id, 'organisationId', organisation_id,
        'kind', kind, 'message', message, 'status', status, 'respondedBy', responded_by, 'respondedAt', responded_at, 'fulfilledAt', fulfilled_at,
        'createdAt', created_at, 'professionalName', professional_name, 'professionalJobTitle', professional_job_title,
        'organisationName', organisation_name, 'organisationKind', organisation_kind`,
    sql`select f.* from help_offers f
        where ${ofInitiative('f', { moderated: false })} order by f.id desc`,
  );
  const upcoming = jsonArray(
    sql`'id', id, 'networkId', network_id, 'neighbourhoodId', neighbourhood_id, 'initiativeId', initiative_id, 'organiserId', organiser_id,
        'title', title, 'description', description, 'startsAt', starts_at, 'endsAt', ends_at, 'location', location, 'onlineUrl', online_url,
        'capacity', capacity, 'attendeeCount', attendee_count, 'reportCommentId', report_comment_id, 'hidden', hidden, 'createdAt', created_at,
        'organiserName', organiser_name, 'reportThreadId', report_thread_id`,
    sql`select e.*, rc.thread_id as report_thread_id
        from events e left join comments rc on rc.id = e.report_comment_id
        where ${ofInitiative('e', { moderated: true })} and ${shown('e.neighbourhood_id')}
          and coalesce(e.ends_at, e.starts_at) >= ${now.getTime()}
        order by e.starts_at, e.id limit ${DETAIL_EVENTS}`,
  );
  // The similar initiatives computed when this one was written, each checked again against the
  // site's window and moderation: one key lookup apiece, no text search. One branch per stored
  // position, best first, so the LIMIT stops the lookups once enough showed (json_each, a
  // counter or an ORDER BY would read, and D1 count, every stored id first); D1 allows few
  // branches in one compound select, so they are grouped.
  const lookups = Array.from(
    { length: SIMILAR_KEPT },
    (_, k) => sql`select s.id, s.title, s.summary, s.status, s.neighbourhood_id, s.themes, s.needs, s.supporter_count, s.member_count, s.created_at, s.updated_at,
        s.network_id, s.visibility from ${initiatives} s where s.id = json_extract(${initiatives.similarIds}, ${sql.raw(`'$[${k}]'`)})`,
  );
  const groups = [lookups.slice(0, SIMILAR_KEPT / 2), lookups.slice(SIMILAR_KEPT / 2)].map((group) => sql`select * from (${sql.join(group, sql` union all `)})`);
  const similar = jsonArray(
    sql`'id', id, 'title', title, 'summary', summary, 'status', status, 'neighbourhoodId', neighbourhood_id, 'themes', json(themes), 'needs', json(needs),
        'supporterCount', supporter_count, 'memberCount', member_count, 'createdAt', created_at, 'updatedAt', updated_at`,
    sql`select * from (${sql.join(groups, sql` union all `)})
        where network_id = ${networkId} and ${shown('neighbourhood_id')} and visibility = 'visible' limit ${SIMILAR_SHOWN}`,
  );
  const viewer = viewerId ?? '';
  return db
    .select({
      initiative: initiatives,
      ownerName: sql<string>`${users.displayName}`.as('owner_name'),
      threadId: sql<string | null>`(select ${threads.id} from ${threads} where ${threads.networkId} = ${networkId} and ${threads.initiativeId} = ${id} limit 1)`.as('thread_id'),
      members: members.as('members_json'),
      history: history.as('history_json'),
      updates: updates.as('updates_json'),
      offers: offers.as('offers_json'),
      events: upcoming.as('events_json'),
      similar: similar.as('similar_json'),
      viewerMembership: sql<string | null>`(select json_object('role', ${memberships.role}, 'status', ${memberships.status}) from ${memberships}
        where ${memberships.networkId} = ${networkId} and ${memberships.initiativeId} = ${id} and ${memberships.userId} = ${viewer})`.as('viewer_membership'),
      viewerSupports: sql<number>`exists (select 1 from ${supports} where ${supports.networkId} = ${networkId} and ${supports.initiativeId} = ${id} and ${supports.userId} = ${viewer})`.as(
        'viewer_supports',
      ),
    })
    .from(initiatives)
    .innerJoin(users, eq(users.id, initiatives.ownerId))
    .where(and(eq(initiatives.id, id), initiativeInScope(scope, { byKey: true })))
    .limit(1);
}

/** A similar initiative as the detail's statement sends it, named from the site's neighbourhoods. */
function toSimilarSummary(row: SimilarJson, scope: DetailScope): InitiativeSummary {
  const name = scope.neighbourhoods.find((n) => n.id === row.neighbourhoodId)?.name ?? '';
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status,
    neighbourhood: { id: row.neighbourhoodId, name },
    themes: row.themes,
    needs: row.needs,
    supporterCount: row.supporterCount,
    memberCount: row.memberCount,
    createdAt: date(row.createdAt).toISOString(),
    updatedAt: date(row.updatedAt).toISOString(),
  };
}

/**
 * One initiative the site shows with everything its page shows, for `viewerId` (null when
 * anonymous), in one statement: the initiative, its people, history, timeline, offers, upcoming
 * meetings, similar initiatives and the viewer's relation. Only an initiative whose similar ids
 * were never computed (written before they existed) searches them in a second statement.
 * Null when the site does not show it.
 */
export async function getInitiativeDetail(
  db: Database,
  scope: DetailScope,
  id: string,
  viewerId: string | null,
  now = new Date(),
): Promise<InitiativeDetail | null> {
  if (scope.neighbourhoodIds.length === 0) return null;
  const [row] = await selectDetail(db, scope, id, viewerId, now);
  if (!row) return null;
  const { initiative } = row;
  const similar =
    initiative.similarIds === null
      ? await listSimilarInitiatives(db, scope, { ...initiative, id: initiative.id })
      : (JSON.parse(row.similar) as SimilarJson[]).map((s) => toSimilarSummary(s, scope));
  const viewerRow = row.viewerMembership === null ? undefined : (JSON.parse(row.viewerMembership) as MembershipState);
  const membership = membershipOf(initiative.ownerId, viewerId, viewerRow);
  const neighbourhoodName = (neighbourhoodId: string) => scope.neighbourhoods.find((n) => n.id === neighbourhoodId)?.name ?? '';
  return {
    ...toInitiativeSummary(initiative, neighbourhoodName(initiative.neighbourhoodId)),
    body: initiative.body,
    owner: { id: initiative.ownerId, displayName: row.ownerName },
    threadId: row.threadId,
    members: (JSON.parse(row.members) as MemberJson[]).map((m) => toInitiativeMember({ ...m, joinedAt: date(m.joinedAt) })),
    statusHistory: (JSON.parse(row.history) as HistoryJson[]).map((h) =>
      statusChange(h.id, h.fromStatus, h.toStatus, { id: h.changedBy, displayName: h.changedByName }, h.note, date(h.createdAt)),
    ),
    updates: (JSON.parse(row.updates) as UpdateJson[]).map((u) =>
      toInitiativeUpdate({ ...u, createdAt: date(u.createdAt) }),
    ),
    offers: (JSON.parse(row.offers) as OfferJson[]).map((offer) =>
      toHelpOffer({
        offer: { ...offer, createdAt: date(offer.createdAt), respondedAt: optionalDate(offer.respondedAt), fulfilledAt: optionalDate(offer.fulfilledAt) },
        professionalName: offer.professionalName,
        jobTitle: offer.professionalJobTitle,
        organisationName: offer.organisationName,
        organisationKind: offer.organisationKind,
      }),
    ),
    upcomingEvents: (JSON.parse(row.events) as EventJson[]).map(({ reportThreadId, ...event }) =>
      toEvent({
        event: { ...event, startsAt: date(event.startsAt), endsAt: optionalDate(event.endsAt), createdAt: date(event.createdAt), hidden: event.hidden !== 0 },
        neighbourhoodName: neighbourhoodName(event.neighbourhoodId),
        initiativeTitle: initiative.title,
        organiserName: event.organiserName,
        reportThreadId,
      }),
    ),
    similar,
    viewer: viewerId === null ? null : { supports: row.viewerSupports !== 0, membership, isOrganiser: isOrganiser(membership) },
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
  /** `pending` while a new resident's first posts wait for a moderator (site policy). */
  visibility?: 'visible' | 'pending';
}

/**
 * Plans starting an initiative in one batch: the initiative (status `idea`) with its similar ids,
 * its owner's membership, its discussion thread and the first entry of its status history, and
 * the similar initiatives' own lists marked stale (see data/similar-refresh.ts). `similar`, the
 * site's view of them for the answer, is looked up beforehand.
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
      visibility: input.visibility ?? 'visible',
      similarIds: similarIdsOf(db, networkId, { id: null, neighbourhoodId: input.neighbourhood.id, ...input }),
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
  // The initiatives it resembles may list it now; one waiting for a moderator shows nowhere yet.
  if ((input.visibility ?? 'visible') === 'visible') statements.push(markListedStale(db, networkId, id, now));
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
  // What "similar" compares changed: its similar ids are searched again in the same statement
  // (current again, so no longer stale), and the lists of the initiatives it resembled before
  // and resembles now are marked stale around it (see data/similar-refresh.ts).
  const compared = text.title !== undefined || text.summary !== undefined || text.themes !== undefined;
  const similarTo = { id: current.id, title: text.title ?? current.title, summary: text.summary ?? current.summary, neighbourhoodId: current.neighbourhood.id, themes: text.themes ?? current.themes };
  const update = db
    .update(initiatives)
    .set({ ...text, ...(statusChanges ? { status } : {}), ...(compared ? { similarIds: similarIdsOf(db, networkId, similarTo), similarStaleAt: null } : {}), updatedAt: now })
    .where(where);
  let entry: InitiativeStatusChange | null = null;
  let statements: Statements = compared
    ? [markListedStale(db, networkId, current.id, now), update, markListedStale(db, networkId, current.id, now)]
    : [update];
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
      ...statements,
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
    .where(and(eq(initiatives.id, id), initiativeInScope(scope, { byKey: true })))
    .limit(1);
  return row?.status ?? null;
}
