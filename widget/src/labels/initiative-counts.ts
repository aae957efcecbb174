import { msg, str } from '@lit/localize';

// Only the counts a list's first view shows: this file is part of every first view.

/** "23 buren steunen dit": how many neighbours support an initiative; `formatted` is `count` in the page's number format. */
export function supportersLabel(count: number, formatted: string): string {
  return count === 1 ? msg('1 buur steunt dit', { id: 'supporters-one' }) : msg(str`${formatted} buren steunen dit`, { id: 'supporters' });
}

/** "6 initiatieven gevonden.": what a list says to screen readers when it has loaded `count` initiatives (not none). */
export function initiativesFoundLabel(count: number, formatted: string): string {
  return count === 1 ? msg('1 initiatief gevonden.', { id: 'initiatives-found-one' }) : msg(str`${formatted} initiatieven gevonden.`, { id: 'initiatives-found' });
}
