import type { InitiativeMember, InitiativeMemberPage, MemberRole, Membership } from '@buurtplein/sdk/contract';
import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { memberships, supports } from '../db/community.js';
import { initiatives, users } from '../db/schema.js';
import { encodeCursor } from '../http/cursor.js';
import type { Database, SiteScope, Write } from './database.js';
import { initiativeInScope, type InitiativeRow } from './initiatives.js';

/** Someone's membership of an initiative: active, or `invited` until they accept. */
export interface MembershipState {
  role: MemberRole;
  status: 'invited' | 'active';
}

/** An initiative the site shows, with what one user is to it. */
export interface Participation {
  initiative: InitiativeRow;
  /** The user's membership; the owner always counts as an active owner. */
  membership: MembershipState | null;
  supports: boolean;
}

/** The owner counts as an active owner even where no membership row says so (as for seeded initiatives). */
export function membershipOf(ownerId: string, userId: string | null, row: MembershipState | undefined): MembershipState | null {
  if (userId !== null && userId === ownerId) return { role: 'owner', status: 'active' };
  return row ?? null;
}

/** Whether a membership lets its holder run the initiative: edit it, change its status, post updates. */
export function isOrganiser(membership: MembershipState | null): boolean {
  return membership?.status === 'active' && (membership.role === 'owner' || membership.role === 'organiser');
}

/** The queries of one user's membership and support of an initiative, for a batch. */
export function viewerQueries(db: Database, networkId: string, initiativeId: string, userId: string | null) {
  const user = userId ?? '';
  return [
    db
      .select({ role: memberships.role, status: memberships.status })
      .from(memberships)
      .where(and(eq(memberships.networkId, networkId), eq(memberships.initiativeId, initiativeId), eq(memberships.userId, user)))
      .limit(1),
    db
      .select({ supporter: supports.userId })
      .from(supports)
      .where(and(eq(supports.networkId, networkId), eq(supports.initiativeId, initiativeId), eq(supports.userId, user)))
      .limit(1),
  ] as const;
}

/** An initiative the site shows with what `userId` is to it, in one batch; null when the site does not show it. */
export async function findParticipation(db: Database, scope: SiteScope, initiativeId: string, userId: string): Promise<Participation | null> {
  if (scope.neighbourhoodIds.length === 0) return null;
  const [membershipQuery, supportQuery] = viewerQueries(db, scope.networkId, initiativeId, userId);
  const [found, membershipRows, supportRows] = await db.batch([
    db.select().from(initiatives).where(and(eq(initiatives.id, initiativeId), initiativeInScope(scope, { byKey: true }))).limit(1),
    membershipQuery,
    supportQuery,
  ]);
  const initiative = found[0];
  if (!initiative) return null;
  return { initiative, membership: membershipOf(initiative.ownerId, userId, membershipRows[0]), supports: supportRows.length > 0 };
}

/**
 * Active members with name and (for professionals) organisation, as the membership row carries
 * them (copies kept by triggers, migration 0017), so no user or organisation is read per member;
 * `where` narrows further. The unary `+` keeps SQLite off the network's (network, user) index,
 * which walks every membership in the network, and on the initiative's own key.
 */
export function selectMembers(db: Database, networkId: string, initiativeId: string, where?: SQL) {
  return db
    .select({
      userId: memberships.userId,
      role: memberships.role,
      joinedAt: memberships.createdAt,
      displayName: memberships.userName,
      organisationId: memberships.userOrganisationId,
      organisationName: memberships.userOrganisationName,
    })
    .from(memberships)
    .where(and(sql`+${memberships.networkId} = ${networkId}`, eq(memberships.initiativeId, initiativeId), eq(memberships.status, 'active'), where));
}

interface MemberRow {
  userId: string;
  role: MemberRole;
  joinedAt: Date;
  displayName: string;
  organisationId: string | null;
  organisationName: string | null;
}

/** Turns a selected member into its wire shape. */
export function toInitiativeMember(row: MemberRow): InitiativeMember {
  return {
    user: { id: row.userId, displayName: row.displayName },
    role: row.role,
    organisation: row.organisationId !== null && row.organisationName !== null ? { id: row.organisationId, name: row.organisationName } : null,
    joinedAt: row.joinedAt.toISOString(),
  };
}

/** One page of an initiative's active members, by user id (stable while people join). */
export async function listMembers(
  db: Database,
  networkId: string,
  initiativeId: string,
  page: { afterUserId?: string; limit: number },
): Promise<InitiativeMemberPage> {
  const rows = await selectMembers(db, networkId, initiativeId, page.afterUserId ? gt(memberships.userId, page.afterUserId) : undefined)
    .orderBy(asc(memberships.userId))
    .limit(page.limit + 1);
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows.at(-1);
  return { data: pageRows.map(toInitiativeMember), nextCursor: rows.length > page.limit && last ? encodeCursor(last.userId) : null };
}

/** Whether the network has this user, and whether they are a professional; null when unknown. */
export async function findNetworkUser(db: Database, networkId: string, userId: string): Promise<{ isProfessional: boolean } | null> {
  const [row] = await db
    .select({ isProfessional: users.isProfessional })
    .from(users)
    .where(and(eq(users.networkId, networkId), eq(users.id, userId)))
    .limit(1);
  return row ?? null;
}

/** Plans a resident joining as a member; joining twice at once still makes one membership. */
export function joinInitiative(db: Database, networkId: string, initiativeId: string, userId: string, now = new Date()): Write<Membership> {
  return {
    statements: [
      db.insert(memberships).values({ networkId, initiativeId, userId, role: 'member', status: 'active', createdAt: now }).onConflictDoNothing(),
    ],
    result: { initiativeId, userId, role: 'member', status: 'active' },
  };
}

/** Plans the owner's invitation of a co-organiser or a professional; it counts once accepted. */
export function inviteMember(
  db: Database,
  networkId: string,
  initiativeId: string,
  invite: { userId: string; role: Exclude<MemberRole, 'owner'>; invitedBy: string },
  now = new Date(),
): Write<Membership> {
  return {
    statements: [
      db
        .insert(memberships)
        .values({ networkId, initiativeId, userId: invite.userId, role: invite.role, status: 'invited', invitedBy: invite.invitedBy, createdAt: now })
        .onConflictDoNothing(),
    ],
    result: { initiativeId, userId: invite.userId, role: invite.role, status: 'invited' },
  };
}

/** Plans accepting an invitation; the member count follows by trigger. */
export function acceptInvitation(db: Database, networkId: string, initiativeId: string, userId: string, role: MemberRole): Write<Membership> {
  return {
    statements: [
      db
        .update(memberships)
        .set({ status: 'active' })
        .where(
          and(
            eq(memberships.networkId, networkId),
            eq(memberships.initiativeId, initiativeId),
            eq(memberships.userId, userId),
            eq(memberships.status, 'invited'),
          ),
        ),
    ],
    result: { initiativeId, userId, role, status: 'active' },
  };
}

/** Plans leaving an initiative (or declining an invitation). */
export function leaveInitiative(db: Database, networkId: string, initiativeId: string, userId: string): Write<null> {
  return {
    statements: [
      db
        .delete(memberships)
        .where(and(eq(memberships.networkId, networkId), eq(memberships.initiativeId, initiativeId), eq(memberships.userId, userId))),
    ],
    result: null,
  };
}
