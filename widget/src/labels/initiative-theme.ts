import { msg } from '@lit/localize';
import type { InitiativeTheme } from '@buurtplein/sdk/contract';

/** Every choice, in the order forms offer them (checked complete against the contract). */
export const INITIATIVE_THEMES = Object.keys({ green: 0, play: 0, meeting: 0, sustainability: 0, safety: 0, culture: 0, care: 0, sport: 0, traffic: 0, housing: 0 } satisfies Record<InitiativeTheme, 0>) as InitiativeTheme[];

/** The resident-facing name of what an initiative is about, in the current locale. */
export function initiativeThemeLabel(theme: InitiativeTheme): string {
  switch (theme) {
    case 'green':
      return msg('Groen', { id: 'theme-green' });
    case 'play':
      return msg('Spelen', { id: 'theme-play' });
    case 'meeting':
      return msg('Ontmoeten', { id: 'theme-meeting' });
    case 'sustainability':
      return msg('Duurzaamheid', { id: 'theme-sustainability' });
    case 'safety':
      return msg('Veiligheid', { id: 'theme-safety' });
    case 'culture':
      return msg('Cultuur', { id: 'theme-culture' });
    case 'care':
      return msg('Zorg', { id: 'theme-care' });
    case 'sport':
      return msg('Sport', { id: 'theme-sport' });
    case 'traffic':
      return msg('Verkeer', { id: 'theme-traffic' });
    case 'housing':
      return msg('Wonen', { id: 'theme-housing' });
    default:
      // A theme newer than this widget: show it rather than nothing.
      return String(theme);
  }
}
