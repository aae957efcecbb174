import { msg } from '@lit/localize';
import type { InitiativeStatus } from '@buurtplein/sdk/contract';

/** The resident-facing name of an initiative status, in the current locale. */
export function initiativeStatusLabel(status: InitiativeStatus): string {
  switch (status) {
    case 'idea':
      return msg('Idee');
    case 'gathering':
      return msg('Buren gezocht');
    case 'planning':
      return msg('In voorbereiding');
    case 'active':
      return msg('Actief');
    case 'completed':
      return msg('Afgerond');
    case 'paused':
      return msg('Gepauzeerd');
    case 'archived':
      return msg('Gearchiveerd');
    default:
      // A status newer than this widget: show it rather than nothing.
      return String(status);
  }
}
