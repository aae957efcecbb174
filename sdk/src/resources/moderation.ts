import type { CreateReportRequest, ModerationActionRequest, ModerationLogEntry, ModerationLogPage, ModerationQueue, Report } from '../contract/index.js';
import type { ReadOptions, Transport, WriteOptions } from '../http.js';
import { paginate, type PageParams } from '../pagination.js';

/** Reporting content, which anyone signed in can do. */
export function reportsResource(transport: Transport) {
  return {
    /** Report an initiative, comment, update, meeting or thread with a reason. */
    create: (report: CreateReportRequest, options: WriteOptions = {}) =>
      transport.request<Report>({ method: 'POST', path: '/reports', body: report, ...options }),
  };
}

/** What moderators do: the queue of reported content, decisions, and the audit log. */
export function moderationResource(transport: Transport) {
  const auditLog = (params: PageParams = {}, options: ReadOptions = {}) =>
    transport.request<ModerationLogPage>({ method: 'GET', path: '/moderation/audit-log', query: params, ...options });
  return {
    queue: {
      /** Reported and pending content, most reported first. */
      get: (options: ReadOptions = {}) => transport.request<ModerationQueue>({ method: 'GET', path: '/moderation/queue', ...options }),
    },
    actions: {
      /** Hide, restore or dismiss content, or block or unblock a user, with a reason for the author. */
      create: (action: ModerationActionRequest, options: WriteOptions = {}) =>
        transport.request<ModerationLogEntry>({ method: 'POST', path: '/moderation/actions', body: action, ...options }),
    },
    auditLog: {
      /** One page of the audit log, newest first. */
      list: auditLog,
      /** The whole audit log, page after page. */
      all: (params: PageParams = {}) => paginate(auditLog, params),
    },
  };
}
