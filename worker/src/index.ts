import { app } from './app.js';
import type { Env } from './env.js';

/** The worker: the API; static assets (widget, examples) are served by the assets layer. */
export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
