import type {
  CreateInitiativeRequest,
  CreateInitiativeUpdateRequest,
  InitiativeDetail,
  InitiativeListParams,
  InitiativeMember,
  InitiativePage,
  InitiativeUpdate,
  InvitationCandidateList,
  InvitationCandidateParams,
  Membership,
  MemberRole,
  Page,
  SupportState,
  UpdateInitiativeRequest,
} from '../contract/index.js';
import type { ReadOptions, Transport, WriteOptions } from '../http.js';
import { paginate, type PageParams } from '../pagination.js';
import { path } from '../path.js';

/** The active members of initiatives, and joining, inviting (with whom to invite), answering an invitation and leaving. */
function membersResource(transport: Transport) {
  const list = (initiativeId: string, params: PageParams = {}, options: ReadOptions = {}) =>
    transport.request<Page<InitiativeMember>>({ method: 'GET', path: path`/initiatives/${initiativeId}/members`, query: params, ...options });
  const post = (initiativeId: string, body: object, options: WriteOptions) =>
    transport.request<Membership>({ method: 'POST', path: path`/initiatives/${initiativeId}/members`, body, ...options });
  const leave = (initiativeId: string, options: WriteOptions = {}) =>
    transport.request<void>({ method: 'DELETE', path: path`/initiatives/${initiativeId}/members/me`, ...options });
  return {
    /** One page of active members, ordered by user id. */
    list,
    /** Every active member, page after page. */
    all: (initiativeId: string, params: PageParams = {}) => paginate((p: PageParams) => list(initiativeId, p), params),
    /** Join as a member (residents; an invited user joining accepts the invitation). */
    join: (initiativeId: string, options: WriteOptions = {}) => post(initiativeId, {}, options),
    /** The owner invites a co-organiser or a professional; the invitation counts once accepted. */
    invite: (initiativeId: string, invitation: { userId: string; role?: Exclude<MemberRole, 'owner'> }, options: WriteOptions = {}) =>
      post(initiativeId, invitation, options),
    /**
     * Whom the owner can invite — people who already showed up around the initiative, then the
     * professionals serving its neighbourhood, `q` matching a word of the name — and the invitations
     * still open. Names and badges only, never e-mail addresses; the owner only.
     */
    candidates: (initiativeId: string, params: InvitationCandidateParams = {}, options: ReadOptions = {}) =>
      transport.request<InvitationCandidateList>({ method: 'GET', path: path`/initiatives/${initiativeId}/invitation-candidates`, query: params, ...options }),
    /** Accept your invitation. */
    accept: (initiativeId: string, options: WriteOptions = {}) => post(initiativeId, { accept: true }, options),
    /** Decline your invitation (the same call as leaving). */
    decline: (initiativeId: string, options: WriteOptions = {}) => leave(initiativeId, options),
    /** Leave, or decline an invitation; the owner cannot leave. */
    leave,
  };
}

/** Initiatives' progress updates: the timeline organisers write. */
function updatesResource(transport: Transport) {
  const list = (initiativeId: string, params: PageParams = {}, options: ReadOptions = {}) =>
    transport.request<Page<InitiativeUpdate>>({ method: 'GET', path: path`/initiatives/${initiativeId}/updates`, query: params, ...options });
  return {
    /** One page of updates, newest first. */
    list,
    /** Every update, page after page. */
    all: (initiativeId: string, params: PageParams = {}) => paginate((p: PageParams) => list(initiativeId, p), params),
    /** Post a progress update (organisers). */
    create: (initiativeId: string, update: CreateInitiativeUpdateRequest, options: WriteOptions = {}) =>
      transport.request<InitiativeUpdate>({ method: 'POST', path: path`/initiatives/${initiativeId}/updates`, body: update, ...options }),
  };
}

/** Initiatives in the neighbourhoods the site shows, and everything people do with them. */
export function initiativesResource(transport: Transport) {
  const list = (params: InitiativeListParams = {}, options: ReadOptions = {}) =>
    transport.request<InitiativePage>({ method: 'GET', path: '/initiatives', query: params, ...options });
  const support = (method: 'PUT' | 'DELETE') => (id: string, options: WriteOptions = {}) =>
    transport.request<SupportState>({ method, path: path`/initiatives/${id}/support`, ...options });
  return {
    /** One page of initiatives, newest first; with `q` a search ranked by relevance. */
    list,
    /** Every initiative matching the filters, fetching page after page as you iterate. */
    all: (params: InitiativeListParams = {}) => paginate(list, params),
    /** One initiative with members, offers, upcoming meetings, similar initiatives and your relation to it. */
    get: (id: string, options: ReadOptions = {}) => transport.request<InitiativeDetail>({ method: 'GET', path: path`/initiatives/${id}`, ...options }),
    /** Start an initiative; it starts as an `idea` with you as its owner. */
    create: (initiative: CreateInitiativeRequest, options: WriteOptions = {}) =>
      transport.request<InitiativeDetail>({ method: 'POST', path: '/initiatives', body: initiative, ...options }),
    /** Edit texts, themes and needs, or move the status (organisers). */
    update: (id: string, changes: UpdateInitiativeRequest, options: WriteOptions = {}) =>
      transport.request<InitiativeDetail>({ method: 'PATCH', path: path`/initiatives/${id}`, body: changes, ...options }),
    /** Support it (+1); supporting again changes nothing. */
    support: support('PUT'),
    /** Take your support back. */
    unsupport: support('DELETE'),
    members: membersResource(transport),
    updates: updatesResource(transport),
  };
}
