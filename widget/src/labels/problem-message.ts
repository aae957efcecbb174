import { msg } from '@lit/localize';

/**
 * A plain-language explanation of why loading failed, by `BuurtError.code`; `otherwise` for
 * any other failure (by default the list's message).
 */
export function problemMessage(code: string, otherwise?: string): string {
  switch (code) {
    case 'network-error':
      return msg('Buurtplein is nu niet bereikbaar. Controleer uw internetverbinding en probeer het opnieuw.', { id: 'problem-network' });
    case 'site-not-found':
    case 'missing-site':
      return msg('Deze pagina is niet goed gekoppeld aan Buurtplein. Laat het de beheerder van de website weten.', { id: 'problem-site' });
    default:
      return otherwise ?? msg('Het laden van de initiatieven is niet gelukt. Probeer het opnieuw.', { id: 'problem-initiatives' });
  }
}
