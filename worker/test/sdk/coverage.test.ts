import { describe, expect, it } from 'vitest';
import { operations } from '../../src/openapi/operations.js';
import { testClient } from '../sdk-client.js';

/** Operations a site client does not call: service routes, the WebSocket it opens by the ticket's URL, e-mail links. */
const notForTheClient = new Set(['getHealth', 'getOpenApi', 'openLiveUpdates', 'unsubscribe', 'unsubscribeOneClick']);

/** Each operation and the client method that calls it (a dotted path on the client). */
const methodOf: Record<string, string> = {
  getSite: 'sites.get',
  getBootstrap: 'sites.bootstrap',
  listNeighbourhoods: 'neighbourhoods.list',
  listInitiatives: 'initiatives.list',
  getInitiative: 'initiatives.get',
  createInitiative: 'initiatives.create',
  updateInitiative: 'initiatives.update',
  supportInitiative: 'initiatives.support',
  withdrawSupport: 'initiatives.unsupport',
  listMembers: 'initiatives.members.list',
  joinInitiative: 'initiatives.members.join',
  leaveInitiative: 'initiatives.members.leave',
  listInvitationCandidates: 'initiatives.members.candidates',
  listInitiativeUpdates: 'initiatives.updates.list',
  createInitiativeUpdate: 'initiatives.updates.create',
  listHelpOffers: 'offers.list',
  createHelpOffer: 'offers.create',
  acceptHelpOffer: 'offers.accept',
  declineHelpOffer: 'offers.decline',
  withdrawHelpOffer: 'offers.withdraw',
  fulfilHelpOffer: 'offers.fulfil',
  listThreads: 'threads.list',
  getThread: 'threads.get',
  createThread: 'threads.create',
  createLiveTicket: 'threads.createLiveTicket',
  listComments: 'comments.list',
  createComment: 'comments.create',
  updateComment: 'comments.update',
  deleteComment: 'comments.delete',
  listEvents: 'events.list',
  getEvent: 'events.get',
  createEvent: 'events.create',
  rsvpEvent: 'events.rsvp',
  reportEvent: 'events.report',
  listProfessionals: 'professionals.list',
  signInWithSso: 'auth.sso',
  startEmailSignIn: 'auth.startEmail',
  verifyEmailSignIn: 'auth.verifyEmail',
  refreshSession: 'auth.refresh',
  signOut: 'auth.logout',
  getMe: 'me.get',
  updateMe: 'me.update',
  exportMe: 'me.export',
  deleteMe: 'me.delete',
  listMyFollows: 'me.follows.list',
  follow: 'follows.follow',
  unfollow: 'follows.unfollow',
  createReport: 'reports.create',
  getModerationQueue: 'moderation.queue.get',
  moderate: 'moderation.actions.create',
  listModerationLog: 'moderation.auditLog.list',
  searchUsers: 'admin.users.search',
  listOrganisations: 'admin.organisations.list',
  grantRole: 'admin.roles.grant',
  revokeRole: 'admin.roles.revoke',
  getSiteSettings: 'admin.settings.get',
  updateSiteSettings: 'admin.settings.update',
  listSsoKeys: 'admin.ssoKeys.list',
  createSsoKey: 'admin.ssoKeys.create',
  retireSsoKey: 'admin.ssoKeys.retire',
  getFigures: 'admin.figures.get',
  getFiguresCsv: 'admin.figures.csv',
  listWebhookEndpoints: 'admin.webhooks.list',
  createWebhookEndpoint: 'admin.webhooks.create',
  deleteWebhookEndpoint: 'admin.webhooks.delete',
  listWebhookDeliveries: 'admin.webhooks.deliveries.list',
};

describe('the SDK client covers the API', () => {
  it('has a method for every documented operation of a site', () => {
    const client = testClient('gemeente-voorbeeldstad') as unknown as Record<string, unknown>;
    const missing = operations
      .map((o) => o.operationId)
      .filter((id) => !notForTheClient.has(id))
      .filter((id) => {
        const method = methodOf[id]?.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], client);
        return typeof method !== 'function';
      });
    // An operation added to the API needs its method in sdk/src/resources and a line above.
    expect(missing).toEqual([]);
  });
});
