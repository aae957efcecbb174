import type { GrantableRole, Me, Role, RoleChange, UserSummary } from '@buurtplein/sdk/contract';
import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { newId } from '../db/ids.js';
import { professionalNeighbourhoods } from '../db/community.js';
import { identities, neighbourhoods, organisationDomains, organisations, roleChanges, users } from '../db/schema.js';
import type { Database, Write } from './database.js';
import type { SiteRecord } from './sites.js';

type UserRow = typeof users.$inferSelect;

/** A user's roles, from the flags on their row: resident or professional, plus moderator and admin. */
export function rolesOf(row: Pick<UserRow, 'isProfessional' | 'isModerator' | 'isNetworkAdmin'>): Role[] {
  const roles: Role[] = [row.isProfessional ? 'professional' : 'resident'];
  if (row.isModerator) roles.push('moderator');
  if (row.isNetworkAdmin) roles.push('network-admin');
  return roles;
}

/** A user of the network with their organisation and home neighbourhood, as `GET /me` shows them; null when unknown. */
export async function findMe(db: Database, networkId: string, userId: string): Promise<Me | null> {
  const [row] = await db
    .select({ user: users, organisationName: organisations.name, neighbourhoodName: neighbourhoods.name })
    .from(users)
    .leftJoin(organisations, and(eq(organisations.id, users.organisationId), eq(organisations.networkId, networkId)))
    .leftJoin(neighbourhoods, and(eq(neighbourhoods.id, users.homeNeighbourhoodId), eq(neighbourhoods.networkId, networkId)))
    .where(and(eq(users.networkId, networkId), eq(users.id, userId)))
    .limit(1);
  if (!row) return null;
  const { user } = row;
  return {
    id: user.id,
    displayName: user.displayName,
    roles: rolesOf(user),
    organisation: user.organisationId && row.organisationName !== null ? { id: user.organisationId, name: row.organisationName } : null,
    homeNeighbourhood:
      user.homeNeighbourhoodId && row.neighbourhoodName !== null ? { id: user.homeNeighbourhoodId, name: row.neighbourhoodName } : null,
  };
}

/**
 * The user as `GET /me` and signing in show them on `site`: `findMe`, and for a professional the
 * neighbourhoods they serve that the site shows, in the site's order (names and CBS codes from the
 * site, so the one read is the professional's own index range).
 */
export async function findMeOnSite(db: Database, site: Pick<SiteRecord, 'networkId' | 'neighbourhoods'>, userId: string): Promise<Me | null> {
  const me = await findMe(db, site.networkId, userId);
  if (!me) return null;
  if (!me.roles.includes('professional')) return { ...me, servedNeighbourhoods: [] };
  const rows = await db
    .select({ id: professionalNeighbourhoods.neighbourhoodId })
    .from(professionalNeighbourhoods)
    .where(and(eq(professionalNeighbourhoods.networkId, site.networkId), eq(professionalNeighbourhoods.userId, userId)));
  const served = new Set(rows.map((r) => r.id));
  return {
    ...me,
    servedNeighbourhoods: site.neighbourhoods.filter((n) => served.has(n.id)).map(({ id, name, cbsCode }) => ({ id, name, cbsCode })),
  };
}

/** How many users a search returns at most. */
export const USER_SEARCH_LIMIT = 20;

/** `text` for a LIKE pattern, its wildcards taken literally (escape character `\`). */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Whether a user's display name has a word starting with `query`, ignoring case; a LIKE wildcard in it is taken literally. */
export function nameHasWordStarting(query: string): SQL {
  const word = likeLiteral(query.toLowerCase());
  return or(
    sql`lower(${users.displayName}) like ${`${word}%`} escape '\\'`,
    sql`lower(${users.displayName}) like ${`% ${word}%`} escape '\\'`,
  )!;
}

/**
 * The network's users a network admin looks for: by exact e-mail address (the one on the user or
 * of an e-mail sign-in), exact id, or the start of any word of the display name, ignoring case.
 * Sorted by display name; e-mail addresses are matched, never returned.
 */
