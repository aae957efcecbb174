import { embedError } from '@buurtplein/sdk/embed';
import { chunks, loadElement } from '../element-chunks.js';
import { follow, NEIGHBOURHOOD_VIEWS } from './host-context.js';

/** The options `mount()` turns into attributes; anything else is ignored. */
const ATTRIBUTES = ['site', 'api', 'lang', 'neighbourhood', 'status', 'limit', 'initiative', 'thread'];

/**
 * Shows the element `buurt-<view>` in `target` (an element or a selector), in place of what it held,
 * with `options` as its attributes; resolves with the element once it is defined.
 */
export async function mount(target: unknown, view: unknown, options: unknown = {}): Promise<HTMLElement> {
  const tag = `buurt-${String(view)}`;
  if (tag !== 'buurt-initiatives' && !(tag in chunks)) {
    throw embedError('unknown-view', `mount() has no view "${String(view)}"; try "plein", "initiatives" or "initiative".`);
  }
  const host = typeof target === 'string' ? document.querySelector(target) : target;
  if (!(host instanceof Element)) throw embedError('mount-target-missing', `mount() found no element for ${String(target)}.`);
  const element = document.createElement(tag);
  const given = (options ?? {}) as Record<string, unknown>;
  for (const name of ATTRIBUTES) {
    const value = given[name];
    if (value !== undefined && value !== null) element.setAttribute(name, String(value));
  }
  if (NEIGHBOURHOOD_VIEWS.includes(tag) && given.neighbourhood == null) follow(element);
  host.replaceChildren(element);
  if (tag in chunks) await loadElement(tag);
  await customElements.whenDefined(tag);
  return element;
}
