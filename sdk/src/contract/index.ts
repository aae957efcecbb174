/**
 * The wire contract of the Buurtplein API: zod schemas and the types inferred from them.
 * The worker validates with these schemas; clients import the types.
 */
export * from './auth.js';
export * from './bootstrap.js';
export * from './comment.js';
export * from './common.js';
export * from './event.js';
export * from './follow.js';
export * from './health.js';
export * from './initiative.js';
export * from './initiative-detail.js';
export * from './initiative-writes.js';
export * from './invitation.js';
export * from './live.js';
export * from './me.js';
export * from './moderation.js';
export * from './member.js';
export * from './neighbourhood.js';
export * from './offer.js';
export * from './privacy.js';
export * from './organisation.js';
export * from './problem.js';
export * from './professional.js';
export * from './roles.js';
export * from './site.js';
export * from './thread.js';
export * from './update.js';
export * from './webhook.js';
