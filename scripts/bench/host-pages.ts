// The host pages the browser measurement loads: one template, with and without the widget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A variant of the host page. */
export interface HostPage {
  name: string;
  /** Path under the server's origin. */
  path: string;
  html: string;
  withWidget: boolean;
  /** The widget is below the fold: its elements load when it nears the viewport, so the load is measured before it does and again once scrolled to. */
  belowFold: boolean;
}

const PAGES_DIR = join(import.meta.dirname, 'pages');
/** The site the pages embed; the loader reads it from the script tag. */
export const HOST_SITE = 'gemeente-voorbeeldstad';

/** The snippet from the README: preload hint plus the script tag, in the head. */
const HEAD = `<link rel="preload" href="/v1/sites/${HOST_SITE}/bootstrap" as="fetch" crossorigin="anonymous">
  <script src="/buurtplein.js" data-site="${HOST_SITE}" async></script>`;
const ELEMENT = '<buurt-initiatives></buurt-initiatives>';
/** The floor of the stack: Lit and one element that renders a line (scripts/bench/floor/), loaded as a module. */
const FLOOR_HEAD = '<script type="module" src="/floor.js" async></script>';
const FLOOR_ELEMENT = '<floor-element></floor-element>';
/** The first view with no framework (scripts/bench/floor/plain-first-view.js), as a classic script. */
const PLAIN_HEAD = `<link rel="preload" href="/v1/sites/${HOST_SITE}/bootstrap" as="fetch" crossorigin="anonymous">
  <script src="/floor-plain.js" data-site="${HOST_SITE}" async></script>`;
const PLAIN_ELEMENT = '<plain-first-view></plain-first-view>';
const PLACEHOLDER = '<div class="widget-placeholder"></div>';

function page(name: string, parts: { head?: string; above?: string; below?: string }): HostPage {
  const html = readFileSync(join(PAGES_DIR, 'host-page.html'), 'utf8')
    .replace('<!--widget-head-->', parts.head ?? '')
    .replace('<!--widget-above-->', parts.above ?? '')
    .replace('<!--widget-below-->', parts.below ?? '');
  return { name, path: `/bench/${name}.html`, html, withWidget: parts.head !== undefined, belowFold: parts.below === ELEMENT };
}

/** Without the widget (a placeholder of the same height), with it below the fold, above it, and the two floors above it. */
export function hostPages(): { without: HostPage; below: HostPage; above: HostPage; floor: HostPage; plain: HostPage } {
  return {
    without: page('without-widget', { below: PLACEHOLDER }),
    below: page('widget-below-fold', { head: HEAD, below: ELEMENT }),
    above: page('widget-above-fold', { head: HEAD, above: ELEMENT, below: PLACEHOLDER }),
    floor: page('lit-floor-above-fold', { head: FLOOR_HEAD, above: FLOOR_ELEMENT, below: PLACEHOLDER }),
    plain: page('plain-floor-above-fold', { head: PLAIN_HEAD, above: PLAIN_ELEMENT, below: PLACEHOLDER }),
  };
}

/** The plain-DOM floor's script, served as /floor-plain.js. */
export function plainFloorScript(): string {
  return readFileSync(join(import.meta.dirname, 'floor/plain-first-view.js'), 'utf8');
}

/** The stylesheet the pages link. */
export function hostPageCss(): string {
  return readFileSync(join(PAGES_DIR, 'host-page.css'), 'utf8');
}
