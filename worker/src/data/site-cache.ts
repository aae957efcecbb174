import type { Database } from './database.js';
import { findSite, type SiteRecord } from './sites.js';

interface Entry {
  expires: number;
  networkId: string | null;
  record: Promise<SiteRecord | null>;
}

/**
 * Site records held in this isolate's memory for a few seconds: every request of a site needs
 * the same record, so most requests skip that round trip. Concurrent lookups of one site share
 * one promise. A write drops its network's records here at once (`forgetNetwork`); other
 * isolates see it when their entry expires.
 */
const entries = new Map<string, Entry>();

/** Entries kept at most, so a flood of unknown keys cannot grow memory without bound. */
const MAX_ENTRIES = 1000;

/**
 * The site with this key, from memory when it was read less than `ttlMs` ago; `ttlMs` 0 always
 * reads the database (tests).
 */
export function cachedSite(db: Database, key: string, ttlMs: number, now = Date.now()): Promise<SiteRecord | null> {
  if (ttlMs <= 0) return findSite(db, key);
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.record;
  const entry: Entry = { expires: now + ttlMs, networkId: null, record: findSite(db, key) };
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, entry);
  entry.record.then(
    (record) => {
      entry.networkId = record?.networkId ?? null;
    },
    () => {
      // A failed lookup is not remembered.
      if (entries.get(key) === entry) entries.delete(key);
    },
  );
  return entry.record;
}

/** Drops the cached sites of a network, e.g. after a write changed its content version. */
export function forgetNetwork(networkId: string): void {
  for (const [key, entry] of entries) if (entry.networkId === networkId || entry.networkId === null) entries.delete(key);
}
