import type { AccountDeleted, DeleteMeRequest, FollowPage, Me, UpdateMeRequest, UserExport } from '../contract/index.js';
import type { ReadOptions, Transport, WriteOptions } from '../http.js';
import { paginate, type PageParams } from '../pagination.js';

/** The signed-in user: profile, their data, and what they follow. */
export function meResource(transport: Transport) {
  const follows = (params: PageParams = {}, options: ReadOptions = {}) =>
    transport.request<FollowPage>({ method: 'GET', path: '/me/follows', query: params, ...options });
  return {
    /** Display name, roles, organisation and home neighbourhood. */
    get: (options: ReadOptions = {}) => transport.request<Me>({ method: 'GET', path: '/me', ...options }),
    /** Change your display name. */
    update: (changes: UpdateMeRequest, options: WriteOptions = {}) =>
      transport.request<Me>({ method: 'PATCH', path: '/me', body: changes, ...options }),
    /** Everything Buurtplein holds about you, as JSON (the right of access). */
    export: (options: ReadOptions = {}) => transport.request<UserExport>({ method: 'GET', path: '/me/export', ...options }),
    /** Delete your account, keeping your contributions anonymised or removing them; ends the session. */
    delete: async (choice: DeleteMeRequest, options: WriteOptions = {}): Promise<AccountDeleted> => {
      const deleted = await transport.request<AccountDeleted>({ method: 'DELETE', path: '/me', body: choice, ...options });
      transport.session.set(null);
      return deleted;
    },
    follows: {
      /** One page of what you follow. */
      list: follows,
      /** Everything you follow, page after page. */
      all: (params: PageParams = {}) => paginate(follows, params),
    },
  };
}
