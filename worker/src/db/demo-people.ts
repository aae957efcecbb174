import type { InitiativeStatus } from '@buurtplein/sdk/contract';
import type { BatchItem } from 'drizzle-orm/batch';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { initiativeStatusChanges, initiativeUpdates, memberships } from './community.js';
import { DEMO_EPOCH, type DemoInitiative, type DemoNetwork } from './demo-data.js';

/**
 * The people around the demo initiatives: the owner's membership, some co-organisers and an
 * invited professional, the public status history that led to each status, and progress
 * updates. `seed.ts` writes them after the initiatives.
 */

const DAY = 24 * 60 * 60 * 1000;

/** Memberships besides the owner's, by initiative key; all active (an accepted invitation for professionals). */
const extraMembers: Record<string, { user: string; role: 'organiser' | 'member'; invitedBy?: string }[]> = {
  'buurtmoestuin-havenflat': [
    { user: 'mehmet', role: 'organiser' },
    { user: 'yara', role: 'member' },
  ],
  'repair-cafe-buurthuis': [
    { user: 'fatima', role: 'member' },
    { user: 'esra', role: 'member', invitedBy: 'mehmet' },
  ],
  'speeltuin-akkerplein': [{ user: 'wim', role: 'organiser' }],
};

/** Progress updates, by initiative key: days before the reference date and the text. */
const updates: Record<string, { ageDays: number; body: string }[]> = {
  'buurtmoestuin-havenflat': [
    { ageDays: 40, body: 'De woonstichting vindt het een goed plan. We mogen een proefjaar draaien op de helft van het grasveld.' },
    { ageDays: 12, body: 'Grondmonster genomen: de grond is schoon, maar arm. We bestellen compost voor de eerste bakken.' },
  ],
  'speeltuin-akkerplein': [
    { ageDays: 60, body: 'Het buurtfonds draagt € 4.000 bij. Samen met de loterij van de buurtbarbecue hebben we genoeg voor de glijbaan.' },
    { ageDays: 9, body: 'Schilderdag verschoven naar 14 maart; de verf is binnen.' },
  ],
  'repair-cafe-buurthuis': [{ ageDays: 30, body: 'Vorige maand 31 spullen gerepareerd, waaronder vier stofzuigers. Dank aan alle reparateurs!' }],
};

const STEPS: InitiativeStatus[] = ['idea', 'gathering', 'planning', 'active', 'completed'];

/** The statuses an initiative went through to reach its current one, starting as an idea. */
function path(status: InitiativeStatus): InitiativeStatus[] {
  if (status === 'paused') return ['idea', 'gathering', 'paused'];
  if (status === 'archived') return [...STEPS, 'archived'];
  return STEPS.slice(0, STEPS.indexOf(status) + 1);
}

/** How many active memberships the demo gives an initiative: the seed lowers its stored count by this, as triggers add them back. */
export function demoMembershipCount(initiative: DemoInitiative): number {
  return 1 + (extraMembers[initiative.key]?.length ?? 0);
}

/** The statements that write the demo people; `id` makes stable ids. */
export function demoPeopleStatements(
  db: DrizzleD1Database<Record<string, unknown>>,
  network: DemoNetwork,
  id: (kind: string, key: string, at?: number) => string,
): BatchItem<'sqlite'>[] {
  const statements: BatchItem<'sqlite'>[] = [];
  const networkId = network.key;
  for (const i of network.initiatives) {
    const start = DEMO_EPOCH - i.ageDays * DAY;
    const initiativeId = id('initiative', i.key, start);
    const owner = id('user', i.owner);
    statements.push(
      db
        .insert(memberships)
        .values({ networkId, initiativeId, userId: owner, role: 'owner', status: 'active', createdAt: new Date(start) })
        .onConflictDoNothing(),
    );
    for (const m of extraMembers[i.key] ?? []) {
      statements.push(
        db
          .insert(memberships)
          .values({
            networkId,
            initiativeId,
            userId: id('user', m.user),
            role: m.role,
            status: 'active',
            invitedBy: m.invitedBy ? id('user', m.invitedBy) : null,
            createdAt: new Date(start + DAY),
          })
          .onConflictDoNothing(),
      );
    }
    const steps = path(i.status);
    steps.forEach((to, n) => {
      // Spread the changes over the initiative's life, the last one a few days ago at most.
      const at = start + Math.floor((n / steps.length) * i.ageDays * DAY);
      statements.push(
        db
          .insert(initiativeStatusChanges)
          .values({
            id: id('status-change', `${i.key}/${n}`, at),
            networkId,
            initiativeId,
            fromStatus: n === 0 ? null : steps[n - 1]!,
            toStatus: to,
            changedBy: owner,
            createdAt: new Date(at),
          })
          .onConflictDoNothing(),
      );
    });
    for (const [n, u] of (updates[i.key] ?? []).entries()) {
      const at = DEMO_EPOCH - u.ageDays * DAY;
      statements.push(
        db
          .insert(initiativeUpdates)
          .values({ id: id('update', `${i.key}/${n}`, at), networkId, initiativeId, authorId: owner, body: u.body, createdAt: new Date(at) })
          .onConflictDoNothing(),
      );
    }
  }
  return statements;
}
