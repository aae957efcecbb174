import type { Theme } from '@buurtplein/sdk/contract';

/** Tokens the host page set for every element (a plugin's `setTheme`): a site's theme leaves these to the page. */
export const pageTokens = new Set<string>();

/**
 * Sets a site's `--buurt-*` theme tokens as custom properties on `element` (CSP-safe, unlike a
 * style attribute binding) and removes the `previous` ones. Returns the names now set.
 */
export function applyTheme(element: HTMLElement, theme: Theme, previous: readonly string[] = []): string[] {
  for (const name of previous) element.style.removeProperty(name);
  const tokens = Object.entries(theme).filter(([name]) => name.startsWith('--buurt-') && !pageTokens.has(name));
  for (const [name, value] of tokens) element.style.setProperty(name, value);
  return tokens.map(([name]) => name);
}