export async function searchUsers(db: Database, networkId: string, query: string): Promise<UserSummary[]> {
  const lowered = query.toLowerCase();
  const rows = await db
    .select({ user: users, organisationName: organisations.name })
    .from(users)
    .leftJoin(organisations, and(eq(organisations.id, users.organisationId), eq(organisations.networkId, networkId)))
    .where(
      and(
        eq(users.networkId, networkId),
        or(
          eq(users.id, query),
          eq(users.email, lowered),
          nameHasWordStarting(query),
          sql`exists (select 1 from ${identities} where ${identities.networkId} = ${networkId} and ${identities.userId} = ${users.id}
            and ${identities.provider} = 'email' and ${identities.subject} = ${lowered})`,
        ),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(USER_SEARCH_LIMIT);
  return rows.map(({ user, organisationName }) => ({
    id: user.id,
    displayName: user.displayName,
    roles: rolesOf(user),
    organisation: user.organisationId && organisationName !== null ? { id: user.organisationId, name: organisationName } : null,
    createdAt: user.createdAt.toISOString(),
  }));
}

/** Plans a change of the user's display name; `me` is the user as read before. */
export function updateDisplayName(db: Database, networkId: string, me: Me, displayName: string): Write<Me> {
  return {
    statements: [db.update(users).set({ displayName }).where(and(eq(users.networkId, networkId), eq(users.id, me.id)))],
    result: { ...me, displayName },
  };
}

/** Whether the network has an organisation with this id. */
export async function organisationExists(db: Database, networkId: string, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.networkId, networkId), eq(organisations.id, organisationId)))
    .limit(1);
  return row !== undefined;
}

/** The organisation that verified this e-mail domain in the network, if one did. */
export async function organisationOfDomain(db: Database, networkId: string, domain: string): Promise<string | null> {
  const [row] = await db
    .select({ organisationId: organisationDomains.organisationId })
    .from(organisationDomains)
    .where(and(eq(organisationDomains.networkId, networkId), eq(organisationDomains.domain, domain)))
    .limit(1);
  return row?.organisationId ?? null;
}

/** Whether the user's `role` was ever granted or revoked (by an admin or a domain). */
export async function hasRoleHistory(db: Database, networkId: string, userId: string, role: GrantableRole): Promise<boolean> {
  const [row] = await db
    .select({ id: roleChanges.id })
    .from(roleChanges)
    .where(and(eq(roleChanges.networkId, networkId), eq(roleChanges.userId, userId), eq(roleChanges.role, role)))
    .limit(1);
  return row !== undefined;
}

/** A grant or revocation to plan. */
export interface RoleChangeInput {
  userId: string;
  role: GrantableRole;
  change: 'grant' | 'revoke';
  /** For a professional grant: the organisation they work for. */
  organisationId?: string;
  changedBy: string | null;
  reason: 'admin' | 'email-domain';
}

function roleFlags(input: RoleChangeInput): Partial<UserRow> {
  const on = input.change === 'grant';
  switch (input.role) {
    case 'professional':
      return { isProfessional: on, organisationId: on ? (input.organisationId ?? null) : null };
    case 'moderator':
      return { isModerator: on };
    case 'network-admin':
      return { isNetworkAdmin: on };
  }
}

/** Plans a role change: the user's flags and a row in the network's audit trail of role changes. */
export function changeRole(db: Database, networkId: string, input: RoleChangeInput, now = new Date()): Write<RoleChange> {
  const id = newId(now.getTime());
  const organisationId = input.role === 'professional' && input.change === 'grant' ? (input.organisationId ?? null) : null;
  return {
    statements: [
      db.update(users).set(roleFlags(input)).where(and(eq(users.networkId, networkId), eq(users.id, input.userId))),
      db.insert(roleChanges).values({
        id,
        networkId,
        userId: input.userId,
        role: input.role,
        change: input.change,
        organisationId,
        changedBy: input.changedBy,
        reason: input.reason,
        createdAt: now,
      }),
    ],
    result: {
      id,
      userId: input.userId,
      role: input.role,
      change: input.change,
      organisationId,
      changedBy: input.changedBy,
      reason: input.reason,
      createdAt: now.toISOString(),
    },
  };
}
