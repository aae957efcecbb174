import type { OutgoingEmail } from './email-sender.js';

/** The e-mail that carries a one-time sign-in code. */
export function signInCodeMessage(site: { name: string; networkId: string }, to: string, code: string, validMinutes: number): OutgoingEmail {
  return {
    networkId: site.networkId,
    to,
    subject: `Uw aanmeldcode voor ${site.name}: ${code}`,
    text: [
      `Uw aanmeldcode voor Buurtplein op ${site.name} is:`,
      '',
      `    ${code}`,
      '',
      `De code is ${validMinutes} minuten geldig en werkt één keer.`,
      'Heeft u deze code niet aangevraagd? Dan kunt u deze e-mail negeren.',
    ].join('\n'),
  };
}
