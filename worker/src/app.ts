import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { AppEnv } from './env.js';
import { ApiError, problemResponse } from './http/api-error.js';
import { edgeCache } from './http/edge-cache.js';
import { authenticate } from './middleware/authenticate.js';
import { databaseSession } from './middleware/database-session.js';
import { requestContext } from './middleware/request-context.js';
import { safeWrites } from './middleware/safe-writes.js';
import { siteContext } from './middleware/site-context.js';
import { adminUsersRoutes } from './routes/admin-users.js';
import { authRoutes } from './routes/auth/index.js';
import { devMailboxRoutes } from './routes/dev-mailbox.js';
import { healthRoutes } from './routes/health.js';
import { initiativesRoutes } from './routes/initiatives.js';
import { openApiRoutes } from './routes/openapi.js';
import { meRoutes } from './routes/me.js';
import { sitesRoutes } from './routes/sites.js';
import { eventsRoutes } from './routes/events.js';
import { initiativeOffersRoutes, offersRoutes } from './routes/offers.js';
import { professionalsRoutes } from './routes/professionals.js';
import { commentsRoutes } from './routes/comments.js';
import { threadsRoutes } from './routes/threads.js';
import { followsRoutes, myFollowsRoutes } from './routes/follows.js';
import { unsubscribeRoutes } from './routes/unsubscribe.js';
import { webhooksRoutes } from './routes/webhooks.js';
import { liveRoutes } from './live/live-routes.js';
import { blockedUsers } from './middleware/blocked-users.js';
import { moderationRoutes } from './routes/moderation.js';
import { privacyRoutes } from './routes/privacy.js';
import { reportsRoutes } from './routes/reports.js';
import { siteAdminRoutes } from './routes/site-admin.js';

z.config(z.locales.nl());

/** The Buurtplein API as a Hono app; every error leaves as problem details. */
export const app = new Hono<AppEnv>()
  .use('*', requestContext, databaseSession)
  .use('/v1/sites/:site', siteContext, edgeCache, authenticate, safeWrites)
  .use('/v1/sites/:site/*', siteContext, edgeCache, authenticate, safeWrites)
  .use('/v1/sites/:site/*', blockedUsers)
  .route('/v1/health', healthRoutes)
  .route('/v1/openapi.json', openApiRoutes)
  .route('/v1/sites/:site', sitesRoutes)
  .route('/v1/sites/:site/initiatives', initiativesRoutes)
  .route('/v1/sites/:site/auth', authRoutes)
  .route('/v1/sites/:site/me', meRoutes)
  .route('/v1/sites/:site/threads', threadsRoutes)
  .route('/v1/sites/:site/comments', commentsRoutes)
  .route('/v1/sites/:site/initiatives/:id/offers', initiativeOffersRoutes)
  .route('/v1/sites/:site/offers', offersRoutes)
  .route('/v1/sites/:site/events', eventsRoutes)
  .route('/v1/sites/:site/professionals', professionalsRoutes)
  .route('/v1/sites/:site/admin/users', adminUsersRoutes)
  .route('/v1/sites/:site/admin/webhooks', webhooksRoutes)
  .route('/v1/sites/:site/follows', followsRoutes)
  .route('/v1/sites/:site/me/follows', myFollowsRoutes)
  .route('/v1/sites/:site/threads/:threadId', liveRoutes)
  .route('/v1/sites/:site/me', privacyRoutes)
  .route('/v1/sites/:site/reports', reportsRoutes)
  .route('/v1/sites/:site/moderation', moderationRoutes)
  .route('/v1/sites/:site/admin', siteAdminRoutes)
  .route('/v1/unsubscribe', unsubscribeRoutes)
  .route('/dev/mailbox', devMailboxRoutes);

app.notFound((c) => problemResponse(c, new ApiError('not-found', `Er is niets op ${new URL(c.req.url).pathname}.`)));

app.onError((error, c) => {
  if (error instanceof ApiError) return problemResponse(c, error);
  if (error instanceof HTTPException && error.status < 500) {
    return problemResponse(c, new ApiError('invalid-request', error.message || 'De aanvraag is ongeldig.'));
  }
  console.error(JSON.stringify({ level: 'error', requestId: c.get('requestId'), message: error.message, stack: error.stack }));
  return problemResponse(c, new ApiError('internal-error', 'Probeer het later opnieuw; noem dit aanvraagnummer als het blijft gebeuren.'));
});
