import type { Me, UpdateMeRequest } from '../contract/index.js';
import type { ReadOptions, Transport, WriteOptions } from '../http.js';

/** The signed-in user. */
export function meResource(transport: Transport) {
  return {
    /** Display name, roles, organisation and home neighbourhood. */
    get: (options: ReadOptions = {}) => transport.request<Me>({ method: 'GET', path: '/me', ...options }),
    /** Change your display name. */
    update: (changes: UpdateMeRequest, options: WriteOptions = {}) =>
      transport.request<Me>({ method: 'PATCH', path: '/me', body: changes, ...options }),
  };
}
