import type { BatchItem } from 'drizzle-orm/batch';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { memberships, supports } from './community.js';
import { DEMO_EPOCH, type DemoInitiative, type DemoNetwork } from './demo-data.js';
import { demoMembershipCount } from './demo-people.js';
import { users } from './schema.js';

/**
 * The neighbours behind the demo's numbers: every supporter and member an initiative counts is a
 * real row (a support or a membership) of a generated resident, so the counters the database
 * keeps by trigger start out true and stay true.
 */

const FIRST_NAMES = ['Anna', 'Bram', 'Chantal', 'Daan', 'Emma', 'Fenna', 'Gijs', 'Hanna', 'Ilse', 'Jesse', 'Kees', 'Lieke', 'Milan', 'Noor', 'Omar', 'Priya', 'Ruud', 'Sofie', 'Thijs', 'Ula'];
const LAST_NAMES = ['de Jong', 'Peters', 'Hendriks', 'Boukhari', 'van Leeuwen', 'Dekker', 'Brouwer', 'Çelik', 'Vos', 'Kramer'];

const DAY = 24 * 60 * 60 * 1000;

/** How many generated neighbours a network needs: enough for its busiest initiative. */
function poolSize(network: DemoNetwork): number {
  return Math.max(0, ...network.initiatives.map((i) => i.supporters + extraMembers(i)));
}

/** Members an initiative counts beyond its owner and named co-organisers. */
function extraMembers(initiative: DemoInitiative): number {
  return Math.max(0, initiative.members - demoMembershipCount(initiative));
}

/** The statements that write the generated neighbours, their supports and their memberships. */
export function demoNeighbourStatements(
  db: DrizzleD1Database<Record<string, unknown>>,
  network: DemoNetwork,
  id: (kind: string, key: string, at?: number) => string,
): BatchItem<'sqlite'>[] {
  const statements: BatchItem<'sqlite'>[] = [];
  const networkId = network.key;
  const size = poolSize(network);
  const homes = network.neighbourhoods.map((n) => id('neighbourhood', n.key));
  const neighbour = (n: number) => id('user', `buur-${n % size}`);
  for (let n = 0; n < size; n++) {
    const displayName = `${FIRST_NAMES[n % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length]}`;
    statements.push(
      db
        .insert(users)
        .values({ id: neighbour(n), networkId, displayName, homeNeighbourhoodId: homes[n % homes.length] ?? null })
        .onConflictDoNothing(),
    );
  }
  network.initiatives.forEach((initiative, index) => {
    const initiativeId = id('initiative', initiative.key, DEMO_EPOCH - initiative.ageDays * DAY);
    // After the named co-organisers and members (who joined a day after the start).
    const since = new Date(DEMO_EPOCH - initiative.ageDays * DAY + 2 * DAY);
    // Each initiative starts at another place in the pool, so the neighbours differ.
    const first = index * 7;
    for (let k = 0; k < initiative.supporters; k++) {
      statements.push(
        db.insert(supports).values({ networkId, initiativeId, userId: neighbour(first + k), createdAt: since }).onConflictDoNothing(),
      );
    }
    for (let k = 0; k < extraMembers(initiative); k++) {
      statements.push(
        db
          .insert(memberships)
          .values({ networkId, initiativeId, userId: neighbour(first + initiative.supporters + k), role: 'member', status: 'active', createdAt: since })
          .onConflictDoNothing(),
      );
    }
  });
  return statements;
}
