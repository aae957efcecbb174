import type { ThemeTokens } from '@buurtplein/sdk/embed';
import { pageTokens } from '../theme.js';

const TOKEN = /^--buurt-[a-z0-9-]+$/;

/** The page's own sheet for theme tokens: set through the CSSOM, which a strict CSP allows. */
let sheet: CSSStyleSheet | undefined;

/** The widget's elements under `root`, through their shadow roots. */
function* widgetElements(root: Document | ShadowRoot): Generator<HTMLElement> {
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    if (!element.localName.startsWith('buurt-')) continue;
    yield element;
    if (element.shadowRoot) yield* widgetElements(element.shadowRoot);
  }
}

/**
 * Sets `--buurt-*` tokens on the whole page (a plugin's `setTheme`). They win over the site's
 * theme: elements leave these tokens to the page from now on, and drop the site's value where
 * they had set it.
 */
export function setPageTheme(tokens: ThemeTokens): void {
  const entries = Object.entries(tokens ?? {});
  for (const [name, value] of entries) {
    if (!TOKEN.test(name) || typeof value !== 'string') throw new TypeError(`[buurtplein] setTheme() takes --buurt-* tokens with string values; not ${name}.`);
  }
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(':root {}');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const rule = sheet.cssRules[0] as CSSStyleRule;
  for (const [name, value] of entries) {
    rule.style.setProperty(name, value);
    pageTokens.add(name);
  }
  for (const element of widgetElements(document)) {
    for (const [name] of entries) element.style.removeProperty(name);
  }
}
