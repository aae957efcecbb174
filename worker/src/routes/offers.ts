import { CreateHelpOfferRequest, HelpOfferListQuery, Id } from '@buurtplein/sdk/contract';
import { Hono, type Context } from 'hono';
import { authorize } from '../auth/authorize.js';
import { findInitiativeRef } from '../data/initiative-refs.js';
import { canMove, createOffer, findOffer, findOfferingProfessional, listOffers, moveOffer, type OfferMove } from '../data/offers.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { commitWrite } from '../http/commit-write.js';
import { offerEvent, withEvents } from '../outbound/domain-events.js';
import { decodeCursor } from '../http/cursor.js';
import { parseInput } from '../http/validate.js';
import { MAX_LINKS_PER_COMMENT } from '../http/links.js';
import { guardLinks } from '../http/post-guard.js';

async function requireInitiative(c: Context<AppEnv>) {
  const id = c.req.param('id') ?? '';
  const initiative = Id.safeParse(id).success ? await findInitiativeRef(c.get('db'), c.get('site'), id) : null;
  if (!initiative) throw new ApiError('not-found', 'Dit initiatief bestaat niet op deze site.');
  return initiative;
}

/** `/v1/sites/:site/initiatives/:id/offers`: the help professionals offered an initiative, in the open. */
export const initiativeOffersRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const initiative = await requireInitiative(c);
    const { cursor, limit } = parseInput(HelpOfferListQuery, c.req.query());
    const afterId = cursor === undefined ? undefined : decodeCursor(cursor);
    return c.json(await listOffers(c.get('db'), c.get('site'), initiative.id, { afterId, limit }), 200);
  })
  .post('/', async (c) => {
    const { networkId } = c.get('site');
    const initiative = await requireInitiative(c);
    authorize(c, 'offer.create', { type: 'help-target', networkId });
    const input = parseInput(CreateHelpOfferRequest, c.get('body'));
    guardLinks(input.message, MAX_LINKS_PER_COMMENT);
    const actor = c.get('actor');
    const db = c.get('db');
    // The token's roles are a snapshot; the badge shown must be the professional's current one.
    const professional = actor.type === 'user' ? await findOfferingProfessional(db, networkId, actor.userId) : null;
    if (!professional) throw new ApiError('forbidden', 'Alleen professionals van een organisatie in dit netwerk bieden hulp aan.');
    const write = createOffer(db, networkId, initiative, professional, input);
    return commitWrite(c, withEvents(db, write, offerEvent(c, 'offer.created', initiative, write.result)), 201);
  });

const moves: Record<OfferMove, { action: 'offer.respond' | 'offer.withdraw' | 'offer.fulfil'; refused: string }> = {
  accept: { action: 'offer.respond', refused: 'Alleen een aanbod dat nog openstaat kan worden aangenomen.' },
  decline: { action: 'offer.respond', refused: 'Alleen een aanbod dat nog openstaat kan worden afgeslagen.' },
  withdraw: { action: 'offer.withdraw', refused: 'Alleen een open of aangenomen aanbod kan worden ingetrokken.' },
  fulfil: { action: 'offer.fulfil', refused: 'Alleen een aangenomen aanbod kan worden afgerond.' },
};

/** Answers one move of an offer: by the initiative's owner (accept, decline) or the professional (withdraw, fulfil). */
async function move(c: Context<AppEnv>, name: OfferMove): Promise<Response> {
  const site = c.get('site');
  const id = c.req.param('offerId') ?? '';
  const db = c.get('db');
  const found = Id.safeParse(id).success ? await findOffer(db, site, id) : null;
  if (!found) throw new ApiError('not-found', 'Dit aanbod bestaat niet op deze site.');
  const { offer, ownerId } = found;
  authorize(c, moves[name].action, { type: 'offer', networkId: site.networkId, initiativeOwnerId: ownerId, professionalId: offer.professional.id });
  if (!canMove(offer, name)) throw new ApiError('invalid-transition', `${moves[name].refused} Dit aanbod is "${offer.status}".`);
  const actor = c.get('actor');
  const write = moveOffer(db, site.networkId, offer, name, actor.type === 'user' ? actor.userId : '');
  const initiative = name === 'accept' ? await findInitiativeRef(db, site, offer.initiativeId) : null;
  return commitWrite(c, withEvents(db, write, initiative && offerEvent(c, 'offer.accepted', initiative, write.result)), 200);
}

/** `/v1/sites/:site/offers`: answering and following up an offer. */
export const offersRoutes = new Hono<AppEnv>()
  .post('/:offerId/accept', (c) => move(c, 'accept'))
  .post('/:offerId/decline', (c) => move(c, 'decline'))
  .post('/:offerId/withdraw', (c) => move(c, 'withdraw'))
  .post('/:offerId/fulfil', (c) => move(c, 'fulfil'));
