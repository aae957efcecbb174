// What the test pages record about themselves, through the browser's performance observers.

/** Entries the page collected since navigation started. */
export interface Observed {
  longTasks: { start: number; duration: number }[];
  /** Layout shifts without recent input. */
  shifts: { start: number; value: number }[];
  /** Start time of the last largest-contentful-paint candidate. */
  lcp: number;
  /** When the loader script (or a floor's) finished downloading (it can run no earlier); null without one. */
  loaderEnd: number | null;
}

/** Runs in the page before any of its scripts: starts the observers (buffered, so nothing is missed). */
export function installObservers(): void {
  const observed: Omit<Observed, 'loaderEnd'> = { longTasks: [], shifts: [], lcp: 0 };
  Object.assign(window, { __bench: observed });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) observed.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      if (!entry.hadRecentInput) observed.shifts.push({ start: entry.startTime, value: entry.value });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) observed.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

/** Runs in the page after the load: hands back what the observers saw. */
export function readObserved(): Observed {
  const observed = (window as unknown as { __bench: Omit<Observed, 'loaderEnd'> }).__bench;
  const loader = performance.getEntriesByType('resource').find((entry) => ['/buurtplein.js', '/floor.js', '/floor-plain.js'].includes(new URL(entry.name).pathname)) as
    | PerformanceResourceTiming
    | undefined;
  return { ...observed, loaderEnd: loader ? loader.responseEnd : null };
}

/** Whether the widget has left its loading state, or a floor's element has rendered (runs in the page). */
export function widgetSettled(): boolean {
  const base = document.querySelector('buurt-initiatives')?.shadowRoot?.querySelector('[part~="base"]');
  if (base) return base.getAttribute('aria-busy') === 'false';
  return document.querySelector('floor-element, plain-first-view')?.shadowRoot?.querySelector('p') != null;
}

/** Cumulative Layout Shift: the largest session window (gaps < 1 s, at most 5 s long). */
export function cumulativeLayoutShift(shifts: Observed['shifts']): number {
  let best = 0;
  let current = 0;
  let windowStart = -Infinity;
  let previous = -Infinity;
  for (const shift of [...shifts].sort((a, b) => a.start - b.start)) {
    if (shift.start - previous >= 1000 || shift.start - windowStart >= 5000) {
      current = 0;
      windowStart = shift.start;
    }
    current += shift.value;
    previous = shift.start;
    best = Math.max(best, current);
  }
  return best;
}
