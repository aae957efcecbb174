import type { Page } from './contract/index.js';

/** Paging of a list: how many items (1–50, 20 by default) and the `nextCursor` of the previous page. */
export interface PageParams {
  limit?: number;
  cursor?: string;
}

/**
 * Every item of a cursor-paginated list, fetching the next page only when iteration reaches it.
 * Starts at `params.cursor` when given.
 */
export async function* paginate<T, P extends { cursor?: string | undefined }>(
  list: (params: P) => Promise<Page<T>>,
  params: P,
): AsyncGenerator<T, void, undefined> {
  let cursor = params.cursor;
  do {
    const page = await list({ ...params, cursor });
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
