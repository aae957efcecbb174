// Attributes a host page's main-thread work to the widget from a Chromium performance trace: the
// page runs no script of its own, so every task that runs one of the widget's scripts is the
// widget's, and so are the style and layout passes that follow a change the widget's scripts made.
// Some of the widget's work names no script in the trace: a module's evaluation, and code that runs
// as a promise settles (microtasks). A task counts as the widget's too when it evaluates a module in
// the page's own world (the page has none of its own), or when the widget's code changed the page in it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** The trace categories DevTools' performance panel records (tasks, script, style, layout). */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'v8.execute', 'v8'];

/** A task is long from 50 ms on, as the Long Tasks API counts. */
const LONG_TASK_MS = 50;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  /** Microseconds. */
  ts: number;
  dur?: number;
  /** Thread time (CPU time of the thread) the event took, microseconds: not the time the OS gave other processes meanwhile. */
  tdur?: number;
  args?: Record<string, unknown>;
}

/** The widget's share of one load's main thread, from the trace. */
export interface WidgetTrace {
  /** Tasks that ran widget script, plus rendering passes the widget caused, ms. */
  mainThreadMs: number;
  /** Of which: compiling, evaluating and running the widget's scripts, ms. */
  scriptMs: number;
  /** Of which: style recalculation and layout the widget caused (forced in its tasks, or in the next rendering pass), ms. */
  styleLayoutMs: number;
  /** Durations of the widget's tasks of 50 ms and more, ms. */
  longTasks: number[];
  /**
   * The same tasks and passes in the main thread's own CPU time, ms: with Chromium's throttling
   * (which runs on that thread) but without the time the machine's other processes held the core.
   */
  cpuMs: number;
  /** The widget's tasks (and rendering passes) of 50 ms and more of the thread's CPU time, ms. */
  cpuLongTasks: number[];
  /** The most expensive things inside the widget's tasks, by self time (name and script URL), for finding what to cut. */
  top: { what: string; ms: number }[];
}

/** Starts recording a trace of `page`; `stopWidgetTrace` ends it and reads it. */
export function startWidgetTrace(browser: Browser, page: Page): Promise<void> {
  return browser.startTracing(page, { categories: TRACE_CATEGORIES, screenshots: false });
}

/** Ends the trace and attributes the page's main-thread work; `isWidgetScript` says which script URLs are the widget's. */
export async function stopWidgetTrace(browser: Browser, pagePath: string, isWidgetScript: (url: string) => boolean): Promise<WidgetTrace> {
  const buffer = await browser.stopTracing();
  // BENCH_TRACE_DIR=dir keeps each trace, to open in DevTools' performance panel.
  const dir = process.env.BENCH_TRACE_DIR;
  if (dir) writeFileSync(join(dir, `${pagePath.replace(/\W+/g, '-')}-${Date.now()}.json`), buffer);
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  return attribute(events, pagePath, isWidgetScript);
}

/** Every script URL an event names: its own, and the frames of its stack trace or its initiator's. */
function scriptUrls(event: TraceEvent): string[] {
  const urls: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || !value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if ((key === 'url' || key === 'scriptName' || key === 'fileName') && typeof inner === 'string') urls.push(inner);
      else visit(inner, depth + 1);
    }
  };
  visit(event.args, 0);
  return urls;
}

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'v8.run', 'V8.Execute', 'ParseAuthorStyleSheet', 'v8.produceModuleCache', 'CacheModule', 'HandlePostMessage', 'XHRReadyStateChange', 'ResourceReceivedData']);
const STYLE_LAYOUT = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'Layout']);
const INVALIDATIONS = new Set(['ScheduleStyleRecalculation', 'InvalidateLayout', 'ScheduleStyleInvalidationTracking', 'StyleRecalcInvalidationTracking', 'LayoutInvalidationTracking']);

