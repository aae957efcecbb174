import { BuurtError } from '@buurtplein/sdk';
import { describe, expect, it } from 'vitest';
import { clientAs, testClient } from '../sdk-client.js';

const SITE = 'gemeente-voorbeeldstad';

describe('reports, moderation, privacy and site administration through the SDK client', () => {
  it('reports a comment, which a moderator sees in the queue, decides on and finds in the audit log', async () => {
    const joost = await clientAs(SITE, 'joost');
    const topic = await joost.threads.create({ neighbourhood: 'BU05990101', title: 'Parkeren op de stoep' });
    const comment = await joost.comments.create(topic.id, { body: 'Koop een fiets, sukkels.' });
    const sanne = await clientAs(SITE, 'sanne');
    const report = await sanne.reports.create({ targetType: 'comment', targetId: comment.id, reason: 'offensive' });
    expect(report).toMatchObject({ targetId: comment.id, status: 'open' });

    const lotte = await clientAs(SITE, 'lotte');
    const queue = await lotte.moderation.queue.get();
    expect(queue.data.map((i) => i.targetId)).toContain(comment.id);
    const entry = await lotte.moderation.actions.create({ action: 'hide', targetType: 'comment', targetId: comment.id, reason: 'Schelden hoort hier niet.' });
    expect(entry).toMatchObject({ action: 'hide', targetId: comment.id });
    const log = [];
    for await (const e of lotte.moderation.auditLog.all({ limit: 2 })) log.push(e.id);
    expect(log).toContain(entry.id);
    const error = await sanne.moderation.queue.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuurtError);
    expect((error as BuurtError).code).toBe('forbidden');
  });

  it('exports and deletes the signed-in account, ending the session', async () => {
    const user = await clientAs(SITE, 'wegwezer');
    const data = await user.me.export();
    expect(data).toBeTypeOf('object');
    const deleted = await user.me.delete({ contributions: 'keep' });
    expect(deleted).toBeTypeOf('object');
    expect(user.session).toBeNull();
  });

  it('reads and changes the site settings, SSO keys and figures (network admin)', async () => {
    const beheer = await clientAs(SITE, 'beheer');
    const settings = await beheer.admin.settings.get();
    const changed = await beheer.admin.settings.update({ theme: { ...settings.theme, '--buurt-color-accent': '#00689e' } });
    expect(changed.theme['--buurt-color-accent']).toBe('#00689e');
    expect((await testClient(SITE).sites.get()).theme['--buurt-color-accent']).toBe('#00689e');

    const key = await beheer.admin.ssoKeys.create({ alg: 'HS256', kid: 'sdk-2026' });
    expect(key.secret).toBeTypeOf('string');
    expect((await beheer.admin.ssoKeys.list()).data.map((k) => k.kid)).toContain('sdk-2026');
    expect((await beheer.admin.ssoKeys.retire('sdk-2026')).status).toBe('retired');

    expect(Array.isArray((await beheer.admin.figures.get()).data)).toBe(true);
    const [pieter] = (await beheer.admin.users.search('pieter@example.nl')).data;
    expect(pieter).toMatchObject({ displayName: 'Pieter van Dijk', roles: ['resident'] });
    const organisations = (await beheer.admin.organisations.list()).data;
    expect(organisations.map((o) => o.name)).toContain('Welzijn Voorbeeldstad');
    const csv = await beheer.admin.figures.csv();
    expect(csv.split('\n')[0]).toMatch(/^buurt;/);
  });
});
