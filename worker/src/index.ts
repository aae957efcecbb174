import { app } from './app.js';
import { database } from './data/database.js';
import type { Env } from './env.js';
import { purgeExpired } from './scheduled/purge.js';

/** The worker: the API and the hourly housekeeping; static assets (widget, examples) are served by the assets layer. */
export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(purgeExpired(database(env.DB), new Date(controller.scheduledTime)));
  },
} satisfies ExportedHandler<Env>;
