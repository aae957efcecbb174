import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Write } from '../data/database.js';
import { findIdempotencyRecord, recordIdempotentResponse, type StoredResponse } from '../data/idempotency.js';
import { forgetNetwork } from '../data/site-cache.js';
import { bumpContentVersion } from '../data/sites.js';
import type { AppEnv, IdempotencyContext } from '../env.js';
import { publishEvents } from '../outbound/publish.js';
import { ApiError } from './api-error.js';

/** Answers with a stored response, or 422 when the key was used for a different request. */
export function replayStoredResponse(c: Context<AppEnv>, stored: StoredResponse, idem: IdempotencyContext): Response {
  if (stored.requestHash !== idem.requestHash) {
    throw new ApiError('idempotency-key-reused', 'Deze Idempotency-Key hoort bij een andere aanvraag; gebruik een nieuwe sleutel.');
  }
  c.header('Idempotency-Replayed', 'true');
  if (stored.status === 204) return c.body(null, 204);
  return c.body(stored.body, stored.status as ContentfulStatusCode, { 'Content-Type': 'application/json' });
}

/**
 * Commits a planned mutation in one D1 batch and answers with its result. With an
 * `Idempotency-Key`, the response is stored in that same batch; when a parallel request with
 * the key committed first, this batch rolls back and its stored response is replayed. The batch
 * also bumps the network's content version, so cached reads of the network go stale at once,
 * unless the write says it changes no public content (`publicContent: false`).
 * `afterCommit` runs only when this request's batch committed (e.g. sending mail), and so does
 * publishing the write's domain events (webhooks, e-mail, live updates).
 */
export async function commitWrite<T>(
  c: Context<AppEnv>,
  write: Write<T>,
  status: 200 | 201 | 202 | 204,
  afterCommit?: () => Promise<void>,
): Promise<Response> {
  const db = c.get('db');
  const idem = c.get('idempotency');
  const body = status === 204 ? '' : JSON.stringify(write.result);
  const publicContent = write.publicContent !== false;
  const version = publicContent ? [bumpContentVersion(db, c.get('site').networkId)] : [];
  try {
    await db.batch(idem ? [recordIdempotentResponse(db, idem, status, body), ...write.statements, ...version] : [...write.statements, ...version]);
    if (publicContent) forgetNetwork(c.get('site').networkId);
  } catch (error) {
    const stored = idem ? await findIdempotencyRecord(db, idem) : null;
    if (idem && stored) return replayStoredResponse(c, stored, idem);
    throw error;
  }
  if (write.events?.length) publishEvents(c, write.events);
  await afterCommit?.();
  if (status === 204) return c.body(null, 204);
  return c.body(body, status, { 'Content-Type': 'application/json' });
}
