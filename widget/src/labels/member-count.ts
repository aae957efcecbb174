import { msg, str } from '@lit/localize';

/** "4 buren doen mee": how many neighbours take part; `formatted` is `count` in the page's number format. */
export function membersLabel(count: number, formatted: string): string {
  return count === 1 ? msg('1 buur doet mee', { id: 'members-one' }) : msg(str`${formatted} buren doen mee`, { id: 'members' });
}
