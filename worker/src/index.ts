import { app } from './app.js';
import { database } from './data/database.js';
import type { Env } from './env.js';
import { purgeExpired } from './scheduled/purge.js';
import { keepSimilarCurrent } from './scheduled/similar-backfill.js';
import { consumeOutbound } from './outbound/consumer.js';
import { DIGEST_CRONS, enqueueDigests } from './outbound/digests.js';
import type { OutboundMessage } from './outbound/messages.js';
import { resendUnqueued } from './outbound/publish.js';

export { ThreadLive } from './live/thread-live.js';

/** The worker: the API, the outbound queue's consumer and the crons' housekeeping and digests; static assets (widget, examples) are served by the assets layer. */
export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(purgeExpired(database(env.DB), new Date(controller.scheduledTime)));
    ctx.waitUntil(keepSimilarCurrent(database(env.DB)));
    // Events whose queue send was lost after their commit; each cron run picks them up.
    ctx.waitUntil(resendUnqueued(env, new Date(controller.scheduledTime)));
    const digest = DIGEST_CRONS[controller.cron];
    if (digest) ctx.waitUntil(enqueueDigests(env, digest, new Date(controller.scheduledTime)));
  },
  queue: (batch, env) => consumeOutbound(batch, env),
} satisfies ExportedHandler<Env, OutboundMessage>;
