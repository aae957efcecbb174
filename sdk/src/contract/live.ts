import { z } from 'zod';
import { Timestamp } from './common.js';

/**
 * A short-lived, single-use ticket to open a thread's live updates: open `url` as a WebSocket
 * before `expiresAt`. Anonymous viewers get one too; every ticket is read-only.
 */
export const LiveTicket = z
  .object({
    ticket: z.string(),
    /** The `wss:` (locally `ws:`) address of the thread's live updates, ticket included. */
    url: z.string(),
    expiresAt: Timestamp,
  })
  .meta({ id: 'LiveTicket' });
export type LiveTicket = z.infer<typeof LiveTicket>;

/** Query of `GET /v1/sites/:site/threads/:threadId/live`, the WebSocket upgrade. */
export const LiveQuery = z.strictObject({ ticket: z.string().min(1).max(200) });
export type LiveQuery = z.infer<typeof LiveQuery>;
