import { msg } from '@lit/localize';
import type { InitiativeNeed } from '@buurtplein/sdk/contract';

/** Every choice, in the order forms offer them (checked complete against the contract). */
export const INITIATIVE_NEEDS = Object.keys({ volunteers: 0, funding: 0, permit: 0, space: 0, expertise: 0, materials: 0, other: 0 } satisfies Record<InitiativeNeed, 0>) as InitiativeNeed[];

/** The resident-facing name of what an initiative still needs, in the current locale. */
export function initiativeNeedLabel(need: InitiativeNeed): string {
  switch (need) {
    case 'volunteers':
      return msg('Vrijwilligers', { id: 'need-volunteers' });
    case 'funding':
      return msg('Geld', { id: 'need-funding' });
    case 'permit':
      return msg('Vergunning', { id: 'need-permit' });
    case 'space':
      return msg('Ruimte', { id: 'need-space' });
    case 'expertise':
      return msg('Kennis', { id: 'need-expertise' });
    case 'materials':
      return msg('Materiaal', { id: 'need-materials' });
    case 'other':
      return msg('Overig', { id: 'need-other' });
    default:
      // A need newer than this widget: show it rather than nothing.
      return String(need);
  }
}
