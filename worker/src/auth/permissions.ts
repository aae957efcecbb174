import type { GrantableRole, Role } from '@buurtplein/sdk/contract';

/** Who asks: the user of a verified access token (with its roles snapshot), or nobody in particular. */
export type Actor =
  | { type: 'anonymous' }
  | {
      type: 'user';
      userId: string;
      networkId: string;
      /** The site the session was started on. */
      siteKey: string;
      roles: readonly Role[];
      organisationId: string | null;
      /** Set on a mutation when a moderator blocked the user: they may then only sign in, read and export or delete their data. */
      blocked?: boolean;
    };

/** A site, as the target of signing in and of its settings. */
export interface SiteResource {
  type: 'site';
  networkId: string;
  siteKey: string;
}

/** The resource of a site record. */
export function siteResource(site: { key: string; networkId: string }): SiteResource {
  return { type: 'site', networkId: site.networkId, siteKey: site.key };
}

/** A user's own profile. */
export interface UserResource {
  type: 'user';
  networkId: string;
  userId: string;
}

/** One role of one user. */
export interface RoleResource {
  type: 'role';
  networkId: string;
  userId: string;
  role: GrantableRole;
}

/** A discussion in a neighbourhood: where topics are started and comments written. */
export interface ThreadResource {
  type: 'thread';
  networkId: string;
  neighbourhoodId: string;
}

/** One comment, by its author. */
export interface CommentResource {
  type: 'comment';
  networkId: string;
  authorId: string;
}

/** An initiative as the target of a professional's help. */
export interface HelpTargetResource {
  type: 'help-target';
  networkId: string;
}

/** A help offer: the initiative's owner answers it, the professional who made it follows it up. */
export interface OfferResource {
  type: 'offer';
  networkId: string;
  initiativeOwnerId: string;
  professionalId: string;
}

/** Where a meeting is planned: an initiative (with who runs it) or a neighbourhood. */
export interface EventPlaceResource {
  type: 'event-place';
  networkId: string;
  /** The initiative's owner and organisers; null for a neighbourhood meeting. */
  initiativeOrganiserIds: readonly string[] | null;
}

/** A meeting, with who organises it: its organiser and, for an initiative's meeting, the initiative's. */
export interface EventResource {
  type: 'event';
  networkId: string;
  organiserIds: readonly string[];
}

/** A neighbourhood the site shows, as the place a new initiative starts. */
export interface InitiativePlaceResource {
  type: 'initiative-place';
  networkId: string;
}

/** An initiative, with the asking user's membership of it (the owner always counts as active owner). */
export interface InitiativeResource {
  type: 'initiative';
  networkId: string;
  ownerId: string;
  membership: { role: 'owner' | 'organiser' | 'member'; status: 'invited' | 'active' } | null;
}

/** A piece of content someone reports, in a network. */
export interface ContentResource {
  type: 'content';
  networkId: string;
}

