import type { InitiativeStatus } from '@buurtplein/sdk/contract';

/** The open steps of an initiative, in order. */
const STEPS: readonly InitiativeStatus[] = ['idea', 'gathering', 'planning', 'active'];

/**
 * Whether an initiative may move from `from` to `to` (see `UpdateInitiativeRequest` in the
 * contract): forward through the open steps, skipping allowed; `completed` from `active`;
 * `paused` from an open step and back to any open step; `archived` from everywhere;
 * `archived` is final and `completed` can only be archived.
 */
export function canTransition(from: InitiativeStatus, to: InitiativeStatus): boolean {
  if (from === to || from === 'archived') return false;
  if (to === 'archived') return true;
  if (from === 'completed') return false;
  if (from === 'paused') return STEPS.includes(to);
  if (to === 'paused') return true;
  if (to === 'completed') return from === 'active';
  return STEPS.indexOf(to) > STEPS.indexOf(from);
}
