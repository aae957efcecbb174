import type { InitiativeStatus } from '@buurtplein/sdk/contract';

/** The open steps of an initiative, in order. */
const STEPS: readonly InitiativeStatus[] = ['idea', 'gathering', 'planning', 'active'];

/** Every status, in the order an initiative goes through them. */
export const INITIATIVE_STATUSES: readonly InitiativeStatus[] = [...STEPS, 'completed', 'paused', 'archived'];

/**
 * The statuses an organiser may move an initiative to from `from`, as the contract's
 * `UpdateInitiativeRequest` lays them down (and the API enforces): forward through the open steps,
 * skipping allowed; `completed` from `active`; `paused` from an open step and back to any open
 * step; `archived` from everywhere; `archived` is final and `completed` can only be archived.
 */
export function nextStatuses(from: InitiativeStatus): InitiativeStatus[] {
  return INITIATIVE_STATUSES.filter((to) => {
    if (from === to || from === 'archived') return false;
    if (to === 'archived') return true;
    if (from === 'completed') return false;
    if (from === 'paused') return STEPS.includes(to);
    if (to === 'paused') return true;
    if (to === 'completed') return from === 'active';
    return STEPS.indexOf(to) > STEPS.indexOf(from);
  });
}
