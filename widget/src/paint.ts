/**
 * The first paint (`buurtplein.paint.js`), which the script tag loads instead of the elements
 * module when the page's first widget element is a `<buurt-initiatives>`: it shows that list's
 * first view — the same cards, in the same shadow root, with the same styles — as plain DOM, from
 * the request the script tag started, without Lit. A page that only shows a list then pays for
 * no framework until a resident reaches for it.
 *
 * Lit takes over when a resident points at the list, touches it or moves focus into it: the
 * elements module loads, `<buurt-initiatives>` is defined and renders the same cards again (see
 * `createRenderRoot` there). A click that comes before that is held and given to the same link or
 * button once the element has rendered, so it does what it would have done with Lit there.
 *
 * Everything else waits for the elements module as before: an empty list or an error (the element
 * shows those), a list whose filters differ from the script tag's request, or a host call
 * (`Buurtplein.ready()`); the loader loads the elements module at once for a page with other elements.
 */
import { msg } from '@lit/localize';
import type { Bootstrap } from '@buurtplein/sdk/contract';
import type {} from './buurtplein-global.js';
import { FIRST_CARDS, element, initiativeCard } from './components/buurt-initiatives/initiative-card.js';
import { styles } from './components/buurt-initiatives/buurt-initiatives.styles.js';
import { initiativesFoundLabel } from './labels/initiative-counts.js';
import { bootstrapUrl, filtersOf } from './list-query.js';
import { formatNumber, speakAs } from './locale.js';
import { isPlainClick } from './plain-click.js';
import { applyTheme } from './theme.js';

const TAG = 'buurt-initiatives';

/** The list element; once Lit has defined it, `updateComplete` settles when it has rendered. */
type List = HTMLElement & { updateComplete?: Promise<unknown> };

const loader = window.Buurtplein!;
let asked: Promise<unknown> | undefined;
/** Loads the elements module, once; settles when it has defined the list, or failed (the loader reports that). */
function needElements(): Promise<unknown> {
  if (!asked) (asked = loader.ready({ timeout: 60_000 })).catch(() => {});
  return asked;
}

/** The first-view request the element will make (the script tag's, when its attributes ask for the same). */
function requestOf(list: Element): string {
  return bootstrapUrl(list.getAttribute('api') || loader.api, list.getAttribute('site') || loader.site, filtersOf(list));
}

/** Gives a click that came before Lit to the same link or button once the element has rendered its own. */
function holdClick(list: List, root: ShadowRoot, event: MouseEvent): void {
  const target = (event.target as Element).closest('a, button');
  // Once Lit is there, the element handles its clicks (this one too, given again below).
  if (!target || !isPlainClick(event) || customElements.get(TAG)) return;
  event.preventDefault();
  const index = [...root.querySelectorAll('a, button')].indexOf(target);
  // Once the elements module is ready, the list is defined.
  needElements()
    .then(() => list.updateComplete)
    .then(
      () => list.shadowRoot!.querySelectorAll<HTMLElement>('a, button')[index]?.click(),
      // Without the elements module a link still goes where it points.
      () => target instanceof HTMLAnchorElement && location.assign(target.href),
    );
}

async function paint(list: List, answer: Bootstrap): Promise<void> {
  const { data, nextCursor } = answer.initiatives;
  if (!data.length) return void needElements();
  const intl = await speakAs(list);
  // The elements module may have come first (a host call): it shows the list itself.
  if (customElements.get(TAG) || list.shadowRoot) return;
  applyTheme(list, answer.site.theme);
  const root = list.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = styles.map((style) => style.styleSheet!);
  const more =
    data.length > FIRST_CARDS || nextCursor
      ? [
          element(
            'div',
            { class: 'more' },
            element('button', { part: 'button more-button', class: 'button', type: 'button', 'aria-disabled': 'false' }, msg('Meer tonen', { id: 'more-show' })),
          ),
        ]
      : [];
  root.append(
    element(
      'div',
      { part: 'base', 'aria-busy': 'false' },
      element('ul', { part: 'list', class: 'list', role: 'list' }, ...data.slice(0, FIRST_CARDS).map((initiative) => initiativeCard(initiative, intl))),
      ...more,
      element('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' }, initiativesFoundLabel(data.length, formatNumber(data.length, intl))),
    ),
  );
  // The host's reserved height (`:not(:defined)`) gives way to the cards', as when Lit renders them.
  list.style.minHeight = '0';
  for (const type of ['pointerover', 'focusin', 'touchstart']) list.addEventListener(type, needElements, { passive: true });
  root.addEventListener('click', (event) => holdClick(list, root, event as MouseEvent));
}

// The loader asks for this module only when the list is the page's one widget element.
const list = [...document.querySelectorAll<List>(TAG)].find((candidate) => !candidate.shadowRoot && requestOf(candidate) === loader.bootstrapUrl);
if (list) loader.bootstrap.then((answer) => paint(list, answer), needElements);
else void needElements();
