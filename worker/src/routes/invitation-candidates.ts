import { InvitationCandidateQuery } from '@buurtplein/sdk/contract';
import { Hono } from 'hono';
import { authorize } from '../auth/authorize.js';
import { listInvitationCandidates } from '../data/invitation-candidates.js';
import type { AppEnv } from '../env.js';
import { parseInput } from '../http/validate.js';
import { initiativeResource, requireParticipation } from './initiative-access.js';

/**
 * `/v1/sites/:site/initiatives/:id/invitation-candidates`: whom the owner can invite — people who
 * already showed up around the initiative, and the professionals serving its neighbourhood — by
 * name and badge, never by e-mail address; with the invitations still open.
 */
export const invitationCandidatesRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const seen = await requireParticipation(c);
  authorize(c, 'initiative.findInvitees', initiativeResource(c, seen));
  const { q, limit } = parseInput(InvitationCandidateQuery, c.req.query());
  return c.json(await listInvitationCandidates(c.get('db'), c.get('site').networkId, seen.initiative, { q, limit }), 200);
});
