import { z } from 'zod';
import { Cursor, Id, Limit, Timestamp, page } from './common.js';
import { Theme } from './site.js';

/** What can be reported and moderated: every kind of public text residents write. */
export const ModerationTargetType = z.enum(['initiative', 'comment', 'update', 'event', 'thread']);
export type ModerationTargetType = z.infer<typeof ModerationTargetType>;

/** Why something is reported. */
export const ReportReason = z.enum(['spam', 'offensive', 'personal-data', 'misinformation', 'other']);
export type ReportReason = z.infer<typeof ReportReason>;

/** Body of `POST /v1/sites/:site/reports`. */
export const CreateReportRequest = z
  .strictObject({
    targetType: ModerationTargetType,
    targetId: Id,
    reason: ReportReason,
    /** What the reporter adds for the moderator; plain text. */
    note: z.string().trim().max(1000).optional(),
  })
  .meta({ id: 'CreateReportRequest' });
export type CreateReportRequest = z.input<typeof CreateReportRequest>;

/** A report as its reporter sees it after sending it. */
export const Report = z
  .object({
    id: Id,
    targetType: ModerationTargetType,
    targetId: Id,
    reason: ReportReason,
    note: z.string().nullable(),
    status: z.enum(['open', 'resolved', 'dismissed']),
    createdAt: Timestamp,
  })
  .meta({ id: 'Report' });
export type Report = z.infer<typeof Report>;

/** `visible`; `hidden` by a moderator or by the reports; `pending` until a moderator lets a new resident's post through. */
export const ModerationState = z.enum(['visible', 'hidden', 'pending']);
export type ModerationState = z.infer<typeof ModerationState>;

/** One item of the moderation queue: a reported or pending piece of content with its reports. */
export const ModerationQueueItem = z
  .object({
    targetType: ModerationTargetType,
    targetId: Id,
    state: ModerationState,
    /** The content's current text (title and body), for the moderator's judgement only. */
    text: z.string(),
    author: z.object({ id: Id, displayName: z.string() }).nullable(),
    neighbourhoodId: Id,
    /** Open reports from distinct users. */
    reportCount: z.number().int().nonnegative(),
    reasons: z.array(z.object({ reason: ReportReason, count: z.number().int().positive() })),
    notes: z.array(z.string()),
    firstReportedAt: Timestamp.nullable(),
  })
  .meta({ id: 'ModerationQueueItem' });
export type ModerationQueueItem = z.infer<typeof ModerationQueueItem>;

/** The moderation queue: reported content, most reported first, then pending posts. */
export const ModerationQueue = z.object({ data: z.array(ModerationQueueItem) }).meta({ id: 'ModerationQueue' });
export type ModerationQueue = z.infer<typeof ModerationQueue>;

/** What a moderator decides. `dismiss` closes the reports and leaves the content as it is. */
export const ModerationActionKind = z.enum(['hide', 'restore', 'block-user', 'unblock-user', 'dismiss']);
export type ModerationActionKind = z.infer<typeof ModerationActionKind>;

/** Why the decision was made; sent to the author in the statement of reasons. */
export const ModerationReason = z.string().trim().min(3).max(1000);

/** Body of `POST /v1/sites/:site/moderation/actions`: content actions name a target, user actions a user. */
export const ModerationActionRequest = z
  .discriminatedUnion('action', [
    z.strictObject({ action: z.enum(['hide', 'restore', 'dismiss']), targetType: ModerationTargetType, targetId: Id, reason: ModerationReason }),
    z.strictObject({ action: z.enum(['block-user', 'unblock-user']), userId: Id, reason: ModerationReason }),
  ])
  .meta({ id: 'ModerationActionRequest' });
export type ModerationActionRequest = z.input<typeof ModerationActionRequest>;

/** An entry of the audit log; `auto-hide` is the system acting on reports. Entries are never changed or removed. */
export const ModerationLogEntry = z
  .object({
    id: Id,
    action: z.enum(['hide', 'restore', 'block-user', 'unblock-user', 'dismiss', 'auto-hide']),
    targetType: ModerationTargetType.nullable(),
    targetId: Id.nullable(),
    /** Whom the decision concerns: the content's author or the (un)blocked user. */
    userId: Id.nullable(),
    /** The moderator; null when the system acted. */
    actor: z.object({ kind: z.enum(['user', 'system']), id: Id.nullable() }),
    reason: z.string(),
    createdAt: Timestamp,
  })
  .meta({ id: 'ModerationLogEntry' });
export type ModerationLogEntry = z.infer<typeof ModerationLogEntry>;

/** One page of the audit log, newest first. */
export const ModerationLogPage = page(ModerationLogEntry).meta({ id: 'ModerationLogPage' });
export type ModerationLogPage = z.infer<typeof ModerationLogPage>;

/** Paging of the audit log. */
export const ModerationLogQuery = z.strictObject({ cursor: Cursor.optional(), limit: Limit });

/** Cloudflare Turnstile on the site's anonymous-facing forms. */
export const TurnstilePolicy = z.strictObject({
  enabled: z.boolean(),
  /** The public site key the widget renders the challenge with. */
  siteKey: z.string().trim().min(1).max(100).nullable(),
});

