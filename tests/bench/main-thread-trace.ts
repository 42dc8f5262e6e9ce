import type { CDPSession } from 'playwright-core';

/**
 * What one page load cost the page's main thread, read from a Chromium trace of that load:
 * the time the thread was busy (the union of its top-level tasks and microtask checkpoints)
 * before the page's `load` event and up to a window after it, the part of it spent in the
 * extension's own scripts (by script URL: evaluating, compiling, calling back into them),
 * and the tasks over 50 ms. Figures are wall time on the thread, so a loaded machine shows
 * in both profiles alike.
 */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; documentLoaderURL?: string } };
}

export interface MainThreadCost {
  /** navigation start → load event start */
  busyBeforeLoadMs: number;
  /** navigation start → load + windowMs */
  busyInWindowMs: number;
  /** of which in chrome-extension:// / moz-extension:// scripts, before the load event */
  extensionBeforeLoadMs: number;
  /** the same, after the load event (within the window) */
  extensionAfterLoadMs: number;
  /** top-level tasks over 50 ms in the window */
  longTasks: number;
}

export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'blink.user_timing',
  'loading',
  'v8',
  'v8.execute',
].join(',');

const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
// Trace events that carry the script's URL (a promise reaction carries none: work done in a
// microtask is counted in the busy time, not here).
const SCRIPT_WORK = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule']);
const EXTENSION_URL = /^(?:chrome|moz)-extension:\/\//;

type Span = [start: number, end: number];

/** Total length of the union of spans, clipped to [from, to). */
function unionMs(spans: Span[], from: number, to: number): number {
  const clipped = spans
    .map(([s, e]): Span => [Math.max(s, from), Math.min(e, to)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [curS, curE] = [-Infinity, -Infinity];
  for (const [s, e] of clipped) {
    if (s > curE) {
      if (curE > curS) total += curE - curS;
      [curS, curE] = [s, e];
    } else curE = Math.max(curE, e);
  }
  if (curE > curS) total += curE - curS;
  return total / 1000;
}

/** How many separate stretches the spans make (a task and the task nested in it are one). */
function mergedCount(spans: Span[]): number {
  let count = 0;
  let curE = -Infinity;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (s >= curE) count++;
    curE = Math.max(curE, e);
  }
  return count;
}

export function mainThreadCost(events: readonly TraceEvent[], pageUrlPart: string, windowMs: number): MainThreadCost {
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes(pageUrlPart));
  if (!nav) throw new Error(`no navigationStart for ${pageUrlPart} in the trace`);
  const onMain = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid);
  const load = onMain.find((e) => e.name === 'loadEventStart' && e.ts >= nav.ts);
  if (!load) throw new Error('no loadEventStart in the trace');
  const end = load.ts + windowMs * 1000;
  const complete = onMain.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const tasks = complete.filter((e) => TASKS.has(e.name)).map((e): Span => [e.ts, e.ts + e.dur!]);
  const ours = complete
    .filter((e) => SCRIPT_WORK.has(e.name) && EXTENSION_URL.test(e.args?.data?.url ?? ''))
    .map((e): Span => [e.ts, e.ts + e.dur!]);
  const long = complete
    .filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur! > 50_000)
    .filter((e) => e.ts >= nav.ts && e.ts < end)
    .map((e): Span => [e.ts, e.ts + e.dur!]);
  return {
    busyBeforeLoadMs: unionMs(tasks, nav.ts, load.ts),
    busyInWindowMs: unionMs(tasks, nav.ts, end),
    extensionBeforeLoadMs: unionMs(ours, nav.ts, load.ts),
    extensionAfterLoadMs: unionMs(ours, load.ts, end),
    longTasks: mergedCount(long),
  };
}

/** Starts a trace on the page's session; the returned function ends it and yields its events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}