/** Every action a route may ask about, with the kind of resource it acts on. */
export interface Actions {
  /** Start an initiative (any signed-in user of the network; they become its owner). */
  'initiative.create': InitiativePlaceResource;
  /** Edit texts, themes and needs (owner and co-organisers). */
  'initiative.update': InitiativeResource;
  'initiative.changeStatus': InitiativeResource;
  /** +1, or take it back. */
  'initiative.support': InitiativeResource;
  /** Join as a member: residents freely, professionals only when invited. */
  'initiative.join': InitiativeResource;
  /** Invite a co-organiser or a professional (the owner only). */
  'initiative.invite': InitiativeResource;
  /** See whom one could invite, by name and badge, and the invitations still open (the owner only). */
  'initiative.findInvitees': InitiativeResource;
  /** Leave, or decline an invitation; the owner cannot leave their own plan. */
  'initiative.leave': InitiativeResource;
  /** Post a progress update (owner and co-organisers). */
  'update.create': InitiativeResource;
  /** Sign in on a site (SSO or e-mail code). */
  'session.create': SiteResource;
  /** Swap a refresh token for a new pair; the refresh token is the credential. */
  'session.refresh': SiteResource;
  /** Sign out; the refresh token is the credential. */
  'session.end': SiteResource;
  'me.read': UserResource;
  'me.update': UserResource;
  /** Find the network's users by name, e-mail address or id, to grant them a role (network admins). */
  'user.search': SiteResource;
  /** List the network's organisations, to grant the professional role (network admins). */
  'organisation.list': SiteResource;
  'role.grant': RoleResource;
  'role.revoke': RoleResource;
  /** Change a site's origins, theme, neighbourhoods, policy or SSO keys (network admins). */
  'site.configure': SiteResource;
  /** Start a topic in a neighbourhood. */
  'thread.create': ThreadResource;
  /** Comment or reply in a thread. */
  'comment.create': ThreadResource;
  'comment.update': CommentResource;
  'comment.delete': CommentResource;
  /** Hide a comment from everyone (moderators; the moderation routes check `moderation.act` for every kind of content). */
  'comment.hide': CommentResource;
  /** Offer help to an initiative (professionals of an organisation). */
  'offer.create': HelpTargetResource;
  /** Accept or decline an offer (the initiative's owner: the plan stays the residents'). */
  'offer.respond': OfferResource;
  'offer.withdraw': OfferResource;
  'offer.fulfil': OfferResource;
  'event.create': EventPlaceResource;
  'event.rsvp': EventResource;
  /** Write a meeting's minutes back to the thread. */
  'event.report': EventResource;
  /** Add, list and remove a site's webhook endpoints and read their delivery log (network admins). */
  'webhook.manage': SiteResource;
  /** Follow and unfollow, and list one's follows (the user themselves). */
  'follow.manage': UserResource;
  /** Report content to the moderators (any signed-in user). */
  'report.create': ContentResource;
  /** See the moderation queue of the network (moderators). */
  'moderation.queue': SiteResource;
  /** Hide, restore, block, unblock, dismiss (moderators). */
  'moderation.act': SiteResource;
  /** Read the audit log of moderation (moderators and network admins). */
  'moderation.audit': SiteResource;
  /** Read a site's settings and moderation policy (moderators and network admins). */
  'site.readSettings': SiteResource;
  /** Read the figures per neighbourhood (moderators and network admins). */
  'site.figures': SiteResource;
  /** Download everything stored about oneself. */
  'me.export': UserResource;
  /** Delete one's own account and personal data. */
  'me.delete': UserResource;
}

export type Action = keyof Actions;

type Rule<A extends Action> = (actor: Actor, resource: Actions[A]) => boolean;

const anyone = () => true;

function isUser(actor: Actor, networkId: string): actor is Extract<Actor, { type: 'user' }> {
  return actor.type === 'user' && actor.networkId === networkId;
}

function isSelf(actor: Actor, resource: UserResource): boolean {
  return isUser(actor, resource.networkId) && actor.userId === resource.userId;
}

function isNetworkAdmin(actor: Actor, networkId: string): boolean {
  return isUser(actor, networkId) && actor.roles.includes('network-admin');
}

/** The owner and active co-organisers run an initiative. */
function isOrganiserOf(actor: Actor, r: InitiativeResource): boolean {
  if (!isUser(actor, r.networkId)) return false;
  if (actor.userId === r.ownerId) return true;
  return r.membership?.status === 'active' && r.membership.role === 'organiser';
}

function isAuthor(actor: Actor, resource: CommentResource): boolean {
  return isUser(actor, resource.networkId) && actor.userId === resource.authorId;
}

function isModerator(actor: Actor, networkId: string): boolean {
  return isUser(actor, networkId) && actor.roles.includes('moderator');
}

function isProfessional(actor: Actor, networkId: string): boolean {
  return isUser(actor, networkId) && actor.roles.includes('professional') && actor.organisationId !== null;
}

function isOneOf(actor: Actor, networkId: string, userIds: readonly string[]): boolean {
  return isUser(actor, networkId) && userIds.includes(actor.userId);
}

/** What a blocked user may still do: sign in and out, see and take their own data. */
const allowedWhileBlocked: ReadonlySet<Action> = new Set<Action>(['session.create', 'session.refresh', 'session.end', 'me.read', 'me.export', 'me.delete']);

