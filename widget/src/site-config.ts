import { createClient } from '@buurtplein/sdk';
import type { Site } from '@buurtplein/sdk/contract';
import type {} from './buurtplein-global.js';

const sites = new Map<string, Promise<Site>>();

/**
 * A site's configuration (theme, neighbourhoods), asked once per page and shared by every
 * element. It comes from the script tag's first-view request when that was for the same site,
 * so a page with the script tag makes no extra request for it. A failed answer is not kept.
 */
export function siteConfig(site: string, api: string): Promise<Site> {
  const key = `${api} ${site}`;
  let config = sites.get(key);
  if (!config) {
    const loader = window.Buurtplein;
    const request = () => createClient({ site, baseUrl: api }).sites.get();
    config = loader?.site === site && loader.api === api ? loader.bootstrap.then((first) => first.site, request) : request();
    sites.set(key, config);
    config.catch(() => sites.delete(key));
  }
  return config;
}
