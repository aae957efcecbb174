import { DomainEventType } from '@buurtplein/sdk/contract';
import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import type { Env } from '../env.js';
import { sealSecret } from '../outbound/secret-box.js';
import { webhookEndpoints } from './outbound.js';
import { sites } from './schema.js';
import { demoId } from './seed.js';

/** A host page of a demo site that runs its own server on this machine (the corporation example). */
export interface DemoHost {
  network: string;
  siteKey: string;
  /** The host page's origin, e.g. `http://127.0.0.1:8788`: allowed to call the API and follow threads live. */
  origin: string;
  /** Where the host receives the site's webhooks. */
  webhookUrl: string;
  /** The endpoint's signing secret, as the host verifies with it (`.dev.vars`). */
  webhookSecret: string;
  /** The local worker's CODE_SECRET, which seals webhook secrets (`.dev.vars`). */
  codeSecret: string;
}

/**
 * Development only: lets a demo site's host server, on whatever port it runs, embed the widget
 * and receive every event type by webhook. Idempotent; a new port or secret replaces the old.
 */
export async function seedDemoHost(d1: D1Database, host: DemoHost): Promise<void> {
  const db = drizzle(d1);
  const [site] = await db
    .select({ allowedOrigins: sites.allowedOrigins })
    .from(sites)
    .where(and(eq(sites.networkId, host.network), eq(sites.key, host.siteKey)));
  if (!site) throw new Error(`no demo site ${host.siteKey}`);
  const allowedOrigins = site.allowedOrigins.includes(host.origin) ? site.allowedOrigins : [...site.allowedOrigins, host.origin];
  const secretSealed = await sealSecret({ CODE_SECRET: host.codeSecret } as Env, host.webhookSecret);
  const endpoint = {
    url: host.webhookUrl,
    eventTypes: [...DomainEventType.options],
    description: 'Webhook-ontvanger van de voorbeeldserver (ontwikkeling)',
    secretSealed,
  };
  await db.batch([
    db.update(sites).set({ allowedOrigins }).where(and(eq(sites.networkId, host.network), eq(sites.key, host.siteKey))),
    db
      .insert(webhookEndpoints)
      .values({ id: demoId(host.network, 'webhook', host.siteKey), networkId: host.network, siteKey: host.siteKey, ...endpoint })
      .onConflictDoUpdate({ target: webhookEndpoints.id, set: endpoint }),
  ]);
}
