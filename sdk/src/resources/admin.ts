import type {
  CreatedSsoKey,
  CreatedWebhookEndpoint,
  CreateSsoKeyRequest,
  CreateWebhookEndpointRequest,
  GrantableRole,
  OrganisationList,
  RoleChange,
  RoleGrantRequest,
  SiteFigures,
  SiteSettings,
  SsoKey,
  SsoKeyList,
  UpdateSiteSettingsRequest,
  UserSearchResult,
  WebhookDeliveryPage,
  WebhookEndpointPage,
} from '../contract/index.js';
import type { ReadOptions, Transport, WriteOptions } from '../http.js';
import { paginate, type PageParams } from '../pagination.js';
import { path } from '../path.js';

/** What site owners and network admins do: roles, settings, SSO keys, figures and webhooks. */
export function adminResource(transport: Transport) {
  const webhooks = (params: PageParams = {}, options: ReadOptions = {}) =>
    transport.request<WebhookEndpointPage>({ method: 'GET', path: '/admin/webhooks', query: params, ...options });
  const deliveries = (endpointId: string, params: PageParams = {}, options: ReadOptions = {}) =>
    transport.request<WebhookDeliveryPage>({ method: 'GET', path: path`/admin/webhooks/${endpointId}/deliveries`, query: params, ...options });
  return {
    users: {
      /** Users of the network by exact e-mail address or id, or the start of a word of their name; at most 20. */
      search: (q: string, options: ReadOptions = {}) =>
        transport.request<UserSearchResult>({ method: 'GET', path: '/admin/users', query: { q }, ...options }),
    },
    organisations: {
      /** Every organisation of the network, by name. */
      list: (options: ReadOptions = {}) => transport.request<OrganisationList>({ method: 'GET', path: '/admin/organisations', ...options }),
    },
    roles: {
      /** Make a user a professional of an organisation, a moderator or a network admin. */
      grant: (userId: string, grant: RoleGrantRequest, options: WriteOptions = {}) =>
        transport.request<RoleChange>({ method: 'POST', path: path`/admin/users/${userId}/roles`, body: grant, ...options }),
      /** Take a granted role away again. */
      revoke: (userId: string, role: GrantableRole, options: WriteOptions = {}) =>
        transport.request<RoleChange>({ method: 'DELETE', path: path`/admin/users/${userId}/roles/${role}`, ...options }),
    },
    settings: {
      /** Allowed origins, theme, shown neighbourhoods and moderation policy. */
      get: (options: ReadOptions = {}) => transport.request<SiteSettings>({ method: 'GET', path: '/admin/settings', ...options }),
      /** Change some of the settings; what is left out stays. */
      update: (changes: UpdateSiteSettingsRequest, options: WriteOptions = {}) =>
        transport.request<SiteSettings>({ method: 'PATCH', path: '/admin/settings', body: changes, ...options }),
    },
    ssoKeys: {
      /** The site's SSO keys, active and retired. */
      list: (options: ReadOptions = {}) => transport.request<SsoKeyList>({ method: 'GET', path: '/admin/sso-keys', ...options }),
      /** Add a key; an HS256 key's secret is shown only in this answer. */
      create: (key: CreateSsoKeyRequest, options: WriteOptions = {}) =>
        transport.request<CreatedSsoKey>({ method: 'POST', path: '/admin/sso-keys', body: key, ...options }),
      /** Retire a key: tokens signed with it are refused from now on. */
      retire: (kid: string, options: WriteOptions = {}) =>
        transport.request<SsoKey>({ method: 'POST', path: path`/admin/sso-keys/${kid}/retire`, ...options }),
    },
    figures: {
      /** Activity per neighbourhood. */
      get: (options: ReadOptions = {}) => transport.request<SiteFigures>({ method: 'GET', path: '/admin/figures', ...options }),
      /** The same figures as CSV text. */
      csv: (options: ReadOptions = {}) => transport.request<string>({ method: 'GET', path: '/admin/figures.csv', accept: 'text', ...options }),
    },
    webhooks: {
      /** One page of the site's webhook endpoints. */
      list: webhooks,
      /** Every endpoint, page after page. */
      all: (params: PageParams = {}) => paginate(webhooks, params),
      /** Add an endpoint; its signing secret is shown only in this answer (check deliveries with `verifyWebhook`). */
      create: (endpoint: CreateWebhookEndpointRequest, options: WriteOptions = {}) =>
        transport.request<CreatedWebhookEndpoint>({ method: 'POST', path: '/admin/webhooks', body: endpoint, ...options }),
      /** Remove an endpoint. */
      delete: (endpointId: string, options: WriteOptions = {}) =>
        transport.request<void>({ method: 'DELETE', path: path`/admin/webhooks/${endpointId}`, ...options }),
      deliveries: {
        /** One page of an endpoint's delivery log. */
        list: deliveries,
        /** The whole delivery log, page after page. */
        all: (endpointId: string, params: PageParams = {}) => paginate((p: PageParams) => deliveries(endpointId, p), params),
      },
    },
  };
}
