import type { DomainEvent, FollowFrequency, InitiativeStatus } from '@buurtplein/sdk/contract';
import type { OutgoingEmail } from '../email/email-sender.js';

type Locale = 'nl' | 'en';

const statusNames: Record<Locale, Record<InitiativeStatus, string>> = {
  nl: { idea: 'idee', gathering: 'buren gezocht', planning: 'in voorbereiding', active: 'actief', completed: 'afgerond', paused: 'gepauzeerd', archived: 'gearchiveerd' },
  en: { idea: 'idea', gathering: 'looking for neighbours', planning: 'planning', active: 'active', completed: 'completed', paused: 'paused', archived: 'archived' },
};

function excerpt(text: string | null, length = 200): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function when(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}

/** One line about an event, in the reader's language; user text stays plain text. */
export function describeEvent(event: DomainEvent, locale: Locale): string {
  const nl = locale === 'nl';
  switch (event.type) {
    case 'initiative.created': {
      const { initiative } = event.data;
      return nl ? `Nieuw initiatief: "${initiative.title}" – ${initiative.summary}` : `New initiative: "${initiative.title}" – ${initiative.summary}`;
    }
    case 'initiative.status_changed': {
      const { initiative, change } = event.data;
      const to = statusNames[locale][change.to];
      return nl ? `"${initiative.title}" is nu: ${to}` : `"${initiative.title}" is now: ${to}`;
    }
    case 'offer.created': {
      const { initiative, offer } = event.data;
      return nl
        ? `${offer.professional.displayName} (${offer.organisation.name}) biedt hulp aan bij "${initiative.title}": ${excerpt(offer.message)}`
        : `${offer.professional.displayName} (${offer.organisation.name}) offers help with "${initiative.title}": ${excerpt(offer.message)}`;
    }
    case 'offer.accepted': {
      const { initiative, offer } = event.data;
      return nl
        ? `"${initiative.title}" nam de hulp van ${offer.organisation.name} aan`
        : `"${initiative.title}" accepted the help of ${offer.organisation.name}`;
    }
    case 'comment.created': {
      const { thread, comment } = event.data;
      const who = comment.author?.displayName ?? (nl ? 'Iemand' : 'Someone');
      return nl ? `${who} reageerde in "${thread.title}": ${excerpt(comment.body)}` : `${who} commented in "${thread.title}": ${excerpt(comment.body)}`;
    }
    case 'event.created': {
      const { event: meeting } = event.data;
      return nl ? `Bijeenkomst "${meeting.title}" op ${when(meeting.startsAt, locale)}` : `Meeting "${meeting.title}" on ${when(meeting.startsAt, locale)}`;
    }
  }
}

/** The headers of one-click unsubscribe (RFC 8058): mail programs show their own button. */
function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** Who an e-mail goes to, and where. */
export interface MailTo {
  networkId: string;
  email: string;
  locale: Locale;
  siteName: string;
  unsubscribeUrl: string;
}

function footer(to: MailTo, reason: string): string[] {
  const nl = to.locale === 'nl';
  return ['', '—', reason, nl ? `Afmelden met één klik: ${to.unsubscribeUrl}` : `Unsubscribe with one click: ${to.unsubscribeUrl}`];
}

/** The e-mail about one event, sent as it happens to a follower. */
export function immediateMessage(to: MailTo, event: DomainEvent): OutgoingEmail {
  const nl = to.locale === 'nl';
  const line = describeEvent(event, to.locale);
  return {
    networkId: to.networkId,
    to: to.email,
    subject: `${to.siteName}: ${excerpt(line, 90)}`,
    text: [
      line,
      ...footer(to, nl ? `U volgt dit op Buurtplein van ${to.siteName}.` : `You follow this on Buurtplein at ${to.siteName}.`),
    ].join('\n'),
    headers: unsubscribeHeaders(to.unsubscribeUrl),
  };
}

/** The daily or weekly digest: every event it covers, oldest first. */
export function digestMessage(to: MailTo, frequency: Exclude<FollowFrequency, 'immediate'>, events: readonly DomainEvent[]): OutgoingEmail {
  const nl = to.locale === 'nl';
  const title = nl ? (frequency === 'daily' ? 'Het nieuws van vandaag' : 'Het nieuws van deze week') : frequency === 'daily' ? "Today's news" : "This week's news";
  return {
    networkId: to.networkId,
    to: to.email,
    subject: `${to.siteName}: ${title} (${events.length})`,
    text: [
      nl ? `${title} uit wat u volgt:` : `${title} from what you follow:`,
      '',
      ...events.map((e) => `• ${describeEvent(e, to.locale)}`),
      ...footer(
        to,
        nl
          ? `U krijgt dit overzicht ${frequency === 'daily' ? 'dagelijks' : 'wekelijks'} van Buurtplein op ${to.siteName}.`
          : `You get this ${frequency} digest from Buurtplein at ${to.siteName}.`,
      ),
    ].join('\n'),
    headers: unsubscribeHeaders(to.unsubscribeUrl),
  };
}
