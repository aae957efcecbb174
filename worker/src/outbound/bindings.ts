import type { ThreadLive } from '../live/thread-live.js';
import type { OutboundMessage } from './messages.js';

declare module '../env.js' {
  /** The outbound bindings (see wrangler.toml); optional so a worker without them still answers the API. */
  interface Env {
    /** Domain events, webhook deliveries, digests and production e-mail. */
    OUTBOUND?: Queue<OutboundMessage>;
    /** One Durable Object per thread pushes its news to open widgets. */
    THREAD_LIVE?: DurableObjectNamespace<ThreadLive>;
    /** Cloudflare Email Routing's `send_email` binding: production e-mail. */
    EMAIL?: SendEmail;
    /** The sender of e-mail, e.g. `Buurtplein <noreply@buurtplein.nl>`. */
    EMAIL_FROM?: string;
    /** The public origin of the API for links in e-mail (unsubscribe); without it, the origin the user followed through. */
    PUBLIC_URL?: string;
  }
}
