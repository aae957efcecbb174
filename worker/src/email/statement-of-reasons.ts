import type { ModerationLogEntry, ModerationTargetType } from '@buurtplein/sdk/contract';
import type { Database } from '../data/database.js';
import { findContact } from '../data/moderation.js';
import type { Env } from '../env.js';
import { emailSender, type OutgoingEmail } from './email-sender.js';

const targetNames: Record<ModerationTargetType, string> = {
  initiative: 'uw initiatief',
  comment: 'uw reactie',
  update: 'uw voortgangsbericht',
  event: 'uw bijeenkomst',
  thread: 'uw onderwerp',
};

function decision(entry: ModerationLogEntry): { subject: string; what: string } {
  const target = entry.targetType ? targetNames[entry.targetType] : 'uw bijdrage';
  switch (entry.action) {
    case 'hide':
      return { subject: 'Een moderator heeft uw bijdrage verborgen', what: `Een moderator heeft ${target} verborgen. Anderen zien het niet meer.` };
    case 'auto-hide':
      return {
        subject: 'Uw bijdrage is verborgen na meldingen',
        what: `${target[0]!.toUpperCase()}${target.slice(1)} is automatisch verborgen, omdat verschillende mensen het hebben gemeld. Dit besluit is zonder mens genomen; een moderator bekijkt het zo snel mogelijk.`,
      };
    case 'restore':
      return { subject: 'Uw bijdrage is weer zichtbaar', what: `Een moderator heeft ${target} weer zichtbaar gemaakt.` };
    case 'block-user':
      return { subject: 'Uw account is geblokkeerd', what: 'Een moderator heeft uw account geblokkeerd. U kunt nog lezen, maar niets plaatsen, steunen of melden.' };
    case 'unblock-user':
      return { subject: 'Uw account is niet meer geblokkeerd', what: 'Een moderator heeft de blokkade van uw account opgeheven. U kunt weer meedoen.' };
    case 'dismiss':
      return { subject: 'Meldingen over uw bijdrage zijn afgewezen', what: `Een moderator heeft de meldingen over ${target} afgewezen; er verandert niets.` };
  }
}

/**
 * The statement of reasons to the person a moderation decision concerns: what was decided, why,
 * on what it was based, and how to object (as the EU Digital Services Act, art. 17, asks).
 * Plain text; the moderator's reason is quoted as written.
 */
export function statementOfReasons(site: { name: string; networkId: string }, to: string, entry: ModerationLogEntry): OutgoingEmail {
  const { subject, what } = decision(entry);
  const restrictive = entry.action === 'hide' || entry.action === 'auto-hide' || entry.action === 'block-user';
  return {
    networkId: site.networkId,
    to,
    subject: `${subject} (${site.name})`,
    text: [
      'Beste buurtbewoner,',
      '',
      what,
      '',
      'Reden:',
      ...entry.reason.split('\n').map((line) => `  ${line}`),
      '',
      `Datum: ${entry.createdAt}`,
      `Kenmerk: ${entry.id}`,
      '',
      ...(restrictive
        ? [
            'Bent u het hier niet mee eens? Maak dan bezwaar: antwoord binnen zes maanden op deze e-mail, of schrijf de',
            `beheerders van ${site.name}, en noem het kenmerk. Een andere moderator beoordeelt uw bezwaar opnieuw.`,
            'U kunt het geschil daarnaast voorleggen aan een erkende geschillenbeslechtingsinstantie of aan de rechter.',
          ]
        : ['Heeft u vragen? Antwoord op deze e-mail en noem het kenmerk.']),
      '',
      `Buurtplein op ${site.name}`,
    ].join('\n'),
  };
}

/**
 * Sends the statement of reasons to the user the entry concerns, when they left an e-mail address
 * (SSO users without one are told nothing by mail; the audit log keeps the decision).
 */
export async function sendStatementOfReasons(env: Env, db: Database, site: { name: string; networkId: string }, entry: ModerationLogEntry): Promise<void> {
  if (!entry.userId) return;
  const contact = await findContact(db, site.networkId, entry.userId);
  if (!contact?.email) return;
  await emailSender(env).send(statementOfReasons(site, contact.email, entry));
}