function isModeratorOrAdmin(actor: Actor, networkId: string): boolean {
  return isModerator(actor, networkId) || isNetworkAdmin(actor, networkId);
}

/** The only grants there are; an action without a rule is denied to everyone. */
const rules: { [A in Action]?: Rule<A> } = {
  'initiative.create': (actor, r) => isUser(actor, r.networkId),
  'initiative.update': isOrganiserOf,
  'initiative.changeStatus': isOrganiserOf,
  'initiative.support': (actor, r) => isUser(actor, r.networkId),
  // Professionals help when invited: the initiative stays the residents'.
  'initiative.join': (actor, r) => isUser(actor, r.networkId) && (!actor.roles.includes('professional') || r.membership?.status === 'invited'),
  'initiative.invite': (actor, r) => isUser(actor, r.networkId) && actor.userId === r.ownerId,
  'initiative.findInvitees': (actor, r) => isUser(actor, r.networkId) && actor.userId === r.ownerId,
  'initiative.leave': (actor, r) => isUser(actor, r.networkId) && actor.userId !== r.ownerId,
  'update.create': isOrganiserOf,
  'session.create': anyone,
  'session.refresh': anyone,
  'session.end': anyone,
  'me.read': isSelf,
  'me.update': isSelf,
  'user.search': (actor, r) => isNetworkAdmin(actor, r.networkId),
  'organisation.list': (actor, r) => isNetworkAdmin(actor, r.networkId),
  'role.grant': (actor, r) => isNetworkAdmin(actor, r.networkId),
  // An admin cannot remove their own admin role, so a network never locks itself out by accident.
  'role.revoke': (actor, r) =>
    isNetworkAdmin(actor, r.networkId) && !(r.role === 'network-admin' && actor.type === 'user' && actor.userId === r.userId),
  // Residents and professionals alike discuss in the open.
  'thread.create': (actor, r) => isUser(actor, r.networkId),
  'comment.create': (actor, r) => isUser(actor, r.networkId),
  'comment.update': isAuthor,
  'comment.delete': isAuthor,
  'comment.hide': (actor, r) => isModerator(actor, r.networkId),
  'offer.create': (actor, r) => isProfessional(actor, r.networkId),
  'offer.respond': (actor, r) => isOneOf(actor, r.networkId, [r.initiativeOwnerId]),
  'offer.withdraw': (actor, r) => isOneOf(actor, r.networkId, [r.professionalId]),
  'offer.fulfil': (actor, r) => isOneOf(actor, r.networkId, [r.professionalId]),
  // An initiative's meetings are its organisers' to plan; anyone signed in may call a neighbourhood meeting.
  'event.create': (actor, r) =>
    r.initiativeOrganiserIds === null ? isUser(actor, r.networkId) : isOneOf(actor, r.networkId, r.initiativeOrganiserIds),
  'event.rsvp': (actor, r) => isUser(actor, r.networkId),
  'event.report': (actor, r) => isOneOf(actor, r.networkId, r.organiserIds),
  'webhook.manage': (actor, r) => isNetworkAdmin(actor, r.networkId),
  'follow.manage': isSelf,
  'report.create': (actor, r) => isUser(actor, r.networkId),
  'moderation.queue': (actor, r) => isModerator(actor, r.networkId),
  'moderation.act': (actor, r) => isModerator(actor, r.networkId),
  'moderation.audit': (actor, r) => isModeratorOrAdmin(actor, r.networkId),
  'site.configure': (actor, r) => isNetworkAdmin(actor, r.networkId),
  'site.readSettings': (actor, r) => isModeratorOrAdmin(actor, r.networkId),
  'site.figures': (actor, r) => isModeratorOrAdmin(actor, r.networkId),
  'me.export': isSelf,
  'me.delete': isSelf,
};

/** Whether `actor` may do `action` on `resource`. Default deny: what no rule grants, nobody may. */
export function can<A extends Action>(actor: Actor, action: A, resource: Actions[A]): boolean {
  const rule = Object.hasOwn(rules, action) ? (rules[action] as Rule<A> | undefined) : undefined;
  if (actor.type === 'user' && actor.blocked && !allowedWhileBlocked.has(action)) return false;
  return rule ? rule(actor, resource) : false;
}
