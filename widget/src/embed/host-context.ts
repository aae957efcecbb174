import type { HostContext } from '@buurtplein/sdk/embed';

/** The elements that take a `neighbourhood`, and so follow the page's context. */
export const NEIGHBOURHOOD_VIEWS = ['buurt-plein', 'buurt-initiatives', 'buurt-start-initiative', 'buurt-events', 'buurt-professionals'];

let context: HostContext = {};
/** Elements that follow the context: they had no `neighbourhood` of their own when it was first set. */
const following = new WeakSet<Element>();

/** Makes `element` show the context's neighbourhood, now and whenever it changes. */
export function follow(element: Element): void {
  following.add(element);
  const { neighbourhood } = context;
  if (neighbourhood) element.setAttribute('neighbourhood', neighbourhood);
  else element.removeAttribute('neighbourhood');
}

/**
 * Tells the page's elements what the page is about: each list, plein or start form without a
 * `neighbourhood` attribute of its own (and each one `mount()` shows without one) shows the
 * context's neighbourhood from now on. Elements inside a `<buurt-plein>` follow their plein.
 */
export async function setContext(next: unknown): Promise<void> {
  if (!next || typeof next !== 'object') throw new TypeError('[buurtplein] setContext() needs an object, e.g. { neighbourhood: "BU05990102" }.');
  const { neighbourhood } = next as HostContext;
  if (neighbourhood !== undefined && neighbourhood !== null && typeof neighbourhood !== 'string') {
    throw new TypeError('[buurtplein] setContext({ neighbourhood }) takes an id or CBS code as a string, or null.');
  }
  context = { ...context, ...(next as HostContext) };
  for (const element of document.querySelectorAll(NEIGHBOURHOOD_VIEWS.join())) {
    if (following.has(element) || !element.hasAttribute('neighbourhood')) follow(element);
  }
}
