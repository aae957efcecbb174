import { drizzle } from 'drizzle-orm/d1';
import type { Logger } from 'drizzle-orm/logger';
import type { BatchItem } from 'drizzle-orm/batch';
import * as community from '../db/community.js';
import * as moderation from '../db/moderation.js';
import * as outbound from '../db/outbound.js';
import * as tables from '../db/schema.js';
import type { PlannedEvent } from '../outbound/domain-events.js';

const schema = { ...tables, ...community, ...moderation, ...outbound };

/** Opens the data layer over a D1 binding; `logger` sees every statement (tests read query plans with it). */
export function database(d1: D1Database, logger?: Logger) {
  return drizzle(d1, { schema, logger });
}

/** The data layer's handle on D1. */
export type Database = ReturnType<typeof database>;

/** What a site lets a request see: its network and the neighbourhoods it shows. */
export interface SiteScope {
  networkId: string;
  neighbourhoodIds: readonly string[];
  /**
   * The site shows every neighbourhood of its network (a city's site over its own city): a read of
   * many neighbourhoods then needs no list of them (`inSiteWindow`). Unknown counts as no.
   */
  showsWholeNetwork?: boolean;
}

/** The statements of one D1 batch: all of them commit, or none. */
export type Statements = [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]];

/**
 * A planned mutation: the statements that make it and the wire result it will have once they
 * commit. Routes commit it with `commitWrite`, which adds the idempotency record to the same batch.
 */
export interface Write<T> {
  statements: Statements;
  result: T;
  /** Domain events whose outbox rows are among `statements`; published after the commit (`withEvents`). */
  events?: readonly PlannedEvent[];
  /**
   * `false` for a write that changes nothing an anonymous reader sees (a sign-in code, a follow,
   * a webhook endpoint): it leaves the network's content version alone, so cached reads stay hits.
   */
  publicContent?: boolean;
}
