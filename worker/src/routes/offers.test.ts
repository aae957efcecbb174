import type { HelpOffer, HelpOfferPage } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, expectProblem, send } from '../../test/api.js';
import { signIn } from '../../test/auth.js';
import { database } from '../data/database.js';
import { organisationResponseFigures } from '../data/offers.js';
import { demoId, demoInitiativeId } from '../db/seed.js';

const SITE = 'gemeente-voorbeeldstad';
const bankjes = demoInitiativeId('voorbeeldstad', 'bankjes-vijver'); // De Akkers, owned by wim
const schoolroute = demoInitiativeId('voorbeeldstad', 'groene-schoolroute'); // Bloemenbuurt, owned by sanne
const moestuin = demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat');
const dorpsfeest = demoInitiativeId('andersdorp', 'dorpsfeest');

async function token(user: string, site = SITE): Promise<string> {
  return (await signIn(site, user)).accessToken;
}

async function offer(initiativeId: string, professional: string, body: unknown = { kind: 'funding', message: 'Ik help met een aanvraag bij het buurtfonds.' }) {
  return send(`/v1/sites/${SITE}/initiatives/${initiativeId}/offers`, body, { token: await token(professional) });
}

async function offered(initiativeId: string, professional: string): Promise<HelpOffer> {
  const res = await offer(initiativeId, professional);
  expect(res.status).toBe(201);
  return (await res.json()) as HelpOffer;
}

function move(offerId: string, name: string, accessToken: string, site = SITE) {
  return send(`/v1/sites/${site}/offers/${offerId}/${name}`, {}, { token: accessToken });
}

describe('GET|POST /v1/sites/:site/initiatives/:id/offers', () => {
  it('lets a professional offer help, shown to everyone with their organisation', async () => {
    const created = await offered(bankjes, 'ruben');
    expect(created).toMatchObject({
      initiativeId: bankjes,
      kind: 'funding',
      status: 'offered',
      professional: { displayName: 'Ruben Mulder', jobTitle: 'Wijkconsulent' },
      organisation: { name: 'Woonstichting Voorbeeld', kind: 'housing-corporation' },
      respondedAt: null,
    });
    const page = (await (await api(`/v1/sites/${SITE}/initiatives/${bankjes}/offers`)).json()) as HelpOfferPage;
    expect(page.data[0]).toEqual(created);
  });

  it('shows the seeded offers of the buurtmoestuin, the accepted meeting room among them', async () => {
    const page = (await (await api(`/v1/sites/woonstichting-voorbeeld/initiatives/${moestuin}/offers`)).json()) as HelpOfferPage;
    expect(page.data.map((o) => [o.kind, o.status])).toEqual(
      expect.arrayContaining([
        ['meeting-space', 'accepted'],
        ['information-spatial', 'offered'],
      ]),
    );
    expect(page.data.find((o) => o.kind === 'meeting-space')?.respondedAt).not.toBeNull();
  });

  it('refuses an offer from a resident with 403', async () => {
    await expectProblem(await offer(bankjes, 'joost'), 403, 'forbidden');
  });

  it('asks an anonymous visitor to sign in before offering', async () => {
    await expectProblem(await send(`/v1/sites/${SITE}/initiatives/${bankjes}/offers`, { kind: 'coffee', message: 'Koffie!' }), 401, 'unauthorized');
  });

  it('rejects an unknown kind and an empty message with the fields named', async () => {
    const body = await expectProblem(await offer(bankjes, 'esra', { kind: 'money', message: '  ' }), 400, 'invalid-request');
    expect(body.detail).toContain('kind');
    expect(body.detail).toContain('message');
  });

  it('answers 404 for an initiative of another network, or outside the site’s neighbourhoods', async () => {
    await expectProblem(await offer(dorpsfeest, 'lotte'), 404, 'not-found');
    const res = await send(
      `/v1/sites/woonstichting-voorbeeld/initiatives/${schoolroute}/offers`,
      { kind: 'coffee', message: 'Koffie!' },
      { token: await token('ruben', 'woonstichting-voorbeeld') },
    );
    await expectProblem(res, 404, 'not-found');
    await expectProblem(await api(`/v1/sites/woonstichting-voorbeeld/initiatives/${schoolroute}/offers`), 404, 'not-found');
  });

  it('gives a professional of another network 404 for this network’s initiatives and offers', async () => {
    const first = await signIn('andersdorp', 'henk');
    await env.DB.prepare('UPDATE users SET is_professional = 1, organisation_id = ? WHERE id = ?')
      .bind(demoId('andersdorp', 'organisation', 'gemeente'), first.user.id)
      .run();
    const henk = await token('henk', 'andersdorp');
    const res = await send(`/v1/sites/andersdorp/initiatives/${bankjes}/offers`, { kind: 'coffee', message: 'Koffie!' }, { token: henk });
    await expectProblem(res, 404, 'not-found');
    const { id } = await offered(bankjes, 'esra');
    await expectProblem(await move(id, 'withdraw', henk, 'andersdorp'), 404, 'not-found');
    // …while in their own network the same professional may offer.
    const own = await send(`/v1/sites/andersdorp/initiatives/${dorpsfeest}/offers`, { kind: 'coffee', message: 'Koffie!' }, { token: henk });
    expect(own.status).toBe(201);
  });

  it('rejects a limit above 50', async () => {
    await expectProblem(await api(`/v1/sites/${SITE}/initiatives/${bankjes}/offers?limit=51`), 400, 'invalid-request');
  });
});

