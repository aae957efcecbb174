import { CreateInitiativeRequest, Id, UpdateInitiativeRequest } from '@buurtplein/sdk/contract';
import { Hono, type Context } from 'hono';
import { authorize } from '../auth/authorize.js';
import { createInitiative, currentStatus, getInitiativeDetail, updateInitiative } from '../data/initiative-detail.js';
import { canTransition } from '../data/initiative-status.js';
import { listInitiatives, listSimilarInitiatives } from '../data/initiatives.js';
import { setSupport } from '../data/supports.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { commitWrite } from '../http/commit-write.js';
import { refreshSimilarAfterResponse } from '../http/similar-after-write.js';
import { awaitsPremoderation, guardLinks, guardPost, withStatements } from '../http/post-guard.js';
import { MAX_LINKS_PER_POST } from '../http/links.js';
import { initiativeCreated, initiativeStatusChanged, withEvents } from '../outbound/domain-events.js';
import { parseInput } from '../http/validate.js';
import { actorId, initiativeNotFound, initiativeResource, requireMe, requireParticipation, signedInId } from './initiative-access.js';
import { initiativeFilter } from './initiative-filter.js';
import { invitationCandidatesRoutes } from './invitation-candidates.js';
import { membersRoutes } from './members.js';
import { updatesRoutes } from './updates.js';
import { shownNeighbourhood } from '../data/sites.js';

async function loadDetail(c: Context<AppEnv>) {
  const id = c.req.param('id') ?? '';
  const detail = Id.safeParse(id).success ? await getInitiativeDetail(c.get('db'), c.get('site'), id, actorId(c)) : null;
  if (!detail) throw initiativeNotFound();
  return detail;
}

/** `PUT` and `DELETE …/support`: a +1, once per user, or taking it back. */
async function support(c: Context<AppEnv>, on: boolean): Promise<Response> {
  const seen = await requireParticipation(c);
  authorize(c, 'initiative.support', initiativeResource(c, seen));
  return commitWrite(c, setSupport(c.get('db'), c.get('site').networkId, signedInId(c), seen, on), 200);
}

/** `/v1/sites/:site/initiatives`: the initiatives in the site's neighbourhoods, and everything people do with them. */
export const initiativesRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const site = c.get('site');
    const page = await listInitiatives(c.get('db'), site, initiativeFilter(site, c.req.query()));
    return c.json(page, 200);
  })
  .post('/', async (c) => {
    const site = c.get('site');
    authorize(c, 'initiative.create', { type: 'initiative-place', networkId: site.networkId });
    const { neighbourhood: place, ...input } = parseInput(CreateInitiativeRequest, c.get('body'));
    const neighbourhood = shownNeighbourhood(site, place);
    if (!neighbourhood) throw new ApiError('invalid-request', `neighbourhood: deze site toont geen buurt "${place}"`);
    const me = await requireMe(c);
    const db = c.get('db');
    const counted = await guardPost(c, 'initiative', `${input.title}\n${input.summary}\n${input.body}`);
    const pending = await awaitsPremoderation(c);
    const similar = await listSimilarInitiatives(db, site, { id: null, neighbourhoodId: neighbourhood.id, ...input });
    const owner = { id: me.id, displayName: me.displayName, organisation: me.roles.includes('professional') ? me.organisation : null };
    const where = { id: neighbourhood.id, name: neighbourhood.name };
    const write = withStatements(createInitiative(db, { networkId: site.networkId, neighbourhood: where, owner, ...input, visibility: pending ? 'pending' : 'visible' }, similar), counted);
    // A post waiting for a moderator is news to no one yet.
    return commitWrite(c, pending ? write : withEvents(db, write, initiativeCreated(c, write.result)), 201, () => refreshSimilarAfterResponse(c));
  })
  .get('/:id', async (c) => c.json(await loadDetail(c), 200))
  .patch('/:id', async (c) => {
    const site = c.get('site');
    const current = await loadDetail(c);
    const { status, note, ...text } = parseInput(UpdateInitiativeRequest, c.get('body'));
    const resource = initiativeResource(c, { initiative: { ownerId: current.owner.id }, membership: current.viewer?.membership ?? null });
    if (Object.values(text).some((v) => v !== undefined)) authorize(c, 'initiative.update', resource);
    guardLinks([text.title, text.summary, text.body, note].filter(Boolean).join('\n'), MAX_LINKS_PER_POST);
    if (status !== undefined) {
      authorize(c, 'initiative.changeStatus', resource);
      if (!canTransition(current.status, status)) {
        throw new ApiError('invalid-transition', `Een initiatief met status "${current.status}" kan niet naar "${status}".`);
      }
    }
    const me = await requireMe(c);
    const db = c.get('db');
    const write = updateInitiative(db, site.networkId, current, { ...text, status, note }, { id: me.id, displayName: me.displayName });
    try {
      return await commitWrite(c, withEvents(db, write, initiativeStatusChanged(c, current, write.result)), 200, () => refreshSimilarAfterResponse(c));
    } catch (error) {
      // The status write is guarded: it aborts when someone changed the status since we read it.
      if (status !== undefined && (await currentStatus(db, site, current.id)) !== current.status) {
        throw new ApiError('invalid-transition', 'De status is intussen door iemand anders gewijzigd; laad het initiatief opnieuw.');
      }
      throw error;
    }
  })
  .put('/:id/support', (c) => support(c, true))
  .delete('/:id/support', (c) => support(c, false))
  .route('/:id/members', membersRoutes)
  .route('/:id/invitation-candidates', invitationCandidatesRoutes)
  .route('/:id/updates', updatesRoutes);
