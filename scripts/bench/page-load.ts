// One measured load of a host page in headless Chromium with the CPU slowed down 4×.
import type { Browser, Page } from 'playwright-core';
import type { HostPage } from './host-pages.js';
import { startWidgetTrace, stopWidgetTrace, type WidgetTrace } from './host-trace.js';
import { cumulativeLayoutShift, installObservers, readObserved, widgetSettled } from './page-observers.js';

/** CPU slowdown, as Lighthouse's mobile profile uses. */
const CPU_THROTTLING = 4;
/** Quiet time after the widget settles, for late shifts and tasks. */
const SETTLE_MS = 1000;

/** What one load cost the main thread and the user. */
export interface PageRun {
  /** Main-thread task time (CDP Performance.getMetrics TaskDuration minus the bench's own DevTools commands), ms. */
  taskMs: number;
  /** Script evaluation and execution time (ScriptDuration), ms. */
  scriptMs: number;
  /** Style recalculation plus layout (RecalcStyleDuration + LayoutDuration), ms. */
  styleLayoutMs: number;
  /** Long tasks that started once the loader could run (the host page itself has no scripts). */
  widgetLongTasks: number[];
  cls: number;
  lcpMs: number;
  /** Requests to /v1/ made by the page. */
  apiRequests: number;
  /** The main-thread work the trace attributes to the widget's scripts, during the load. */
  trace: WidgetTrace;
  /** For a widget below the fold: the same once a resident scrolls to it, and the layout shift meanwhile. */
  scrolled?: { trace: WidgetTrace; cls: number };
  /** For the widget's list above the fold: Lit taking over the painted list when a resident points at it, and the layout shift meanwhile. */
  takeover?: { trace: WidgetTrace; cls: number };
}

/** The widget's scripts (the loader and its chunks) or the floor's, served at the root (the test pages live under /bench/ and run none). */
function isWidgetScript(url: string): boolean {
  try {
    return /^\/(buurtplein|floor)[^/]*\.js$/.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

async function metric(session: { send(method: 'Performance.getMetrics'): Promise<{ metrics: { name: string; value: number }[] }> }, name: string) {
  const { metrics } = await session.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
}

/** Scrolls the page as a resident does, 400 px a step, until the widget has rendered, tracing it; `shiftsBefore` are the load's. */
async function scrollToWidget(browser: Browser, tab: Page, path: string, shiftsBefore: number): Promise<PageRun['scrolled']> {
  await startWidgetTrace(browser, tab);
  await tab.mouse.move(640, 400);
  for (let step = 0; step < 20 && !(await tab.evaluate(widgetSettled)); step++) {
    await tab.mouse.wheel(0, 400);
    await tab.waitForTimeout(250);
  }
  await tab.waitForFunction(widgetSettled, undefined, { timeout: 30_000, polling: 250 });
  await tab.waitForTimeout(SETTLE_MS);
  const { shifts } = await tab.evaluate(readObserved);
  const trace = await stopWidgetTrace(browser, path, isWidgetScript);
  return { trace, cls: cumulativeLayoutShift(shifts.slice(shiftsBefore)) };
}

/** Moves the pointer onto the painted list, as a resident reaching for it, and traces Lit taking it over; `shiftsBefore` are the load's. */
async function takeOver(browser: Browser, tab: Page, path: string, shiftsBefore: number): Promise<PageRun['takeover']> {
  await startWidgetTrace(browser, tab);
  const box = await tab.locator('buurt-initiatives').boundingBox();
  if (!box) throw new Error('no list to point at');
  await tab.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
  await tab.waitForFunction(() => customElements.get('buurt-initiatives') !== undefined, undefined, { timeout: 30_000, polling: 250 });
  await tab.evaluate(() => (document.querySelector('buurt-initiatives') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete);
  await tab.waitForTimeout(SETTLE_MS);
  const { shifts } = await tab.evaluate(readObserved);
  const trace = await stopWidgetTrace(browser, path, isWidgetScript);
  return { trace, cls: cumulativeLayoutShift(shifts.slice(shiftsBefore)) };
}

/** Loads `page` from `baseUrl` in a fresh context (cold cache) and measures it. */
export async function loadOnce(browser: Browser, baseUrl: string, page: HostPage): Promise<PageRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const tab = await context.newPage();
    let apiRequests = 0;
    tab.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/v1/')) apiRequests++;
    });
    await tab.addInitScript(installObservers);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
    await cdp.send('Performance.enable');
    // Every variant is traced, so the tracing's own overhead is in the difference's both sides.
    await startWidgetTrace(browser, tab);
    await tab.goto(baseUrl + page.path, { waitUntil: 'load', timeout: 30_000 });
    if (page.withWidget && !page.belowFold) await tab.waitForFunction(widgetSettled, undefined, { timeout: 30_000, polling: 250 });
    await tab.waitForTimeout(SETTLE_MS);
    // The bench's own DevTools calls (polling for the widget) run on the main thread too: not the page's work.
    const taskMs = (await metric(cdp, 'TaskDuration')) - (await metric(cdp, 'DevToolsCommandDuration'));
    const scriptMs = await metric(cdp, 'ScriptDuration');
    const styleLayoutMs = (await metric(cdp, 'RecalcStyleDuration')) + (await metric(cdp, 'LayoutDuration'));
    const observed = await tab.evaluate(readObserved);
    const trace = await stopWidgetTrace(browser, page.path, isWidgetScript);
    const scrolled = page.belowFold ? await scrollToWidget(browser, tab, page.path, observed.shifts.length) : undefined;
    // The widget's list, shown without Lit so far (the floors' pages hold none).
    const painted = !page.belowFold && (await tab.evaluate(() => document.querySelector('buurt-initiatives') !== null && customElements.get('buurt-initiatives') === undefined));
    const takeover = painted ? await takeOver(browser, tab, page.path, observed.shifts.length) : undefined;
    const loaderEnd = observed.loaderEnd;
    return {
      taskMs,
      scriptMs,
      styleLayoutMs,
      widgetLongTasks: loaderEnd === null ? [] : observed.longTasks.filter((t) => t.start + t.duration > loaderEnd).map((t) => t.duration),
      cls: cumulativeLayoutShift(observed.shifts),
      lcpMs: observed.lcp,
      apiRequests,
      trace,
      scrolled,
      takeover,
    };
  } finally {
    await context.close();
  }
}