describe('POST /v1/sites/:site/offers/:offerId/…', () => {
  it('lets the owner accept: status accepted and respondedAt set', async () => {
    const { id, createdAt } = await offered(bankjes, 'esra');
    const res = await move(id, 'accept', await token('wim'));
    expect(res.status).toBe(200);
    const accepted = (await res.json()) as HelpOffer;
    expect(accepted.status).toBe('accepted');
    expect(Date.parse(accepted.respondedAt!)).toBeGreaterThanOrEqual(Date.parse(createdAt));
    const page = (await (await api(`/v1/sites/${SITE}/initiatives/${bankjes}/offers`)).json()) as HelpOfferPage;
    expect(page.data.find((o) => o.id === id)).toEqual(accepted);
  });

  it('refuses accepting or declining by anyone but the owner with 403', async () => {
    const { id } = await offered(bankjes, 'esra');
    await expectProblem(await move(id, 'accept', await token('joost')), 403, 'forbidden');
    await expectProblem(await move(id, 'decline', await token('esra')), 403, 'forbidden');
    await expectProblem(await move(id, 'accept', await token('lotte')), 403, 'forbidden');
  });

  it('lets the owner decline once, and nothing more after that', async () => {
    const { id } = await offered(bankjes, 'lotte');
    const wim = await token('wim');
    expect(((await (await move(id, 'decline', wim)).json()) as HelpOffer).status).toBe('declined');
    await expectProblem(await move(id, 'accept', wim), 409, 'invalid-transition');
    await expectProblem(await move(id, 'withdraw', await token('lotte')), 409, 'invalid-transition');
  });

  it('lets only the professional withdraw or fulfil, and only from the right status', async () => {
    const { id } = await offered(bankjes, 'ruben');
    const ruben = await token('ruben');
    await expectProblem(await move(id, 'fulfil', ruben), 409, 'invalid-transition');
    await expectProblem(await move(id, 'withdraw', await token('wim')), 403, 'forbidden');
    await move(id, 'accept', await token('wim'));
    await expectProblem(await move(id, 'fulfil', await token('esra')), 403, 'forbidden');
    const fulfilled = (await (await move(id, 'fulfil', ruben)).json()) as HelpOffer;
    expect(fulfilled.status).toBe('fulfilled');
    expect(fulfilled.fulfilledAt).not.toBeNull();
    await expectProblem(await move(id, 'withdraw', ruben), 409, 'invalid-transition');

    const second = await offered(bankjes, 'ruben');
    expect(((await (await move(second.id, 'withdraw', ruben)).json()) as HelpOffer).status).toBe('withdrawn');
  });

  it('answers 404 for an unknown offer and for one outside the site’s window', async () => {
    await expectProblem(await move('0000000000zzzzzzzzzzzzzzzz', 'accept', await token('wim')), 404, 'not-found');
    const { id } = await offered(schoolroute, 'lotte');
    const sanne = await token('sanne', 'woonstichting-voorbeeld');
    await expectProblem(await move(id, 'accept', sanne, 'woonstichting-voorbeeld'), 404, 'not-found');
    expect((await move(id, 'accept', await token('sanne'))).status).toBe(200);
  });
});

describe('organisationResponseFigures', () => {
  it('counts an organisation’s offers and acceptances and the median hours to an answer', async () => {
    const organisationId = demoId('voorbeeldstad', 'organisation', 'figures-test');
    const professional = demoId('voorbeeldstad', 'user', 'esra');
    await env.DB.prepare("INSERT INTO organisations (id, network_id, name, kind) VALUES (?, 'voorbeeldstad', 'Buurtwerk', 'welfare')")
      .bind(organisationId)
      .run();
    const t0 = Date.UTC(2026, 9, 1);
    const hour = 3_600_000;
    const rows: [string, number | null][] = [
      ['accepted', 2],
      ['declined', 10],
      ['fulfilled', 4],
      ['offered', null],
    ];
    for (const [i, [status, hours]] of rows.entries()) {
      await env.DB.prepare(
        `INSERT INTO help_offers (id, network_id, initiative_id, professional_id, organisation_id, kind, message, status, responded_at, created_at)
         VALUES (?, 'voorbeeldstad', ?, ?, ?, 'coffee', 'Koffie', ?, ?, ?)`,
      )
        .bind(demoId('voorbeeldstad', 'offer', `figures-${i}`), bankjes, professional, organisationId, status, hours === null ? null : t0 + hours * hour, t0)
        .run();
    }
    const figures = await organisationResponseFigures(database(env.DB), 'voorbeeldstad', organisationId);
    expect(figures).toEqual({ offers: 4, accepted: 2, medianResponseHours: 4 });
    expect(await organisationResponseFigures(database(env.DB), 'andersdorp', organisationId)).toEqual({
      offers: 0,
      accepted: 0,
      medianResponseHours: null,
    });
  });
});
