import { msg } from '@lit/localize';
import type { InitiativeStatus } from '@buurtplein/sdk/contract';

/** The resident-facing name of an initiative status, in the current locale. */
export function initiativeStatusLabel(status: InitiativeStatus): string {
  switch (status) {
    case 'idea':
      return msg('Idee', { id: 'status-idea' });
    case 'gathering':
      return msg('Buren gezocht', { id: 'status-gathering' });
    case 'planning':
      return msg('In voorbereiding', { id: 'status-planning' });
    case 'active':
      return msg('Actief', { id: 'status-active' });
    case 'completed':
      return msg('Afgerond', { id: 'status-completed' });
    case 'paused':
      return msg('Gepauzeerd', { id: 'status-paused' });
    case 'archived':
      return msg('Gearchiveerd', { id: 'status-archived' });
    default:
      // A status newer than this widget: show it rather than nothing.
      return String(status);
  }
}
