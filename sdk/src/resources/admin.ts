import type { GrantableRole, RoleChange, RoleGrantRequest } from '../contract/index.js';
import type { Transport, WriteOptions } from '../http.js';
import { path } from '../path.js';

/** What network admins do: grant and revoke roles. */
export function adminResource(transport: Transport) {
  return {
    roles: {
      /** Make a user a professional of an organisation, a moderator or a network admin. */
      grant: (userId: string, grant: RoleGrantRequest, options: WriteOptions = {}) =>
        transport.request<RoleChange>({ method: 'POST', path: path`/admin/users/${userId}/roles`, body: grant, ...options }),
      /** Take a granted role away again. */
      revoke: (userId: string, role: GrantableRole, options: WriteOptions = {}) =>
        transport.request<RoleChange>({ method: 'DELETE', path: path`/admin/users/${userId}/roles/${role}`, ...options }),
    },
  };
}
