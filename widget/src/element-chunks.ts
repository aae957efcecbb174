import { needMessages, type MessagePart } from './locale.js';

/** Element classes by tag. */
export type Elements = { [tag: `buurt-${string}`]: CustomElementConstructor };

/** A chunk of elements loaded on demand: its elements by tag, and its own part of the messages if it has one. */
type Chunk = () => Promise<{ elements: Elements; messages?: MessagePart }>;

const lazy: Chunk = () => import('./lazy-elements.js');
const paged: Chunk = () => import('./paged-elements.js');
const form: Chunk = () => import('./form-elements.js');

/**
 * Elements loaded on demand, by tag: the plein and what it shows from one chunk (src/lazy-elements.ts),
 * the form to start an initiative and the sign-in screens from another (src/form-elements.ts), the
 * meetings and professionals lists from a third (src/paged-elements.ts); after the chunk, the
 * tags an element brings along. An element brings the tags it renders in its own shadow root at
 * once when it always shows them (the plein its initiative), and through `loadElement` when only
 * some of its views do (the sign-in screens). A table rather than a function per tag: the
 * elements module is part of every first view's bytes.
 */
const modules: Record<string, [Chunk, ...string[]]> = {
  'buurt-initiative': [lazy],
  'buurt-plein': [lazy, 'buurt-initiative'],
  'buurt-sign-in': [form],
  'buurt-start-initiative': [form],
  'buurt-discussion': [lazy],
  'buurt-initiative-actions': [lazy],
  'buurt-events': [paged],
  'buurt-professionals': [paged],
};

/** Each element's loader: its module, with every message of the page's language, its chunk's own part too. */
export const chunks: Record<string, () => Promise<Elements>> = Object.fromEntries(
  Object.entries(modules).map(([tag, [load, ...along]]) => [
    tag,
    async () => {
      const [{ elements, messages }] = await Promise.all([load(), needMessages()]);
      // Without a part of its own, the default one again: already there.
      await needMessages(messages);
      return Object.fromEntries([tag, ...along].map((name) => [name, elements[name as keyof Elements]!]));
    },
  ]),
);

/** Defines each of `elements` that `registry` does not have yet (a second copy of the bundle may have). */
export function define(registry: CustomElementRegistry, elements: Elements): void {
  for (const [tag, element] of Object.entries(elements)) {
    if (!registry.get(tag)) registry.define(tag, element);
  }
}

/** Loads and defines `tag` (a key of `chunks`) unless it is defined; resolves once it is. */
export async function loadElement(tag: keyof typeof chunks & string, registry: CustomElementRegistry = customElements): Promise<void> {
  if (!registry.get(tag)) define(registry, await chunks[tag]!());
}
