import type { Role } from '@buurtplein/sdk/contract';
import { describe, expect, it } from 'vitest';
import { can, siteResource, type Action, type Actions, type Actor } from './permissions.js';

/**
 * Every role × every action, exhaustively: the table below must name every action of `Actions`
 * (TypeScript refuses it otherwise), with exactly the roles that may do it. Resources are chosen
 * so that the resident owns, wrote or is what the action is about; the blocked user is that same
 * resident, blocked, which proves what blocking takes away.
 */

const NET = 'voorbeeldstad';

type RoleName = 'anonymous' | 'resident' | 'professional' | 'moderator' | 'network-admin' | 'blocked';

function user(userId: string, roles: Role[], extra: Partial<Extract<Actor, { type: 'user' }>> = {}): Actor {
  return { type: 'user', userId, networkId: NET, siteKey: 'gemeente-voorbeeldstad', roles, organisationId: null, ...extra };
}

const actors: Record<RoleName, Actor> = {
  anonymous: { type: 'anonymous' },
  resident: user('resident', ['resident']),
  professional: user('professional', ['professional'], { organisationId: 'gemeente' }),
  moderator: user('moderator', ['resident', 'moderator']),
  'network-admin': user('admin', ['resident', 'network-admin']),
  blocked: user('resident', ['resident'], { blocked: true }),
};
const roleNames = Object.keys(actors) as RoleName[];

const site = siteResource({ key: 'gemeente-voorbeeldstad', networkId: NET });
const self = { type: 'user', networkId: NET, userId: 'resident' } as const;
const ownInitiative = { type: 'initiative', networkId: NET, ownerId: 'resident', membership: null } as const;
const thread = { type: 'thread', networkId: NET, neighbourhoodId: 'n' } as const;
const ownComment = { type: 'comment', networkId: NET, authorId: 'resident' } as const;
const offer = { type: 'offer', networkId: NET, initiativeOwnerId: 'resident', professionalId: 'professional' } as const;

const members: RoleName[] = ['resident', 'professional', 'moderator', 'network-admin'];
const everyone: RoleName[] = [...roleNames];

const matrix: { [A in Action]: { resource: Actions[A]; allowed: RoleName[] } } = {
  'initiative.create': { resource: { type: 'initiative-place', networkId: NET }, allowed: members },
  'initiative.update': { resource: ownInitiative, allowed: ['resident'] },
  'initiative.changeStatus': { resource: ownInitiative, allowed: ['resident'] },
  'initiative.support': { resource: ownInitiative, allowed: members },
  // Professionals join only when invited: the initiative stays the residents'.
  'initiative.join': { resource: ownInitiative, allowed: ['resident', 'moderator', 'network-admin'] },
  'initiative.invite': { resource: ownInitiative, allowed: ['resident'] },
  // Only the owner sees whom they could invite: names and badges of people around the initiative.
  'initiative.findInvitees': { resource: ownInitiative, allowed: ['resident'] },
  // The owner cannot leave their own plan.
  'initiative.leave': { resource: ownInitiative, allowed: ['professional', 'moderator', 'network-admin'] },
  'update.create': { resource: ownInitiative, allowed: ['resident'] },
  'session.create': { resource: site, allowed: everyone },
  'session.refresh': { resource: site, allowed: everyone },
  'session.end': { resource: site, allowed: everyone },
  'me.read': { resource: self, allowed: ['resident', 'blocked'] },
  'me.update': { resource: self, allowed: ['resident'] },
  'me.export': { resource: self, allowed: ['resident', 'blocked'] },
  'me.delete': { resource: self, allowed: ['resident', 'blocked'] },
  'user.search': { resource: site, allowed: ['network-admin'] },
  'organisation.list': { resource: site, allowed: ['network-admin'] },
  'role.grant': { resource: { type: 'role', networkId: NET, userId: 'resident', role: 'professional' }, allowed: ['network-admin'] },
  'role.revoke': { resource: { type: 'role', networkId: NET, userId: 'moderator', role: 'moderator' }, allowed: ['network-admin'] },
  'site.configure': { resource: site, allowed: ['network-admin'] },
  'site.readSettings': { resource: site, allowed: ['moderator', 'network-admin'] },
  'site.figures': { resource: site, allowed: ['moderator', 'network-admin'] },
  'thread.create': { resource: thread, allowed: members },
  'comment.create': { resource: thread, allowed: members },
  'comment.update': { resource: ownComment, allowed: ['resident'] },
  'comment.delete': { resource: ownComment, allowed: ['resident'] },
  'comment.hide': { resource: ownComment, allowed: ['moderator'] },
  'offer.create': { resource: { type: 'help-target', networkId: NET }, allowed: ['professional'] },
  'offer.respond': { resource: offer, allowed: ['resident'] },
  'offer.withdraw': { resource: offer, allowed: ['professional'] },
  'offer.fulfil': { resource: offer, allowed: ['professional'] },
  'event.create': { resource: { type: 'event-place', networkId: NET, initiativeOrganiserIds: null }, allowed: members },
  'event.rsvp': { resource: { type: 'event', networkId: NET, organiserIds: ['resident'] }, allowed: members },
  'event.report': { resource: { type: 'event', networkId: NET, organiserIds: ['resident'] }, allowed: ['resident'] },
  'webhook.manage': { resource: site, allowed: ['network-admin'] },
  'follow.manage': { resource: self, allowed: ['resident'] },
  'report.create': { resource: { type: 'content', networkId: NET }, allowed: members },
  'moderation.queue': { resource: site, allowed: ['moderator'] },
  'moderation.act': { resource: site, allowed: ['moderator'] },
  'moderation.audit': { resource: site, allowed: ['moderator', 'network-admin'] },
};

const actions = Object.keys(matrix) as Action[];

function allowedRoles<A extends Action>(action: A): RoleName[] {
  const { resource } = matrix[action];
  return roleNames.filter((role) => can(actors[role], action, resource));
}

describe('permission matrix: every role × every action', () => {
  it.each(actions)('%s is granted to exactly the roles the matrix names', (action) => {
    expect(allowedRoles(action)).toEqual(roleNames.filter((r) => matrix[action].allowed.includes(r)));
  });

  it('lets a blocked user do nothing but sign in and out and see, export or delete their own data', () => {
    const stillAllowed = actions.filter((action) => can(actors.blocked, action, matrix[action].resource as never));
    expect(stillAllowed.sort()).toEqual(['me.delete', 'me.export', 'me.read', 'session.create', 'session.end', 'session.refresh']);
  });

  it('denies everything to a user of another network who holds every role, except signing in', () => {
    const stranger: Actor = { type: 'user', userId: 'resident', networkId: 'andersdorp', siteKey: 'andersdorp', roles: ['professional', 'moderator', 'network-admin'], organisationId: 'x' };
    const allowed = actions.filter((action) => can(stranger, action, matrix[action].resource as never));
    expect(allowed.sort()).toEqual(['session.create', 'session.end', 'session.refresh']);
  });

  it('denies by default: an action without a rule, or a name from Object.prototype, is refused to every role', () => {
    for (const action of ['initiative.delete', 'site.delete', 'toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      for (const role of roleNames) expect(can(actors[role], action as Action, site as never), `${role} ${action}`).toBe(false);
    }
  });

  it('grants anonymous visitors only what needs no account', () => {
    expect(actions.filter((action) => can(actors.anonymous, action, matrix[action].resource as never)).sort()).toEqual(['session.create', 'session.end', 'session.refresh']);
  });
});
