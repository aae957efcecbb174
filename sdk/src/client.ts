import { createTransport, type TransportOptions } from './http.js';
import { adminResource } from './resources/admin.js';
import { authResource } from './resources/auth.js';
import { commentsResource } from './resources/comments.js';
import { eventsResource } from './resources/events.js';
import { followsResource } from './resources/follows.js';
import { initiativesResource } from './resources/initiatives.js';
import { meResource } from './resources/me.js';
import { moderationResource, reportsResource } from './resources/moderation.js';
import { offersResource } from './resources/offers.js';
import { professionalsResource } from './resources/professionals.js';
import { neighbourhoodsResource, sitesResource } from './resources/sites.js';
import { threadsResource } from './resources/threads.js';
import type { Session } from './session.js';

/** Options of `createClient`. */
export interface ClientOptions extends TransportOptions {}

/**
 * A typed client for one site of the Buurtplein API. Lists page with `cursor` or iterate with
 * `for await (… of resource.all())`; writes carry an `Idempotency-Key` and the session's access
 * token, which the client refreshes by itself; every failure is a `BuurtError`.
 *
 * @example
 * const client = createClient({ site: 'gemeente-voorbeeldstad', baseUrl: 'http://127.0.0.1:8787', session: localStorage });
 * for await (const initiative of client.initiatives.all({ needs: 'any' })) console.log(initiative.title);
 */
export function createClient(options: ClientOptions) {
  const transport = createTransport(options);
  return {
    /** The current session (null when signed out); the access token is kept in memory only. */
    get session(): Session | null {
      return transport.session.current;
    },
    sites: sitesResource(transport),
    neighbourhoods: neighbourhoodsResource(transport),
    initiatives: initiativesResource(transport),
    offers: offersResource(transport),
    threads: threadsResource(transport),
    comments: commentsResource(transport),
    events: eventsResource(transport),
    professionals: professionalsResource(transport),
    follows: followsResource(transport),
    me: meResource(transport),
    auth: authResource(transport),
    reports: reportsResource(transport),
    moderation: moderationResource(transport),
    admin: adminResource(transport),
  };
}

/** A client made by `createClient`. */
export type BuurtClient = ReturnType<typeof createClient>;
