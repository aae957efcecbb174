import type { Context } from 'hono';
import { SIMILAR_REFRESH_AFTER_WRITE, refreshStaleSimilar } from '../data/similar-refresh.js';
import type { AppEnv } from '../env.js';

/**
 * For `commitWrite`'s `afterCommit`: refreshes the network's stale similar lists (those the write
 * just marked, oldest first) once the response is sent, so the writer never waits for their text
 * searches and the other pages catch up within moments. What this leaves, the cron refreshes.
 */
export async function refreshSimilarAfterResponse(c: Context<AppEnv>): Promise<void> {
  const refreshing = refreshStaleSimilar(c.get('db'), SIMILAR_REFRESH_AFTER_WRITE, c.get('site').networkId).then(
    () => undefined,
    (error: unknown) => console.error(JSON.stringify({ level: 'error', requestId: c.get('requestId'), message: 'refreshing similar initiatives failed', error: String(error) })),
  );
  try {
    c.executionCtx.waitUntil(refreshing);
  } catch {
    // No execution context (app.request in a unit test): let it run on its own.
  }
}
