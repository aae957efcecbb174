import { BuurtInitiatives } from './components/buurt-initiatives/buurt-initiatives.js';
import { chunks, define, type Elements } from './element-chunks.js';
import { firstViewSettled } from './first-view.js';
import { yieldToMain } from './yield-to-main.js';

/**
 * How long the list may wait for the script tag's first-view request before it is defined (and
 * shows a skeleton instead). The host's snippet reserves its height meanwhile.
 */
const FIRST_VIEW_WAIT_MS = 300;

/** Elements of the first view, in the elements module itself. */
const eager: Elements = {
  'buurt-initiatives': BuurtInitiatives,
};

/** Registries already watched for lazy tags, so a second call adds no second observer. */
const watched = new WeakSet<CustomElementRegistry>();

/**
 * Registers the widget's elements. `<buurt-initiatives>` is defined at once (under the script tag:
 * once its first-view request answered, at most 300 ms later); every other element
 * (`<buurt-plein>`, `<buurt-initiative>`, `<buurt-discussion>`, `<buurt-events>`, `<buurt-professionals>`,
 * `<buurt-start-initiative>`, `<buurt-sign-in>`) is imported (with the others of its chunk) once the document holds one, now or later, so a
 * first view with only a list never downloads them. Only the document is watched: to use one inside
 * another shadow root, also put one in the document or import its module and define it yourself.
 * Safe to call again (or from a second copy of the bundle): a defined tag is left as it is.
 */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  if (window.Buurtplein && !registry.get('buurt-initiatives')) {
    // Defined once the first view's answer is there (briefly waited for), in a task of its own: the list
    // then renders its cards at once, with no skeleton render and layout before them.
    void firstViewSettled(FIRST_VIEW_WAIT_MS)
      .then(yieldToMain)
      .then(() => define(registry, eager));
  } else {
    define(registry, eager);
  }
  if (watched.has(registry)) return;
  watched.add(registry);
  // Live tag lists: checking their length on every mutation costs next to nothing.
  const pending = new Map(Object.keys(chunks).map((tag) => [tag, document.getElementsByTagName(tag)]));
  const check = () => {
    for (const [tag, found] of pending) {
      if (!found.length) continue;
      pending.delete(tag);
      chunks[tag]!().then(
        (elements) => define(registry, elements),
        (error: unknown) => {
          // Tried again at the next change to the page.
          pending.set(tag, found);
          console.error(`[buurtplein] Loading <${tag}> failed.`, error);
        },
      );
    }
    if (!pending.size) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  check();
}
