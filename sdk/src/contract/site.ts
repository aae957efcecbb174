import { z } from 'zod';
import { Neighbourhood } from './neighbourhood.js';

/** A site key as used in `data-site` and in `/v1/sites/:site`. */
export const SiteKey = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'geen geldige sitesleutel');

/** Languages the widget speaks; Dutch is the source language. */
export const Locale = z.enum(['nl', 'en']);
export type Locale = z.infer<typeof Locale>;

/** Theme tokens: `--buurt-*` custom property names to CSS values. */
export const Theme = z.record(z.string().regex(/^--buurt-[a-z0-9-]+$/), z.string().max(200)).meta({ id: 'Theme' });
export type Theme = z.infer<typeof Theme>;

/** A site's public configuration: what the widget needs to render in the host's style. */
export const Site = z
  .object({
    key: SiteKey,
    name: z.string(),
    network: z.object({ id: z.string(), name: z.string() }),
    locales: z.array(Locale),
    theme: Theme,
    neighbourhoods: z.array(Neighbourhood),
  })
  .meta({ id: 'Site' });
export type Site = z.infer<typeof Site>;