/** How a site moderates: auto-hide threshold, pre-moderation of newcomers, Turnstile. */
export const SitePolicy = z
  .strictObject({
    /** Open reports from distinct users that hide content until a moderator looks (0: never). */
    autoHideAfter: z.number().int().min(0).max(100),
    /** A resident's first posts wait for a moderator (0: off). */
    premoderateFirstPosts: z.number().int().min(0).max(100),
    turnstile: TurnstilePolicy,
  })
  .meta({ id: 'SitePolicy' });
export type SitePolicy = z.infer<typeof SitePolicy>;

/** The policy of a site that never set one. */
export const DEFAULT_SITE_POLICY: SitePolicy = { autoHideAfter: 3, premoderateFirstPosts: 0, turnstile: { enabled: false, siteKey: null } };

/** A site's settings as its network admins manage them. */
export const SiteSettings = z
  .object({
    allowedOrigins: z.array(z.string()),
    theme: Theme,
    /** The neighbourhoods the site shows, in order, by id. */
    neighbourhoodIds: z.array(Id),
    policy: SitePolicy,
  })
  .meta({ id: 'SiteSettings' });
export type SiteSettings = z.infer<typeof SiteSettings>;

/** An allowed origin: an https URL without a path, query or fragment. */
export const AllowedOrigin = z
  .string()
  .max(200)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.origin === value;
    } catch {
      return false;
    }
  }, 'een https-origin zonder pad, zoals https://www.voorbeeld.nl');

/** Body of `PATCH /v1/sites/:site/admin/settings`; what is left out stays as it is. */
export const UpdateSiteSettingsRequest = z
  .strictObject({
    allowedOrigins: z.array(AllowedOrigin).max(20).optional(),
    theme: Theme.refine((t) => Object.keys(t).length <= 50, 'hoogstens 50 tokens').optional(),
    neighbourhoodIds: z.array(Id).max(200).optional(),
    policy: z
      .strictObject({
        autoHideAfter: SitePolicy.shape.autoHideAfter.optional(),
        premoderateFirstPosts: SitePolicy.shape.premoderateFirstPosts.optional(),
        turnstile: TurnstilePolicy.optional(),
      })
      .optional(),
  })
  .meta({ id: 'UpdateSiteSettingsRequest' });
export type UpdateSiteSettingsRequest = z.input<typeof UpdateSiteSettingsRequest>;

/** A site's SSO key as admins see it; never its secret (except once, on creation). */
export const SsoKey = z
  .object({
    kid: z.string(),
    alg: z.enum(['HS256', 'ES256']),
    status: z.enum(['active', 'retired']),
    createdAt: Timestamp,
    retiredAt: Timestamp.nullable(),
  })
  .meta({ id: 'SsoKey' });
export type SsoKey = z.infer<typeof SsoKey>;

/** The site's SSO keys. */
export const SsoKeyList = z.object({ data: z.array(SsoKey) }).meta({ id: 'SsoKeyList' });
export type SsoKeyList = z.infer<typeof SsoKeyList>;

/** A key id: short, URL-safe. */
export const Kid = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'een kid van 1 tot 64 tekens: letters, cijfers, . _ -');

/** Body of `POST /v1/sites/:site/admin/sso-keys`: HS256 gets a generated secret, ES256 brings its public key. */
export const CreateSsoKeyRequest = z
  .discriminatedUnion('alg', [
    z.strictObject({ alg: z.literal('HS256'), kid: Kid }),
    z.strictObject({
      alg: z.literal('ES256'),
      kid: Kid,
      publicJwk: z.looseObject({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string().min(1).max(100), y: z.string().min(1).max(100) }),
    }),
  ])
  .meta({ id: 'CreateSsoKeyRequest' });
export type CreateSsoKeyRequest = z.input<typeof CreateSsoKeyRequest>;

/** A new SSO key; for HS256 `secret` is the shared secret, shown this once and never again. */
export const CreatedSsoKey = SsoKey.extend({ secret: z.string().nullable() }).meta({ id: 'CreatedSsoKey' });
export type CreatedSsoKey = z.infer<typeof CreatedSsoKey>;

/** Figures of one neighbourhood, for the people who run the network. */
export const NeighbourhoodFigures = z
  .object({
    neighbourhood: z.object({ id: Id, name: z.string() }),
    initiativesByStatus: z.record(z.string(), z.number().int().nonnegative()),
    /** Initiatives that ask for help (non-empty needs). */
    initiativesWithNeeds: z.number().int().nonnegative(),
    /** Median hours from an initiative asking for help (its start) to the first professional offer; null without offers. */
    medianHoursToFirstOffer: z.number().nonnegative().nullable(),
    acceptedOffers: z.number().int().nonnegative(),
  })
  .meta({ id: 'NeighbourhoodFigures' });
export type NeighbourhoodFigures = z.infer<typeof NeighbourhoodFigures>;

/** Figures per neighbourhood the site shows. */
export const SiteFigures = z.object({ data: z.array(NeighbourhoodFigures) }).meta({ id: 'SiteFigures' });
export type SiteFigures = z.infer<typeof SiteFigures>;
