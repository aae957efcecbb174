import type { InitiativeDetail, InitiativeListParams, InitiativePage, InitiativeSummary } from '../contract/index.js';
import type { Transport } from '../http.js';

/** Initiatives in the neighbourhoods the site shows. */
export function initiativesResource(transport: Transport) {
  const list = (params: InitiativeListParams = {}) => transport.get<InitiativePage>('/initiatives', params);
  return {
    /** One page of initiatives, newest first. */
    list,
    /** Every initiative matching the filters, fetching page after page as you iterate. */
    async *all(params: InitiativeListParams = {}): AsyncGenerator<InitiativeSummary> {
      let cursor: string | undefined = params.cursor;
      do {
        const page = await list({ ...params, cursor });
        yield* page.data;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },
    /** One initiative with its full text. */
    get: (id: string) => transport.get<InitiativeDetail>(`/initiatives/${encodeURIComponent(id)}`),
  };
}
