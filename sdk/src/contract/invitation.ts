import { z } from 'zod';
import { Id, Limit, Timestamp } from './common.js';
import { MemberRole } from './member.js';
import { OrganisationRef } from './organisation.js';

/**
 * Why someone is worth inviting: they support the initiative, wrote in its discussion, offered it
 * help, or are a professional serving its neighbourhood.
 */
export const InvitationReason = z.enum(['supporter', 'commenter', 'offered-help', 'serves-neighbourhood']);
export type InvitationReason = z.infer<typeof InvitationReason>;

/** Someone the owner can invite: a name and, for a professional, the organisation badge; never an e-mail address. */
export const InvitationCandidate = z
  .object({
    id: Id,
    displayName: z.string(),
    /** The organisation of a professional; null for a resident. */
    organisation: OrganisationRef.nullable(),
    /** A professional's job title as the directory shows it; null for a resident. */
    jobTitle: z.string().nullable(),
    /** At least one reason, in the order of `InvitationReason`. */
    reasons: z.array(InvitationReason).min(1),
  })
  .meta({ id: 'InvitationCandidate' });
export type InvitationCandidate = z.infer<typeof InvitationCandidate>;

/** An invitation the invited user has not answered yet. */
export const PendingInvitation = z
  .object({
    id: Id,
    displayName: z.string(),
    organisation: OrganisationRef.nullable(),
    role: MemberRole.exclude(['owner']),
    invitedAt: Timestamp,
  })
  .meta({ id: 'PendingInvitation' });
export type PendingInvitation = z.infer<typeof PendingInvitation>;

/**
 * Answer of `GET /v1/sites/:site/initiatives/:id/invitation-candidates`: up to `limit` people to
 * invite — those who already showed up around the initiative first, then the professionals serving
 * its neighbourhood, each group by name — and the invitations still open, by name.
 */
export const InvitationCandidateList = z
  .object({ data: z.array(InvitationCandidate), invited: z.array(PendingInvitation) })
  .meta({ id: 'InvitationCandidateList' });
export type InvitationCandidateList = z.infer<typeof InvitationCandidateList>;

/** Filter and size of `GET /v1/sites/:site/initiatives/:id/invitation-candidates`. */
export const InvitationCandidateQuery = z.strictObject({
  /** The start of any word of the name, regardless of case. */
  q: z.string().trim().min(1).max(80).optional(),
  limit: Limit,
});
export type InvitationCandidateQuery = z.infer<typeof InvitationCandidateQuery>;
export type InvitationCandidateParams = z.input<typeof InvitationCandidateQuery>;
