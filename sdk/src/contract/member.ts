import { z } from 'zod';
import { Id, Timestamp, page } from './common.js';

/** What someone is in an initiative: its one owner, co-organisers, or members. */
export const MemberRole = z.enum(['owner', 'organiser', 'member']);
export type MemberRole = z.infer<typeof MemberRole>;

/** An active member of an initiative; professionals show their organisation. */
export const InitiativeMember = z
  .object({
    user: z.object({ id: Id, displayName: z.string() }),
    role: MemberRole,
    organisation: z.object({ id: Id, name: z.string() }).nullable(),
    joinedAt: Timestamp,
  })
  .meta({ id: 'InitiativeMember' });
export type InitiativeMember = z.infer<typeof InitiativeMember>;

/** One page of members, ordered by user id (stable while people join). */
export const InitiativeMemberPage = page(InitiativeMember).meta({ id: 'InitiativeMemberPage' });
export type InitiativeMemberPage = z.infer<typeof InitiativeMemberPage>;

/**
 * Body of `POST /v1/sites/:site/initiatives/:id/members`, one of three:
 * `{}` joins as a member (residents; an invited user joining accepts the invitation),
 * `{ "accept": true }` accepts your invitation, and `{ "userId", "role" }` lets the owner invite
 * a co-organiser or a professional (who may join only this way).
 */
export const MembershipRequest = z
  .union([
    z.strictObject({ userId: Id, role: MemberRole.exclude(['owner']).default('member') }),
    z.strictObject({ accept: z.literal(true) }),
    z.strictObject({}),
  ])
  .meta({ id: 'MembershipRequest' });
export type MembershipRequest = z.input<typeof MembershipRequest>;

/** A membership as it now stands: `invited` until the invited user accepts. */
export const Membership = z
  .object({
    initiativeId: Id,
    userId: Id,
    role: MemberRole,
    status: z.enum(['invited', 'active']),
  })
  .meta({ id: 'Membership' });
export type Membership = z.infer<typeof Membership>;
