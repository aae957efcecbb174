import { z } from 'zod';
import { Id, Timestamp } from './common.js';

/** Rows of one kind in an export: each as stored, in JSON. */
const ExportRows = z.array(z.record(z.string(), z.unknown()));

/**
 * `GET /v1/sites/:site/me/export`: everything Buurtplein stores about the signed-in user, per
 * kind, machine-readable (AVG/GDPR art. 15 and 20). Secrets (token and code hashes) are left out.
 */
export const UserExport = z
  .object({
    exportedAt: Timestamp,
    networkId: z.string(),
    user: z.record(z.string(), z.unknown()),
    identities: ExportRows,
    sessions: ExportRows,
    initiatives: ExportRows,
    memberships: ExportRows,
    supports: ExportRows,
    statusChanges: ExportRows,
    updates: ExportRows,
    threads: ExportRows,
    comments: ExportRows,
    helpOffers: ExportRows,
    events: ExportRows,
    rsvps: ExportRows,
    reports: ExportRows,
    roleChanges: ExportRows,
    moderationDecisions: ExportRows,
    blocked: z.boolean(),
    professionalProfile: z.record(z.string(), z.unknown()).nullable(),
    professionalNeighbourhoods: ExportRows,
    follows: ExportRows,
    notificationSettings: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'UserExport' });
export type UserExport = z.infer<typeof UserExport>;

/** What happens to what the user wrote when they delete their account. */
export const ContributionsChoice = z.enum(['keep', 'remove']);
export type ContributionsChoice = z.infer<typeof ContributionsChoice>;

/**
 * Body of `DELETE /v1/sites/:site/me`. `keep`: initiatives, comments and the like stay, under the
 * neutral name "Voormalig buurtbewoner"; `remove`: their text is removed too.
 */
export const DeleteMeRequest = z.strictObject({ contributions: ContributionsChoice }).meta({ id: 'DeleteMeRequest' });
export type DeleteMeRequest = z.infer<typeof DeleteMeRequest>;

/** Answer of `DELETE /v1/sites/:site/me`. */
export const AccountDeleted = z
  .object({ userId: Id, contributions: ContributionsChoice, deletedAt: Timestamp })
  .meta({ id: 'AccountDeleted' });
export type AccountDeleted = z.infer<typeof AccountDeleted>;

/** The name a deleted user's kept contributions show. */
export const FORMER_RESIDENT_NAME = 'Voormalig buurtbewoner';
