import { needEveryMessage } from './locale.js';

/** Element classes by tag. */
export type Elements = { [tag: `buurt-${string}`]: CustomElementConstructor };

const lazy = () => import('./lazy-elements.js');

/**
 * Elements loaded on demand, by tag, all from one chunk (src/lazy-elements.ts). An element brings
 * the tags it renders in its own shadow root at once when it always shows them (the plein its
 * initiative), and through `loadElement` when only some of its views do (the sign-in screens).
 */
const modules: Record<string, () => Promise<Elements>> = {
  'buurt-initiative': async () => ({ 'buurt-initiative': (await lazy()).BuurtInitiative }),
  'buurt-plein': async () => {
    const m = await lazy();
    return { 'buurt-plein': m.BuurtPlein, 'buurt-initiative': m.BuurtInitiative };
  },
  'buurt-sign-in': async () => ({ 'buurt-sign-in': (await lazy()).BuurtSignIn }),
  'buurt-start-initiative': async () => ({ 'buurt-start-initiative': (await lazy()).BuurtStartInitiative }),
  'buurt-discussion': async () => ({ 'buurt-discussion': (await lazy()).BuurtDiscussion }),
  'buurt-initiative-actions': async () => ({ 'buurt-initiative-actions': (await lazy()).BuurtInitiativeActions }),
  'buurt-events': async () => ({ 'buurt-events': (await lazy()).BuurtEvents }),
  'buurt-professionals': async () => ({ 'buurt-professionals': (await lazy()).BuurtProfessionals }),
};

/** Each element's loader: its module, with every message of the page's language. */
export const chunks: Record<string, () => Promise<Elements>> = Object.fromEntries(
  Object.entries(modules).map(([tag, load]) => [tag, async () => (await Promise.all([load(), needEveryMessage()]))[0]]),
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
