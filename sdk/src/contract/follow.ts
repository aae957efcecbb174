import { z } from 'zod';
import { Cursor, Id, Limit, Timestamp, page } from './common.js';

/** What a resident can follow: an initiative, a discussion or a whole neighbourhood. */
export const FollowTargetType = z.enum(['initiative', 'thread', 'neighbourhood']);
export type FollowTargetType = z.infer<typeof FollowTargetType>;

/** How often a follower hears by e-mail: each event as it happens, or a daily or weekly digest. */
export const FollowFrequency = z.enum(['immediate', 'daily', 'weekly']);
export type FollowFrequency = z.infer<typeof FollowFrequency>;

/** Following one thing. */
export const Follow = z
  .object({
    targetType: FollowTargetType,
    targetId: Id,
    /** The initiative's or thread's title, or the neighbourhood's name. */
    title: z.string(),
    frequency: FollowFrequency,
    createdAt: Timestamp,
  })
  .meta({ id: 'Follow' });
export type Follow = z.infer<typeof Follow>;

/** Body of `PUT /v1/sites/:site/follows/:targetType/:targetId`. */
export const FollowRequest = z
  .strictObject({
    frequency: FollowFrequency.default('immediate'),
    /** The language of the e-mails; the last one chosen holds for all of the user's e-mail. */
    locale: z.enum(['nl', 'en']).optional(),
  })
  .meta({ id: 'FollowRequest' });
export type FollowRequest = z.input<typeof FollowRequest>;

/** One page of what the signed-in user follows, newest first. */
export const FollowPage = page(Follow).meta({ id: 'FollowPage' });
export type FollowPage = z.infer<typeof FollowPage>;

/** Paging of `GET /v1/sites/:site/me/follows`. */
export const FollowListQuery = z.strictObject({ cursor: Cursor.optional(), limit: Limit });
export type FollowListQuery = z.infer<typeof FollowListQuery>;

/** What a one-click unsubscribe stopped. */
export const Unsubscribed = z
  .object({
    /** `follow`: one followed thing; `digest`: every follow of that digest's frequency. */
    scope: z.enum(['follow', 'digest']),
    /** How many follows it ended; 0 when the link was used before. */
    ended: z.number().int().nonnegative(),
  })
  .meta({ id: 'Unsubscribed' });
export type Unsubscribed = z.infer<typeof Unsubscribed>;
