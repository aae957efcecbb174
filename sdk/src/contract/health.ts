import { z } from 'zod';

/** The version of the public API, sent as `API-Version` on every response. */
export const API_VERSION = '1.0.0';

/** Liveness of the API. */
export const Health = z.object({ status: z.literal('ok'), version: z.string() }).meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;
