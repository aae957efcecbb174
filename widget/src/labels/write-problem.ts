import { msg } from '@lit/localize';

/**
 * What went wrong with something a resident did (signing in, posting, answering), in plain
 * language, by problem slug (`BuurtError.code`); `otherwise` for any other failure.
 */
export function writeProblemMessage(code: string, otherwise?: string): string {
  switch (code) {
    case 'network-error':
      return msg('Er is geen verbinding met Buurtplein. Uw tekst is bewaard; probeer het zo opnieuw.', { id: 'write-problem-network' });
    case 'code-invalid':
      return msg('Deze code klopt niet. Kijk nog eens in de e-mail en typ de 6 cijfers over.', { id: 'write-problem-code-invalid' });
    case 'code-expired':
      return msg('Deze code is verlopen: een code werkt 10 minuten. Vraag een nieuwe code aan.', { id: 'write-problem-code-expired' });
    case 'code-locked':
      return msg('De code is te vaak fout ingevuld en werkt niet meer. Vraag een nieuwe code aan.', { id: 'write-problem-code-locked' });
    case 'rate-limited':
    case 'quota-exceeded':
      return msg('Dat ging te vaak achter elkaar. Wacht een paar minuten en probeer het dan opnieuw.', { id: 'write-problem-rate-limited' });
    case 'unauthorized':
    case 'token-expired':
    case 'invalid-token':
      return msg('U bent niet (meer) ingelogd. Log in en probeer het opnieuw; uw tekst is bewaard.', { id: 'write-problem-signed-out' });
    case 'forbidden':
      return msg('Dit mag u hier niet doen.', { id: 'write-problem-forbidden' });
    case 'user-blocked':
      return msg('Een moderator heeft uw account geblokkeerd. U kunt nu niets plaatsen.', { id: 'write-problem-blocked' });
    case 'event-full':
      return msg('Deze bijeenkomst is vol. Er is geen plek meer vrij.', { id: 'write-problem-event-full' });
    case 'event-ended':
      return msg('Deze bijeenkomst is al voorbij.', { id: 'write-problem-event-ended' });
    case 'invalid-transition':
      return msg('Deze statuswijziging kan niet vanuit de huidige status. Ververs de pagina en kies opnieuw.', { id: 'write-problem-transition' });
    case 'already-member':
      return msg('U doet al mee met dit initiatief.', { id: 'write-problem-already-member' });
    case 'duplicate-post':
      return msg('U heeft deze tekst net al geplaatst.', { id: 'write-problem-duplicate' });
    case 'too-many-links':
      return msg('Er staan te veel links in uw tekst. Haal er een paar weg.', { id: 'write-problem-links' });
    case 'unsafe-link':
      return msg('Een link in uw tekst is niet toegestaan. Gebruik alleen links die met http:// of https:// beginnen.', { id: 'write-problem-unsafe-link' });
    case 'report-exists':
    case 'already-reported':
      return msg('U heeft dit al gemeld. Een moderator kijkt ernaar.', { id: 'write-problem-reported' });
    case 'reply-too-deep':
      return msg('Op deze reactie kunt u niet verder reageren. Reageer op een reactie hoger in het gesprek.', { id: 'write-problem-too-deep' });
    case 'not-found':
      return msg('Dit bestaat niet (meer). Misschien is het net verwijderd.', { id: 'write-problem-not-found' });
    case 'invalid-request':
      return msg('Niet alles is goed ingevuld. Controleer de velden en probeer het opnieuw.', { id: 'write-problem-invalid' });
    default:
      return otherwise ?? msg('Dat is niet gelukt. Uw tekst is bewaard; probeer het opnieuw.', { id: 'write-problem-other' });
  }
}
