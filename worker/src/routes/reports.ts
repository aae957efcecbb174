import { CreateReportRequest } from '@buurtplein/sdk/contract';
import { Hono } from 'hono';
import { authorize } from '../auth/authorize.js';
import { findLogEntry, findTarget, isPublic } from '../data/moderation.js';
import { createReport, hasOpenReport } from '../data/reports.js';
import { findSitePolicy } from '../data/site-settings.js';
import { sendStatementOfReasons } from '../email/statement-of-reasons.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { commitWrite } from '../http/commit-write.js';
import { guardPost, withStatements } from '../http/post-guard.js';
import { parseInput } from '../http/validate.js';

/** `POST /v1/sites/:site/reports`: a signed-in user reports content the site shows to the moderators. */
export const reportsRoutes = new Hono<AppEnv>().post('/', async (c) => {
  const site = c.get('site');
  authorize(c, 'report.create', { type: 'content', networkId: site.networkId });
  const { targetType, targetId, reason, note } = parseInput(CreateReportRequest, c.get('body'));
  const db = c.get('db');
  const target = await findTarget(db, site, targetType, targetId);
  if (!target || !isPublic(target)) throw new ApiError('not-found', 'Deze bijdrage bestaat niet op deze site.');
  const actor = c.get('actor');
  const reporterId = actor.type === 'user' ? actor.userId : '';
  if (await hasOpenReport(db, target, reporterId)) throw new ApiError('report-exists', 'U heeft dit al gemeld; een moderator kijkt ernaar.');
  const counted = await guardPost(c, 'report', note ?? '');
  const policy = await findSitePolicy(db, site);
  const report = createReport(db, { siteKey: site.key, target, reporterId, reason, note: note || null, autoHideAfter: policy.autoHideAfter });
  try {
    return await commitWrite(c, withStatements(report, counted), 201, async () => {
      const autoHidden = report.autoHideEntryId ? await findLogEntry(db, site.networkId, report.autoHideEntryId) : null;
      if (autoHidden) await sendStatementOfReasons(c.env, db, site, autoHidden);
    });
  } catch (error) {
    // The unique index on open reports: a parallel report by the same user won.
    if (await hasOpenReport(db, target, reporterId)) throw new ApiError('report-exists', 'U heeft dit al gemeld; een moderator kijkt ernaar.');
    throw error;
  }
});
