import { z } from 'zod';
import { Id, Timestamp } from './common.js';
import { Role } from './me.js';

/** A role a network admin can grant or revoke; `resident` is what every user is without one. */
export const GrantableRole = Role.exclude(['resident']);
export type GrantableRole = z.infer<typeof GrantableRole>;

/** Body of `POST /v1/sites/:site/admin/users/:userId/roles`; a professional needs an organisation. */
export const RoleGrantRequest = z
  .strictObject({ role: GrantableRole, organisationId: Id.optional() })
  .refine((r) => r.role !== 'professional' || r.organisationId !== undefined, {
    message: 'een professional hoort bij een organisatie',
    path: ['organisationId'],
  })
  .meta({ id: 'RoleGrantRequest' });
export type RoleGrantRequest = z.infer<typeof RoleGrantRequest>;

/** One grant or revocation of a role, as kept in the network's audit trail. */
export const RoleChange = z
  .object({
    id: Id,
    userId: Id,
    role: GrantableRole,
    change: z.enum(['grant', 'revoke']),
    organisationId: Id.nullable(),
    /** The admin who made the change; null when a verified e-mail domain granted it. */
    changedBy: Id.nullable(),
    reason: z.enum(['admin', 'email-domain']),
    createdAt: Timestamp,
  })
  .meta({ id: 'RoleChange' });
export type RoleChange = z.infer<typeof RoleChange>;

/**
 * Query of `GET /v1/sites/:site/admin/users`: a user's exact e-mail address or id, or the start
 * of a word of their display name. Two characters at least, so the list is never the whole network.
 */
export const UserSearchQuery = z.strictObject({ q: z.string().trim().min(2).max(254) });
export type UserSearchQuery = z.infer<typeof UserSearchQuery>;

/** A user as network admins find them to grant a role: no e-mail address, only what the roles form needs. */
export const UserSummary = z
  .object({
    id: Id,
    displayName: z.string(),
    roles: z.array(Role),
    organisation: z.object({ id: Id, name: z.string() }).nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'UserSummary' });
export type UserSummary = z.infer<typeof UserSummary>;

/** Answer of `GET /v1/sites/:site/admin/users`: at most 20 matches, by display name. */
export const UserSearchResult = z.object({ data: z.array(UserSummary) }).meta({ id: 'UserSearchResult' });
export type UserSearchResult = z.infer<typeof UserSearchResult>;
