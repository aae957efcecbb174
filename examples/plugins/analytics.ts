/**
 * Forwards the widget's events to the page's analytics: each `buurt-*` event becomes one entry in
 * `window.dataLayer` (the array a tag manager reads), with ids and counts only — never a resident's
 * name or e-mail address. Served as `/plugins/analytics.js`.
 *
 * @example
 * window.dataLayer = window.dataLayer || [];
 * import('/plugins/analytics.js').then((m) => Buurtplein('use', m.default));
 */
import { buurtEventNames, definePlugin, type BuurtEventMap, type BuurtEventName } from '@buurtplein/sdk/embed';

/** One entry in the data layer. */
export interface AnalyticsEntry {
  event: BuurtEventName;
  [field: string]: string | number;
}

declare global {
  interface Window {
    /** A tag manager's data layer: an array whose `push` the tag manager may replace. */
    dataLayer?: { push(...entries: AnalyticsEntry[]): unknown };
  }
}

/** The fields each event contributes; adding an event to the map without a line here fails to compile. */
const fields: { [K in BuurtEventName]: (detail: BuurtEventMap[K]['detail']) => Record<string, string | number> } = {
  'buurt-initiative-selected': ({ id }) => ({ initiativeId: id }),
  'buurt-initiative-supported': ({ id, supporterCount }) => ({ initiativeId: id, supporterCount }),
  'buurt-initiative-unsupported': ({ id, supporterCount }) => ({ initiativeId: id, supporterCount }),
  'buurt-initiative-created': ({ initiative }) => ({ initiativeId: initiative.id, neighbourhood: initiative.neighbourhood.name }),
  'buurt-offer-accepted': ({ initiativeId, offerId }) => ({ initiativeId, offerId }),
  'buurt-user-signed-in': () => ({}),
  'buurt-sign-in-requested': () => ({}),
};

export default definePlugin({
  name: 'analytics',
  version: '1.0.0',
  setup(api) {
    const forward = <K extends BuurtEventName>(name: K) =>
      api.on(name, (event) => {
        // Read at every event: a tag manager that loads later replaces the array with its own.
        window.dataLayer ??= [];
        window.dataLayer.push({ event: name, site: api.site, ...fields[name](event.detail) });
      });
    for (const name of buurtEventNames) forward(name);
  },
});
