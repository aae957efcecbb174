import type { HelpOffer, HelpOfferKind, HelpOfferPage, HelpOfferStatus } from '@buurtplein/sdk/contract';
import { and, desc, eq, exists, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { helpOffers, professionalProfiles } from '../db/community.js';
import { newId } from '../db/ids.js';
import { initiatives, organisations, users } from '../db/schema.js';
import { encodeCursor } from '../http/cursor.js';
import type { Database, SiteScope, Write } from './database.js';
import type { InitiativeRef } from './initiative-refs.js';
import { initiativeInScope } from './initiatives.js';
import { toOrganisationRef } from './organisations.js';

type OfferRow = typeof helpOffers.$inferSelect;

/**
 * The columns an offer's wire shape is made of: the row carries its professional's name and job
 * title and the organisation it was made for (copies kept by triggers, migration 0017), so no
 * user, organisation or profile is read per offer.
 */
const offerColumns = {
  offer: helpOffers,
  professionalName: helpOffers.professionalName,
  jobTitle: helpOffers.professionalJobTitle,
  organisationName: helpOffers.organisationName,
  organisationKind: helpOffers.organisationKind,
};

interface OfferSelection {
  offer: OfferRow;
  professionalName: string;
  jobTitle: string | null;
  organisationName: string;
  organisationKind: (typeof organisations.$inferSelect)['kind'];
}

/** Turns an offer with its professional and organisation into its wire shape. */
export function toHelpOffer(row: OfferSelection): HelpOffer {
  const { offer } = row;
  return {
    id: offer.id,
    initiativeId: offer.initiativeId,
    kind: offer.kind as HelpOfferKind,
    message: offer.message,
    status: offer.status,
    professional: { id: offer.professionalId, displayName: row.professionalName, jobTitle: row.jobTitle || null },
    organisation: toOrganisationRef({ id: offer.organisationId, name: row.organisationName, kind: row.organisationKind }),
    createdAt: offer.createdAt.toISOString(),
    respondedAt: offer.respondedAt?.toISOString() ?? null,
    fulfilledAt: offer.fulfilledAt?.toISOString() ?? null,
  };
}

/** One page of an initiative's offers, newest first. */
export async function listOffers(
  db: Database,
  scope: SiteScope,
  initiativeId: string,
  paging: { afterId?: string; limit: number },
): Promise<HelpOfferPage> {
  if (scope.neighbourhoodIds.length === 0) return { data: [], nextCursor: null };
  // The initiative is checked against the site's window once, by its key, not once per offer.
  const shown = db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(and(eq(initiatives.id, initiativeId), initiativeInScope(scope, { byKey: true })));
  const rows = await db
    .select(offerColumns)
    .from(helpOffers)
    .where(
      and(
        eq(helpOffers.networkId, scope.networkId),
        eq(helpOffers.initiativeId, initiativeId),
        exists(shown),
        paging.afterId ? lt(helpOffers.id, paging.afterId) : undefined,
      ),
    )
    .orderBy(desc(helpOffers.id))
    .limit(paging.limit + 1);
  const pageRows = rows.slice(0, paging.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map(toHelpOffer),
    nextCursor: rows.length > paging.limit && last ? encodeCursor(last.offer.id) : null,
  };
}

/** An offer the site shows, with who may answer it (the initiative's owner); null when the site does not show it. */
export async function findOffer(db: Database, scope: SiteScope, offerId: string): Promise<{ offer: HelpOffer; ownerId: string } | null> {
  if (scope.neighbourhoodIds.length === 0) return null;
  const [row] = await db
    .select({ ...offerColumns, ownerId: initiatives.ownerId })
    .from(helpOffers)
    .innerJoin(initiatives, and(eq(initiatives.id, helpOffers.initiativeId), initiativeInScope(scope, { byKey: true })))
    .where(and(eq(helpOffers.networkId, scope.networkId), eq(helpOffers.id, offerId)))
    .limit(1);
  return row ? { offer: toHelpOffer(row), ownerId: row.ownerId } : null;
}

/** A professional about to make an offer, with the badge the neighbourhood will see. */
export type OfferingProfessional = Omit<OfferSelection, 'offer'> & { userId: string; organisationId: string };

/** The professional making an offer, as their badge shows them; null when they are no professional of an organisation. */
export async function findOfferingProfessional(
  db: Database,
  networkId: string,
  userId: string,
): Promise<OfferingProfessional | null> {
  const [row] = await db
    .select({
      userId: users.id,
      professionalName: users.displayName,
      jobTitle: professionalProfiles.jobTitle,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
    })
    .from(users)
    .innerJoin(organisations, and(eq(organisations.id, users.organisationId), eq(organisations.networkId, networkId)))
    .leftJoin(professionalProfiles, eq(professionalProfiles.userId, users.id))
    .where(and(eq(users.networkId, networkId), eq(users.id, userId), eq(users.isProfessional, true)))
    .limit(1);
  return row ?? null;
}

/** Plans a professional's offer of help to an initiative. */
export function createOffer(
  db: Database,
  networkId: string,
  initiative: InitiativeRef,
  professional: OfferingProfessional,
  input: { kind: HelpOfferKind; message: string },
  now: Date = new Date(),
): Write<HelpOffer> {
  const offer: OfferRow = {
    id: newId(now.getTime()),
    networkId,
    initiativeId: initiative.id,
    professionalId: professional.userId,
    organisationId: professional.organisationId,
    kind: input.kind,
    message: input.message,
    status: 'offered',
    respondedBy: null,
    respondedAt: null,
    fulfilledAt: null,
    professionalName: professional.professionalName,
    professionalJobTitle: professional.jobTitle,
    organisationName: professional.organisationName,
    organisationKind: professional.organisationKind,
    createdAt: now,
  };
  return {
    statements: [db.insert(helpOffers).values(offer)],
    result: toHelpOffer({ offer, ...professional }),
  };
}

/** The moves of an offer: who makes each is the permission module's business, which states allow it is this table's. */
export const offerTransitions = {
  accept: { from: ['offered'], to: 'accepted' },
  decline: { from: ['offered'], to: 'declined' },
  withdraw: { from: ['offered', 'accepted'], to: 'withdrawn' },
  fulfil: { from: ['accepted'], to: 'fulfilled' },
} as const satisfies Record<string, { from: readonly HelpOfferStatus[]; to: HelpOfferStatus }>;

export type OfferMove = keyof typeof offerTransitions;

/** Whether `move` is allowed from the offer's current status. */
export function canMove(offer: HelpOffer, move: OfferMove): boolean {
  return (offerTransitions[move].from as readonly HelpOfferStatus[]).includes(offer.status);
}

/**
 * Plans a move of an offer. The update is guarded by the statuses it may leave, so a move that
 * raced another one changes nothing rather than skipping a state.
 */
export function moveOffer(db: Database, networkId: string, offer: HelpOffer, move: OfferMove, actorId: string, now: Date = new Date()): Write<HelpOffer> {
  const { from, to } = offerTransitions[move];
  const responds = move === 'accept' || move === 'decline';
  const set: Partial<OfferRow> = { status: to };
  if (responds) Object.assign(set, { respondedBy: actorId, respondedAt: now });
  if (move === 'fulfil') set.fulfilledAt = now;
  return {
    statements: [
      db
        .update(helpOffers)
        .set(set)
        .where(and(eq(helpOffers.networkId, networkId), eq(helpOffers.id, offer.id), inArray(helpOffers.status, [...from]))),
    ],
    result: {
      ...offer,
      status: to,
      respondedAt: responds ? now.toISOString() : offer.respondedAt,
      fulfilledAt: move === 'fulfil' ? now.toISOString() : offer.fulfilledAt,
    },
  };
}

/** How an organisation answers the neighbourhood: for the console's figures. */
export interface OrganisationResponseFigures {
  /** Offers its professionals made. */
  offers: number;
  /** Of those, how many the owner accepted (fulfilled ones included). */
  accepted: number;
  /** Median hours from an offer to the owner's answer, over answered offers; null when none was answered. */
  medianResponseHours: number | null;
}

/** The response figures of one organisation in a network. */
export async function organisationResponseFigures(db: Database, networkId: string, organisationId: string): Promise<OrganisationResponseFigures> {
  const inOrganisation = and(eq(helpOffers.networkId, networkId), eq(helpOffers.organisationId, organisationId));
  const [counts] = await db
    .select({
      offers: sql<number>`count(*)`,
      accepted: sql<number>`coalesce(sum(${helpOffers.status} in ('accepted', 'fulfilled')), 0)`,
    })
    .from(helpOffers)
    .where(inOrganisation);
  const durations = await db
    .select({ ms: sql<number>`${helpOffers.respondedAt} - ${helpOffers.createdAt}` })
    .from(helpOffers)
    .where(and(inOrganisation, isNotNull(helpOffers.respondedAt)))
    .orderBy(sql`1`);
  return {
    offers: counts?.offers ?? 0,
    accepted: counts?.accepted ?? 0,
    medianResponseHours: median(durations.map((d) => d.ms / 3_600_000)),
  };
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 10) / 10;
}
