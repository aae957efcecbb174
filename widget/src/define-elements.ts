import { BuurtInitiatives } from './components/buurt-initiatives/buurt-initiatives.js';

/** Every element of the widget by tag: the one list of what gets registered. */
const elements = {
  'buurt-initiatives': BuurtInitiatives,
} satisfies Record<`buurt-${string}`, CustomElementConstructor>;

/**
 * Registers the widget's elements. Safe to call again (or from a second copy of the
 * bundle): a tag that is already defined is left as it is.
 */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  for (const [tag, element] of Object.entries(elements)) {
    if (!registry.get(tag)) registry.define(tag, element);
  }
}
