import { msg } from '@lit/localize';
import type { ModerationLogEntry, ModerationState, ModerationTargetType, ReportReason } from '@buurtplein/sdk/contract';

/** The name of a kind of content, e.g. "Reactie". */
export function targetTypeLabel(type: ModerationTargetType): string {
  switch (type) {
    case 'initiative':
      return msg('Initiatief', { id: 'console-target-initiative' });
    case 'comment':
      return msg('Reactie', { id: 'console-target-comment' });
    case 'update':
      return msg('Voortgangsbericht', { id: 'console-target-update' });
    case 'event':
      return msg('Bijeenkomst', { id: 'console-target-event' });
    case 'thread':
      return msg('Onderwerp', { id: 'console-target-thread' });
    default:
      return String(type);
  }
}

/** Why something was reported. */
export function reportReasonLabel(reason: ReportReason): string {
  switch (reason) {
    case 'spam':
      return msg('Spam', { id: 'console-reason-spam' });
    case 'offensive':
      return msg('Kwetsend', { id: 'console-reason-offensive' });
    case 'personal-data':
      return msg('Persoonsgegevens', { id: 'console-reason-personal-data' });
    case 'misinformation':
      return msg('Onjuiste informatie', { id: 'console-reason-misinformation' });
    case 'other':
      return msg('Anders', { id: 'console-reason-other' });
    default:
      return String(reason);
  }
}

/** Whether the public sees the content. */
export function moderationStateLabel(state: ModerationState): string {
  switch (state) {
    case 'visible':
      return msg('Zichtbaar', { id: 'console-state-visible' });
    case 'hidden':
      return msg('Verborgen', { id: 'console-state-hidden' });
    case 'pending':
      return msg('Wacht op beoordeling', { id: 'console-state-pending' });
    default:
      return String(state);
  }
}

/** What a moderator (or the system) did, as the audit log names it. */
export function moderationActionLabel(action: ModerationLogEntry['action']): string {
  switch (action) {
    case 'hide':
      return msg('Verborgen', { id: 'console-action-hide' });
    case 'restore':
      return msg('Hersteld', { id: 'console-action-restore' });
    case 'dismiss':
      return msg('Melding afgewezen', { id: 'console-action-dismiss' });
    case 'block-user':
      return msg('Gebruiker geblokkeerd', { id: 'console-action-block-user' });
    case 'unblock-user':
      return msg('Blokkade opgeheven', { id: 'console-action-unblock-user' });
    case 'auto-hide':
      return msg('Automatisch verborgen na meldingen', { id: 'console-action-auto-hide' });
    default:
      return String(action);
  }
}
