import {
  CreateInitiativeRequest,
  CreateInitiativeUpdateRequest,
  Id,
  InitiativeDetail,
  InitiativeMemberPage,
  InitiativeUpdate,
  InitiativeUpdatePage,
  Membership,
  MembershipRequest,
  PageQuery,
  type ProblemCode,
  SupportState,
  UpdateInitiativeRequest,
} from '@buurtplein/sdk/contract';
import type { z } from 'zod';
import type { Operation } from './operation.js';

/** What every operation list shares: the `:site` parameter and the problems of writes and of signed-in calls. */
export interface OperationBasics {
  site: Record<string, z.ZodType>;
  writeProblems: ProblemCode[];
  signedIn: ProblemCode[];
}

/** The writes on initiatives and the people around them: start, edit, support, join, updates. */
export function initiativeOperations({ site, writeProblems, signedIn }: OperationBasics): Operation[] {
  const initiative = { ...site, id: Id };
  return [
    {
      method: 'post',
      path: '/v1/sites/:site/initiatives',
      operationId: 'createInitiative',
      tag: 'Initiatives',
      summary: 'Start an initiative',
      description:
        'Any signed-in user of the network starts an initiative in a neighbourhood the site shows; it starts as an `idea`, with the starter as owner, its own discussion thread and the first entry of its status history.',
      params: site,
      auth: true,
      idempotent: true,
      body: CreateInitiativeRequest,
      success: { status: 201, description: 'The new initiative.', schema: InitiativeDetail },
      problems: [...writeProblems, 'not-found', ...signedIn],
    },
    {
      method: 'patch',
      path: '/v1/sites/:site/initiatives/:id',
      operationId: 'updateInitiative',
      tag: 'Initiatives',
      summary: 'Edit an initiative or change its status (organisers)',
      description:
        'The owner and co-organisers edit the texts, themes and needs and move the status: forward through idea → gathering → planning → active (steps may be skipped), completed only from active, paused from an open status and back to any open status, archived from every status; completed can only be archived, archived is final. Every status change is kept in the public history; any other move is `invalid-transition`.',
      params: initiative,
      auth: true,
      idempotent: true,
      body: UpdateInitiativeRequest,
      success: { status: 200, description: 'The initiative as it now is.', schema: InitiativeDetail },
      problems: [...writeProblems, 'not-found', 'invalid-transition', ...signedIn, 'unsafe-link', 'too-many-links'],
    },
    {
      method: 'put',
      path: '/v1/sites/:site/initiatives/:id/support',
      operationId: 'supportInitiative',
      tag: 'Initiatives',
      summary: 'Support an initiative (+1)',
      description: 'One support per user; supporting again changes nothing.',
      params: initiative,
      auth: true,
      idempotent: true,
      success: { status: 200, description: 'The supporter count and that you support it.', schema: SupportState },
      problems: [...writeProblems, 'not-found', ...signedIn],
    },
    {
      method: 'delete',
      path: '/v1/sites/:site/initiatives/:id/support',
      operationId: 'withdrawSupport',
      tag: 'Initiatives',
      summary: 'Take back your support',
      description: 'Withdrawing support you did not give changes nothing.',
      params: initiative,
      auth: true,
      idempotent: true,
      success: { status: 200, description: 'The supporter count and that you no longer support it.', schema: SupportState },
      problems: [...writeProblems, 'not-found', ...signedIn],
    },
    {
      method: 'get',
      path: '/v1/sites/:site/initiatives/:id/members',
      operationId: 'listMembers',
      tag: 'Initiatives',
      summary: 'The active members of an initiative',
      description: 'Display name, role and, for professionals, their organisation; ordered by user id so paging is stable while people join.',
      params: initiative,
      query: PageQuery,
      success: { status: 200, description: 'One page of members.', schema: InitiativeMemberPage },
      problems: ['site-not-found', 'invalid-request', 'not-found'],
    },
    {
      method: 'post',
      path: '/v1/sites/:site/initiatives/:id/members',
      operationId: 'joinInitiative',
      tag: 'Initiatives',
      summary: 'Join, accept an invitation, or invite (owner)',
      description:
        '`{}` joins as a member (residents; professionals only when invited, and for an invited user joining accepts). `{ "accept": true }` accepts your invitation. `{ "userId", "role" }` lets the owner invite a co-organiser (`organiser`) or a professional; the invitation counts once accepted.',
      params: initiative,
      auth: true,
      idempotent: true,
      body: MembershipRequest,
      success: { status: 201, description: 'The membership (200 when an invitation was accepted).', schema: Membership },
      problems: [...writeProblems, 'not-found', 'already-member', ...signedIn],
    },
    {
      method: 'delete',
      path: '/v1/sites/:site/initiatives/:id/members/me',
      operationId: 'leaveInitiative',
      tag: 'Initiatives',
      summary: 'Leave an initiative or decline an invitation',
      description: 'Anyone but the owner can leave; the owner stays the plan owner.',
      params: initiative,
      auth: true,
      idempotent: true,
      success: { status: 204, description: 'You no longer take part.' },
      problems: [...writeProblems, 'not-found', ...signedIn],
    },
    {
      method: 'get',
      path: '/v1/sites/:site/initiatives/:id/updates',
      operationId: 'listInitiativeUpdates',
      tag: 'Initiatives',
      summary: 'An initiative’s progress updates, newest first',
      description: 'The timeline the organisers write.',
      params: initiative,
      query: PageQuery,
      success: { status: 200, description: 'One page of updates.', schema: InitiativeUpdatePage },
      problems: ['site-not-found', 'invalid-request', 'not-found'],
    },
    {
      method: 'post',
      path: '/v1/sites/:site/initiatives/:id/updates',
      operationId: 'createInitiativeUpdate',
      tag: 'Initiatives',
      summary: 'Post a progress update (organisers)',
      description: 'Plain text, shown on the initiative’s timeline.',
      params: initiative,
      auth: true,
      idempotent: true,
      body: CreateInitiativeUpdateRequest,
      success: { status: 201, description: 'The update.', schema: InitiativeUpdate },
      problems: [...writeProblems, 'not-found', ...signedIn, 'unsafe-link', 'too-many-links'],
    },
  ];
}
