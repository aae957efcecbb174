import { Id } from '@buurtplein/sdk/contract';
import { ApiError } from './api-error.js';

/** Makes the opaque cursor that continues a list after the row with `id`. */
export function encodeCursor(id: string): string {
  return btoa(id).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_');
}

/** Reads a cursor made by `encodeCursor`, or throws `invalid-request`. */
export function decodeCursor(cursor: string): string {
  let id: string;
  try {
    id = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    throw new ApiError('invalid-request', 'cursor: onbekende cursor');
  }
  if (!Id.safeParse(id).success) throw new ApiError('invalid-request', 'cursor: onbekende cursor');
  return id;
}
