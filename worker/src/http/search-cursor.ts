import { Id } from '@buurtplein/sdk/contract';
import { ApiError } from './api-error.js';

/** Where a ranked search continues: rows to skip, over the initiatives with ids up to `upToId`. */
export interface SearchPosition {
  offset: number;
  /** The snapshot: only initiatives that existed when the first page was read. */
  upToId: string;
}

/** The deepest a search pages; relevance below that is noise. */
export const MAX_SEARCH_OFFSET = 1000;

/** Makes the opaque cursor of the next page of a ranked search. */
export function encodeSearchCursor(position: SearchPosition): string {
  return btoa(`s.${position.offset}.${position.upToId}`).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_');
}

/** Reads a cursor made by `encodeSearchCursor`, or throws `invalid-request`. */
export function decodeSearchCursor(cursor: string): SearchPosition {
  let text: string;
  try {
    text = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    throw new ApiError('invalid-request', 'cursor: onbekende cursor');
  }
  const match = /^s\.(\d{1,4})\.(.+)$/.exec(text);
  const offset = Number(match?.[1]);
  if (!match || offset > MAX_SEARCH_OFFSET || !Id.safeParse(match[2]).success) {
    throw new ApiError('invalid-request', 'cursor: onbekende cursor (een zoekcursor hoort bij dezelfde zoekvraag)');
  }
  return { offset, upToId: match[2]! };
}
