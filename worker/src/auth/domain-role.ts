import type { Database } from '../data/database.js';
import { changeRole, findMe, hasRoleHistory, organisationOfDomain } from '../data/users.js';

/**
 * Makes a user who proved an address at an organisation's verified domain that organisation's
 * professional, unless they already are one, or an admin (or an earlier sign-in) already decided
 * on the role: that decision stands.
 */
export async function grantRoleByEmailDomain(db: Database, networkId: string, userId: string, email: string): Promise<void> {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const organisationId = await organisationOfDomain(db, networkId, domain);
  if (!organisationId) return;
  const user = await findMe(db, networkId, userId);
  if (!user || user.roles.includes('professional') || (await hasRoleHistory(db, networkId, userId, 'professional'))) return;
  const { statements } = changeRole(db, networkId, {
    userId,
    role: 'professional',
    change: 'grant',
    organisationId,
    changedBy: null,
    reason: 'email-domain',
  });
  await db.batch(statements);
}
