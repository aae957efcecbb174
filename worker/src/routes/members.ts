import { MembershipRequest, PageQuery } from '@buurtplein/sdk/contract';
import { Hono } from 'hono';
import { authorize } from '../auth/authorize.js';
import { acceptInvitation, findNetworkUser, findParticipation, inviteMember, joinInitiative, leaveInitiative, listMembers } from '../data/members.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { commitWrite } from '../http/commit-write.js';
import { decodeCursor } from '../http/cursor.js';
import { parseInput } from '../http/validate.js';
import { initiativeResource, requireParticipation, signedInId } from './initiative-access.js';

const alreadyMember = () => new ApiError('already-member', 'U doet al mee met dit initiatief.');

/**
 * `/v1/sites/:site/initiatives/:id/members`: who carries an initiative. Residents join freely;
 * the owner invites co-organisers and professionals, who accept with `{ "accept": true }` (or by
 * joining); anyone but the owner leaves with `DELETE …/members/me`, which also declines an invitation.
 */
export const membersRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { initiative } = await requireParticipation(c);
    const { cursor, limit } = parseInput(PageQuery, c.req.query());
    const page = await listMembers(c.get('db'), c.get('site').networkId, initiative.id, {
      afterUserId: cursor === undefined ? undefined : decodeCursor(cursor),
      limit,
    });
    return c.json(page, 200);
  })
  .post('/', async (c) => {
    const { networkId } = c.get('site');
    const seen = await requireParticipation(c);
    const resource = initiativeResource(c, seen);
    const request = parseInput(MembershipRequest, c.get('body'));
    const db = c.get('db');
    const initiativeId = seen.initiative.id;
    if ('userId' in request) {
      authorize(c, 'initiative.invite', resource);
      if (!(await findNetworkUser(db, networkId, request.userId))) throw new ApiError('not-found', 'Deze gebruiker bestaat niet in dit netwerk.');
      const invitee = await findParticipation(db, c.get('site'), initiativeId, request.userId);
      if (invitee?.membership) throw new ApiError('already-member', 'Deze persoon doet al mee of is al uitgenodigd.');
      return commitWrite(c, inviteMember(db, networkId, initiativeId, { userId: request.userId, role: request.role, invitedBy: signedInId(c) }), 201);
    }
    authorize(c, 'initiative.join', resource);
    const { membership } = seen;
    if (membership?.status === 'active') throw alreadyMember();
    if (membership?.status === 'invited') return commitWrite(c, acceptInvitation(db, networkId, initiativeId, signedInId(c), membership.role), 200);
    if ('accept' in request) throw new ApiError('not-found', 'Er staat geen uitnodiging voor u klaar bij dit initiatief.');
    return commitWrite(c, joinInitiative(db, networkId, initiativeId, signedInId(c)), 201);
  })
  .delete('/me', async (c) => {
    const seen = await requireParticipation(c);
    authorize(c, 'initiative.leave', initiativeResource(c, seen));
    if (!seen.membership) throw new ApiError('not-found', 'U doet niet mee met dit initiatief.');
    return commitWrite(c, leaveInitiative(c.get('db'), c.get('site').networkId, seen.initiative.id, signedInId(c)), 204);
  });
