import { msg, str } from '@lit/localize';

// Only the supporters' count: the list's cards show it, so this file is part of every first view.

/** "23 buren steunen dit": how many neighbours support an initiative; `formatted` is `count` in the page's number format. */
export function supportersLabel(count: number, formatted: string): string {
  return count === 1 ? msg('1 buur steunt dit', { id: 'supporters-one' }) : msg(str`${formatted} buren steunen dit`, { id: 'supporters' });
}
