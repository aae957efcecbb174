import type { Role } from '@buurtplein/sdk/contract';
import { describe, expect, it } from 'vitest';
import { can, siteResource, type Action, type Actions, type Actor } from './permissions.js';

const NET = 'voorbeeldstad';
const OTHER = 'andersdorp';

function user(userId: string, roles: Role[], networkId = NET): Actor {
  return { type: 'user', userId, networkId, siteKey: 'gemeente-voorbeeldstad', roles, organisationId: null };
}

const actors = {
  anonymous: { type: 'anonymous' },
  resident: user('resident', ['resident']),
  professional: user('professional', ['professional']),
  moderator: user('moderator', ['resident', 'moderator']),
  admin: user('admin', ['resident', 'network-admin']),
  otherNetworkAdmin: user('other-admin', ['resident', 'network-admin'], OTHER),
} satisfies Record<string, Actor>;

type ActorName = keyof typeof actors;

/** One row of the table: an action on a resource and who may do it. */
interface Row<A extends Action = Action> {
  label: string;
  action: A;
  resource: Actions[A];
  allowed: ActorName[];
}

const everyone: ActorName[] = ['anonymous', 'resident', 'professional', 'moderator', 'admin', 'otherNetworkAdmin'];
const site = siteResource({ key: 'gemeente-voorbeeldstad', networkId: NET });

/** Every mutation this issue adds (and the profile read), with who may do it. */
const table: Row[] = [
  { label: 'sign in (SSO or e-mail code)', action: 'session.create', resource: site, allowed: everyone },
  { label: 'refresh a session', action: 'session.refresh', resource: site, allowed: everyone },
  { label: 'sign out', action: 'session.end', resource: site, allowed: everyone },
  { label: 'read own profile', action: 'me.read', resource: { type: 'user', networkId: NET, userId: 'resident' }, allowed: ['resident'] },
  { label: 'change own name', action: 'me.update', resource: { type: 'user', networkId: NET, userId: 'professional' }, allowed: ['professional'] },
  { label: 'change the admin’s name', action: 'me.update', resource: { type: 'user', networkId: NET, userId: 'admin' }, allowed: ['admin'] },
  {
    label: 'grant professional in the network',
    action: 'role.grant',
    resource: { type: 'role', networkId: NET, userId: 'resident', role: 'professional' },
    allowed: ['admin'],
  },
  {
    label: 'grant moderator to oneself',
    action: 'role.grant',
    resource: { type: 'role', networkId: NET, userId: 'moderator', role: 'moderator' },
    allowed: ['admin'],
  },
  {
    label: 'grant network admin in another network',
    action: 'role.grant',
    resource: { type: 'role', networkId: OTHER, userId: 'x', role: 'network-admin' },
    allowed: ['otherNetworkAdmin'],
  },
  {
    label: 'revoke moderator in the network',
    action: 'role.revoke',
    resource: { type: 'role', networkId: NET, userId: 'moderator', role: 'moderator' },
    allowed: ['admin'],
  },
  {
    label: 'revoke one’s own network admin role',
    action: 'role.revoke',
    resource: { type: 'role', networkId: NET, userId: 'admin', role: 'network-admin' },
    allowed: [],
  },
  { label: 'configure the site (network admins)', action: 'site.configure', resource: site, allowed: ['admin'] },
  { label: 'start a topic', action: 'thread.create', resource: { type: 'thread', networkId: NET, neighbourhoodId: 'n' }, allowed: ['resident', 'professional', 'moderator', 'admin'] },
  { label: 'comment in a thread', action: 'comment.create', resource: { type: 'thread', networkId: NET, neighbourhoodId: 'n' }, allowed: ['resident', 'professional', 'moderator', 'admin'] },
  { label: 'edit one’s own comment', action: 'comment.update', resource: { type: 'comment', networkId: NET, authorId: 'resident' }, allowed: ['resident'] },
  { label: 'delete one’s own comment', action: 'comment.delete', resource: { type: 'comment', networkId: NET, authorId: 'professional' }, allowed: ['professional'] },
  { label: 'hide a comment', action: 'comment.hide', resource: { type: 'comment', networkId: NET, authorId: 'resident' }, allowed: ['moderator'] },
];

describe('can(actor, action, resource)', () => {
  it('grants exactly what the role × action table says', () => {
    const actual = table.map((row) => ({
      label: row.label,
      allowed: (Object.keys(actors) as ActorName[]).filter((name) => can(actors[name], row.action, row.resource as never)),
    }));
    expect(actual).toEqual(table.map(({ label, allowed }) => ({ label, allowed })));
  });

  it('denies by default: an action no rule grants is refused to everyone, admins included', () => {
    for (const actor of Object.values(actors)) expect(can(actor, 'site.delete' as Action, site as never)).toBe(false);
  });

  it('denies an action it has never heard of', () => {
    for (const actor of Object.values(actors)) {
      expect(can(actor, 'initiatives.delete-everything' as Action, site as never)).toBe(false);
      expect(can(actor, 'toString' as Action, site as never)).toBe(false);
    }
  });

  it('covers every action with a row of the table', () => {
    const known: Action[] = ['session.create', 'session.refresh', 'session.end', 'me.read', 'me.update', 'role.grant', 'role.revoke', 'site.configure',
      'thread.create', 'comment.create', 'comment.update', 'comment.delete', 'comment.hide'];
    expect(new Set(table.map((r) => r.action))).toEqual(new Set(known));
  });
});
