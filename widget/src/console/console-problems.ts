import { msg } from '@lit/localize';
import { BuurtError } from '@buurtplein/sdk';

/** The problem slug of a failure; `unknown` for anything that is not an API error. */
export function problemCode(error: unknown): string {
  return error instanceof BuurtError ? error.code : 'unknown';
}

/** Whether the session is gone, so the console should ask to sign in again. */
export function sessionEnded(error: unknown): boolean {
  return error instanceof BuurtError && error.status === 401;
}

/** A plain-language message for a failed console request. */
export function problemMessage(error: unknown): string {
  switch (problemCode(error)) {
    case 'network-error':
      return msg('Buurtplein is nu niet bereikbaar. Controleer de verbinding en probeer het opnieuw.', { id: 'console-problem-network' });
    case 'forbidden':
      return msg('U heeft voor dit onderdeel niet de juiste rol.', { id: 'console-problem-forbidden' });
    case 'not-found':
      return msg('Dit bestaat niet (meer) op deze site. Vernieuw de lijst.', { id: 'console-problem-not-found' });
    case 'code-invalid':
    case 'code-expired':
    case 'code-locked':
      return msg('Deze code klopt niet of is verlopen. Vraag een nieuwe code aan.', { id: 'console-problem-code' });
    case 'rate-limited':
      return msg('Te veel pogingen achter elkaar. Wacht even en probeer het opnieuw.', { id: 'console-problem-rate-limited' });
    case 'turnstile-failed':
      return msg('Deze site vraagt een Turnstile-controle bij het aanvragen van een code; de console ondersteunt die nog niet.', { id: 'console-problem-turnstile' });
    case 'kid-taken':
      return msg('Deze site heeft al een sleutel met deze naam. Kies een andere naam.', { id: 'console-problem-kid-taken' });
    case 'invalid-request':
      return msg('Niet alles is goed ingevuld. Kijk de gemarkeerde velden na.', { id: 'console-problem-invalid' });
    default:
      return msg('Dat is niet gelukt. Probeer het opnieuw.', { id: 'console-problem-unknown' });
  }
}

/**
 * The API's own words per field of an `invalid-request` problem, whose detail reads
 * `field.path: message; other.path: message`. Keys are the top-level field names.
 */
export function fieldProblems(error: unknown): Map<string, string> {
  const found = new Map<string, string>();
  if (!(error instanceof BuurtError) || error.code !== 'invalid-request') return found;
  for (const part of error.message.split('; ')) {
    const colon = part.indexOf(': ');
    if (colon < 0) continue;
    const field = part.slice(0, colon).split('.')[0]!;
    if (!found.has(field)) found.set(field, part.slice(colon + 2));
  }
  return found;
}

/** Fired by a console section when the API no longer accepts the session. */
export const SESSION_ENDED = 'buurt-console-session-ended';

/** Tells the console shell that the session is gone. */
export function announceSessionEnded(from: HTMLElement): void {
  from.dispatchEvent(new CustomEvent(SESSION_ENDED, { bubbles: true, composed: true }));
}
