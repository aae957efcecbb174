import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { devSsoSecretName } from '../auth/sso-token.js';
import { similarIdsOf } from '../data/initiatives.js';
import type { BatchItem } from 'drizzle-orm/batch';
import { DEMO_EPOCH, demoNetworks } from './demo-data.js';
import { demoDiscussionStatements } from './demo-discussions.js';
import { demoHelpStatements } from './demo-help.js';
import { demoNeighbourStatements } from './demo-neighbours.js';
import { demoPeopleStatements } from './demo-people.js';
import { fixedId } from './ids.js';
import * as schema from './schema.js';

const DAY = 24 * 60 * 60 * 1000;

/** The stable id of a demo row, from its network, kind and key. */
export function demoId(network: string, kind: string, key: string, at: number = DEMO_EPOCH): string {
  return fixedId(`${network}/${kind}/${key}`, at);
}

/** The id of a demo initiative, as `seedDemoData` writes it. */
export function demoInitiativeId(network: string, key: string): string {
  const initiative = demoNetworks.find((n) => n.key === network)?.initiatives.find((i) => i.key === key);
  if (!initiative) throw new Error(`no demo initiative ${network}/${key}`);
  return demoId(network, 'initiative', key, DEMO_EPOCH - initiative.ageDays * DAY);
}

/**
 * Writes the demo networks into D1 in one batch. Running it again changes nothing:
 * every row has a stable id and existing rows are left alone.
 */
export async function seedDemoData(d1: D1Database): Promise<void> {
  const db = drizzle(d1, { schema });
  const statements: BatchItem<'sqlite'>[] = [];
  for (const network of demoNetworks) {
    const id = (kind: string, key: string) => demoId(network.key, kind, key);
    const networkId = network.key;
    statements.push(db.insert(schema.networks).values({ id: networkId, name: network.name }).onConflictDoNothing());
    for (const o of network.organisations) {
      statements.push(
        db.insert(schema.organisations).values({ id: id('organisation', o.key), networkId, name: o.name, kind: o.kind }).onConflictDoNothing(),
      );
      for (const domain of o.domains ?? []) {
        statements.push(
          db.insert(schema.organisationDomains).values({ networkId, domain, organisationId: id('organisation', o.key) }).onConflictDoNothing(),
        );
      }
    }
    for (const n of network.neighbourhoods) {
      statements.push(
        db
          .insert(schema.neighbourhoods)
          .values({ id: id('neighbourhood', n.key), networkId, name: n.name, cbsCode: n.cbsCode, postcodes: n.postcodes })
          .onConflictDoNothing(),
      );
    }
    for (const s of network.sites) {
      statements.push(
        db
          .insert(schema.sites)
          .values({
            key: s.key,
            networkId,
            organisationId: id('organisation', s.organisation),
            name: s.name,
            allowedOrigins: s.allowedOrigins,
            theme: s.theme,
          })
          .onConflictDoNothing(),
      );
      // The dev key names its secret; without that secret set (as in production) the key verifies nothing.
      statements.push(
        db
          .insert(schema.siteKeys)
          .values({ siteKey: s.key, networkId, kid: 'dev', alg: 'HS256', secretName: devSsoSecretName(s.key) })
          .onConflictDoNothing(),
      );
      s.neighbourhoods.forEach((n, position) => {
        statements.push(
          db
            .insert(schema.siteNeighbourhoods)
            .values({ siteKey: s.key, neighbourhoodId: id('neighbourhood', n), networkId, position })
            .onConflictDoNothing(),
        );
      });
    }
    for (const u of network.users) {
      statements.push(
        db
          .insert(schema.users)
          .values({
            id: id('user', u.key),
            networkId,
            displayName: u.displayName,
            email: u.email,
            homeNeighbourhoodId: id('neighbourhood', u.neighbourhood),
            organisationId: u.organisation ? id('organisation', u.organisation) : null,
            isProfessional: u.professional ?? false,
            isModerator: u.moderator ?? false,
            isNetworkAdmin: u.networkAdmin ?? false,
          })
          .onConflictDoNothing(),
      );
    }
    for (const u of network.users) {
      const subjects = [{ provider: 'email', subject: u.email }, ...network.sites.map((s) => ({ provider: `sso:${s.key}`, subject: u.key }))];
      for (const { provider, subject } of subjects) {
        statements.push(
          db
            .insert(schema.identities)
            .values({ id: id('identity', `${provider}/${subject}`), networkId, userId: id('user', u.key), provider, subject })
            .onConflictDoNothing(),
        );
      }
    }
    for (const i of network.initiatives) {
      const at = new Date(DEMO_EPOCH - i.ageDays * DAY);
      statements.push(
        db
          .insert(schema.initiatives)
          .values({
            id: demoInitiativeId(network.key, i.key),
            networkId,
            neighbourhoodId: id('neighbourhood', i.neighbourhood),
            ownerId: id('user', i.owner),
            title: i.title,
            summary: i.summary,
            body: i.body,
            status: i.status,
            themes: i.themes,
            needs: i.needs,
            // Supports and memberships are rows (demo-people, demo-neighbours); triggers count them.
            supporterCount: 0,
            memberCount: 0,
            createdAt: at,
            updatedAt: at,
          })
          .onConflictDoNothing(),
      );
    }
    // Once every initiative is in the text index: each one's similar ids, as writing it keeps them.
    for (const i of network.initiatives) {
      const similarTo = { id: demoInitiativeId(network.key, i.key), title: i.title, summary: i.summary, neighbourhoodId: id('neighbourhood', i.neighbourhood), themes: i.themes };
      statements.push(db.update(schema.initiatives).set({ similarIds: similarIdsOf(db, networkId, similarTo) }).where(eq(schema.initiatives.id, similarTo.id)));
    }
    // After the initiatives: owners, co-organisers, status histories and updates.
    statements.push(...demoPeopleStatements(db, network, (kind, key, at) => demoId(network.key, kind, key, at)));
    statements.push(...demoNeighbourStatements(db, network, (kind, key, at) => demoId(network.key, kind, key, at)));
    // After the initiatives: every initiative gets its thread, then topics and comments.
    statements.push(...demoDiscussionStatements(db, network, (kind, key, at) => demoId(network.key, kind, key, at)));
    // After the discussions: a meeting's minutes are a comment in its initiative's thread.
    statements.push(...demoHelpStatements(db, network, (kind, key, at) => demoId(network.key, kind, key, at)));
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}
