import { z } from 'zod';
import { InitiativePage } from './initiative.js';
import { Site } from './site.js';

/** The first view in one request: the site's configuration and its first page of initiatives. */
export const Bootstrap = z.object({ site: Site, initiatives: InitiativePage }).meta({ id: 'Bootstrap' });
export type Bootstrap = z.infer<typeof Bootstrap>;
