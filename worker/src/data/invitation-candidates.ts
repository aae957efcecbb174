import type { InvitationCandidate, InvitationCandidateList, InvitationReason, PendingInvitation } from '@buurtplein/sdk/contract';
import { and, asc, desc, eq, exists, inArray, ne, notExists, or, sql, type SQL } from 'drizzle-orm';
import { comments, helpOffers, memberships, professionalNeighbourhoods, professionalProfiles, supports, threads } from '../db/community.js';
import { userBlocks } from '../db/moderation.js';
import { identities, organisations, users } from '../db/schema.js';
import type { Database } from './database.js';
import type { InitiativeRow } from './initiatives.js';
import { toOrganisationRef } from './organisations.js';
import { nameHasWordStarting } from './users.js';

/** How many open invitations the owner sees at most, by name. */
export const PENDING_INVITATIONS_SHOWN = 50;

/** A professional's organisation badge; a resident's row (or a former professional's) has none. */
function professionalOrganisation(r: {
  isProfessional: boolean;
  organisationId: string | null;
  organisationName: string | null;
  organisationKind: (typeof organisations.$inferSelect)['kind'] | null;
}) {
  if (!r.isProfessional || r.organisationId === null || r.organisationName === null || r.organisationKind === null) return null;
  return toOrganisationRef({ id: r.organisationId, name: r.organisationName, kind: r.organisationKind });
}

/**
 * The organisation's columns under names of their own: D1's batch returns rows by column name, so
 * a second `id` or `name` would overwrite the user's.
 */
const organisationColumns = {
  organisationId: sql<string | null>`${organisations.id}`.as('organisation_id'),
  organisationName: sql<string | null>`${organisations.name}`.as('organisation_name'),
  organisationKind: sql<(typeof organisations.$inferSelect)['kind'] | null>`${organisations.kind}`.as('organisation_kind'),
};

/**
 * The people the owner of `initiative` can invite, and the invitations still open. Candidates are
 * those who already showed up around it — supporters, authors of visible comments in its
 * discussion, professionals who offered it help — and then the professionals serving its
 * neighbourhood; each group by name, `q` matching the start of a word of the name. Left out: the
 * owner, anyone already a member or invited, users a moderator blocked, and deleted accounts (no
 * way left to sign in, so no way to accept). Everything is read within `networkId`, in one batch.
 */
export async function listInvitationCandidates(
  db: Database,
  networkId: string,
  initiative: Pick<InitiativeRow, 'id' | 'ownerId' | 'neighbourhoodId'>,
  filter: { q?: string; limit: number },
): Promise<InvitationCandidateList> {
  const supporters = db
    .select({ userId: supports.userId })
    .from(supports)
    .where(and(eq(supports.networkId, networkId), eq(supports.initiativeId, initiative.id)));
  const discussion = db
    .select({ id: threads.id })
    .from(threads)
    .where(and(eq(threads.networkId, networkId), eq(threads.initiativeId, initiative.id)));
  const commenters = db
    .select({ userId: comments.authorId })
    .from(comments)
    .where(and(eq(comments.networkId, networkId), inArray(comments.threadId, discussion), eq(comments.status, 'visible')));
  const helpers = db
    .select({ userId: helpOffers.professionalId })
    .from(helpOffers)
    .where(and(eq(helpOffers.networkId, networkId), eq(helpOffers.initiativeId, initiative.id)));
  const serving = db
    .select({ userId: professionalNeighbourhoods.userId })
    .from(professionalNeighbourhoods)
    .where(and(eq(professionalNeighbourhoods.networkId, networkId), eq(professionalNeighbourhoods.neighbourhoodId, initiative.neighbourhoodId)));

  const reasons: Record<InvitationReason, SQL> = {
    supporter: inArray(users.id, supporters),
    commenter: inArray(users.id, commenters),
    'offered-help': inArray(users.id, helpers),
    'serves-neighbourhood': and(eq(users.isProfessional, true), inArray(users.id, serving))!,
  };
  const showedUp = or(reasons.supporter, reasons.commenter, reasons['offered-help'])!;
  const flag = (condition: SQL) => sql<number>`(${condition})`;

  const candidates = db
    .select({
      id: users.id,
      displayName: users.displayName,
      isProfessional: users.isProfessional,
      ...organisationColumns,
      jobTitle: professionalProfiles.jobTitle,
      supporter: flag(reasons.supporter).as('is_supporter'),
      commenter: flag(reasons.commenter).as('is_commenter'),
      offeredHelp: flag(reasons['offered-help']).as('offered_help'),
      servesNeighbourhood: flag(reasons['serves-neighbourhood']).as('serves_neighbourhood'),
    })
    .from(users)
    .leftJoin(organisations, and(eq(organisations.id, users.organisationId), eq(organisations.networkId, networkId)))
    .leftJoin(professionalProfiles, and(eq(professionalProfiles.userId, users.id), eq(professionalProfiles.networkId, networkId)))
    .where(
      and(
        eq(users.networkId, networkId),
        or(showedUp, reasons['serves-neighbourhood']),
        ne(users.id, initiative.ownerId),
        notExists(
          db
            .select({ one: sql`1` })
            .from(memberships)
            .where(and(eq(memberships.networkId, networkId), eq(memberships.initiativeId, initiative.id), eq(memberships.userId, users.id))),
        ),
        notExists(db.select({ one: sql`1` }).from(userBlocks).where(and(eq(userBlocks.networkId, networkId), eq(userBlocks.userId, users.id)))),
        exists(db.select({ one: sql`1` }).from(identities).where(and(eq(identities.networkId, networkId), eq(identities.userId, users.id)))),
        filter.q ? nameHasWordStarting(filter.q) : undefined,
      ),
    )
    .orderBy(desc(flag(showedUp)), asc(users.displayName), asc(users.id))
    .limit(filter.limit);

  const invited = db
    .select({
      id: users.id,
      displayName: users.displayName,
      isProfessional: users.isProfessional,
      ...organisationColumns,
      role: memberships.role,
      invitedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, and(eq(users.id, memberships.userId), eq(users.networkId, networkId)))
    .leftJoin(organisations, and(eq(organisations.id, users.organisationId), eq(organisations.networkId, networkId)))
    .where(and(eq(memberships.networkId, networkId), eq(memberships.initiativeId, initiative.id), eq(memberships.status, 'invited')))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(PENDING_INVITATIONS_SHOWN);

  const [candidateRows, invitedRows] = await db.batch([candidates, invited]);
  return {
    data: candidateRows.map(
      (r): InvitationCandidate => ({
        id: r.id,
        displayName: r.displayName,
        organisation: professionalOrganisation(r),
        jobTitle: r.isProfessional ? (r.jobTitle ?? '') : null,
        reasons: (
          [
            ['supporter', r.supporter],
            ['commenter', r.commenter],
            ['offered-help', r.offeredHelp],
            ['serves-neighbourhood', r.servesNeighbourhood],
          ] as const
        )
          .filter(([, on]) => Number(on) === 1)
          .map(([reason]) => reason),
      }),
    ),
    invited: invitedRows.map(
      (r): PendingInvitation => ({
        id: r.id,
        displayName: r.displayName,
        organisation: professionalOrganisation(r),
        role: r.role === 'organiser' ? 'organiser' : 'member',
        invitedAt: r.invitedAt.toISOString(),
      }),
    ),
  };
}