/** The renderer main thread that loaded `pagePath` (its events name the page's URL). */
function mainThreadOf(events: TraceEvent[], pagePath: string): { pid: number; tid: number } | undefined {
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  // The server may answer the page at its path without `.html`.
  const path = pagePath.replace(/\.html$/, '');
  const found = events.find((e) => mains.has(`${e.pid}:${e.tid}`) && e.args !== undefined && JSON.stringify(e.args).includes(path));
  if (found) return { pid: found.pid, tid: found.tid };
  // A trace started after the load (scrolling) names no URL: the renderer main thread that ran the most tasks.
  const tasks = new Map<string, number>();
  for (const e of events) if (e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`)) tasks.set(`${e.pid}:${e.tid}`, (tasks.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const busiest = [...tasks].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!busiest) return undefined;
  const [pid, tid] = busiest.split(':').map(Number) as [number, number];
  return { pid, tid };
}

function attribute(all: TraceEvent[], pagePath: string, isWidgetScript: (url: string) => boolean): WidgetTrace {
  const main = mainThreadOf(all, pagePath);
  if (!main) throw new Error(`no main thread for ${pagePath} in the trace`);
  const events = all.filter((e) => e.pid === main.pid && e.tid === main.tid && (e.ph === 'X' || e.ph === 'I' || e.ph === 'i')).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X');
  const byWidget = (e: TraceEvent) => scriptUrls(e).some(isWidgetScript);

  let mainThreadUs = 0;
  let scriptUs = 0;
  let styleLayoutUs = 0;
  let cpuUs = 0;
  const longTasks: number[] = [];
  const cpuLongTasks: number[] = [];
  const self = new Map<string, number>();
  /** A style or layout invalidation from widget script has not been rendered yet. */
  let widgetInvalidated = false;
  let cursor = 0;

  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    while (cursor < events.length && events[cursor]!.ts < task.ts) cursor++;
    const inside: TraceEvent[] = [];
    for (let i = cursor; i < events.length && events[i]!.ts < end; i++) if (events[i] !== task) inside.push(events[i]!);
    const runsWidget =
      inside.some((e) => SCRIPT_EVENTS.has(e.name) && byWidget(e)) ||
      inside.some((e) => INVALIDATIONS.has(e.name) && byWidget(e)) ||
      inside.some((e) => e.name === 'v8.evaluateModule' && (e.args as { worldId?: number } | undefined)?.worldId === 0);
    if (inside.some((e) => INVALIDATIONS.has(e.name) && byWidget(e))) widgetInvalidated = true;
    const styleLayout = inside.filter((e) => STYLE_LAYOUT.has(e.name) && e.ph === 'X');
    const styleLayoutDur = sumTopLevel(styleLayout);
    const styleLayoutCpu = sumTopLevel(styleLayout, (e) => e.tdur ?? e.dur ?? 0);
    if (runsWidget) {
      mainThreadUs += task.dur ?? 0;
      scriptUs += sumTopLevel(inside.filter((e) => SCRIPT_EVENTS.has(e.name) && e.ph === 'X'));
      styleLayoutUs += styleLayoutDur;
      if ((task.dur ?? 0) >= LONG_TASK_MS * 1000) longTasks.push((task.dur ?? 0) / 1000);
      const taskCpu = task.tdur ?? task.dur ?? 0;
      cpuUs += taskCpu;
      if (taskCpu >= LONG_TASK_MS * 1000) cpuLongTasks.push(taskCpu / 1000);
      addSelfTimes(task, inside, self);
    } else if (widgetInvalidated && styleLayout.length > 0) {
      // The rendering pass after the widget's changes: its style and layout are the widget's.
      mainThreadUs += styleLayoutDur;
      styleLayoutUs += styleLayoutDur;
      if (styleLayoutDur >= LONG_TASK_MS * 1000) longTasks.push(styleLayoutDur / 1000);
      cpuUs += styleLayoutCpu;
      if (styleLayoutCpu >= LONG_TASK_MS * 1000) cpuLongTasks.push(styleLayoutCpu / 1000);
    }
    // A layout renders every change before it; only the widget's changes after it are still pending.
    if (styleLayout.some((e) => e.name === 'Layout')) widgetInvalidated = inside.some((e) => INVALIDATIONS.has(e.name) && byWidget(e) && e.ts > lastLayoutEnd(styleLayout));
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([what, us]) => ({ what, ms: us / 1000 }));
  return { mainThreadMs: mainThreadUs / 1000, scriptMs: scriptUs / 1000, styleLayoutMs: styleLayoutUs / 1000, longTasks, cpuMs: cpuUs / 1000, cpuLongTasks, top };
}

function lastLayoutEnd(events: TraceEvent[]): number {
  return Math.max(...events.map((e) => e.ts + (e.dur ?? 0)));
}

/**
 * Total of `measure` (by default the duration) over complete events, not counting those nested in
 * an earlier one of the list; an event that only partly overlaps counts for the part outside, pro rata.
 */
function sumTopLevel(events: TraceEvent[], measure: (e: TraceEvent) => number = (e) => e.dur ?? 0): number {
  let total = 0;
  let coveredUntil = -Infinity;
  for (const e of events) {
    const dur = e.dur ?? 0;
    const end = e.ts + dur;
    if (e.ts >= coveredUntil) {
      total += measure(e);
      coveredUntil = end;
    } else if (end > coveredUntil) {
      total += (measure(e) * (end - coveredUntil)) / dur;
      coveredUntil = end;
    }
  }
  return total;
}

/** Self time (duration minus children) of each event in a task, keyed by name and script file. */
function addSelfTimes(task: TraceEvent, inside: TraceEvent[], self: Map<string, number>): void {
  const complete = inside.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const stack: { key: string; end: number; child: number; dur: number }[] = [{ key: 'task (other)', end: task.ts + (task.dur ?? 0), child: 0, dur: task.dur ?? 0 }];
  const close = (until: number) => {
    while (stack.length > 1 && stack.at(-1)!.end <= until) {
      const done = stack.pop()!;
      self.set(done.key, (self.get(done.key) ?? 0) + done.dur - done.child);
      stack.at(-1)!.child += done.dur;
    }
  };
  for (const e of complete) {
    close(e.ts);
    const file = scriptUrls(e).find((u) => u.length > 0);
    stack.push({ key: file ? `${e.name} ${new URL(file, 'http://x').pathname}` : e.name, end: e.ts + e.dur!, child: 0, dur: e.dur! });
  }
  close(Infinity);
  const root = stack[0]!;
  self.set(root.key, (self.get(root.key) ?? 0) + root.dur - root.child);
}
