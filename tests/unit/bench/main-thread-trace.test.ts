import { describe, expect, it } from 'vitest';
import { mainThreadCost, type TraceEvent } from '../../bench/main-thread-trace';

/** The host-load bench's figures come from this arithmetic; a wrong sum would misreport Sufler's cost. */
const PAGE = { pid: 1, tid: 1 };
const ms = (n: number) => n * 1000;
const task = (name: string, startMs: number, durMs: number, url?: string, where = PAGE): TraceEvent => ({
  name,
  ph: 'X',
  ts: ms(startMs),
  dur: ms(durMs),
  ...where,
  ...(url ? { args: { data: { url } } } : {}),
});
const mark = (name: string, atMs: number, url?: string): TraceEvent => ({
  name,
  ph: 'R',
  ts: ms(atMs),
  ...PAGE,
  ...(url ? { args: { data: { documentLoaderURL: url } } } : {}),
});

describe('main-thread cost of a traced load', () => {
  const events: TraceEvent[] = [
    mark('navigationStart', 0, 'http://demo/leads/detail/1'),
    mark('loadEventStart', 100),
    // A task with its nested twin: counted once.
    task('ThreadControllerImpl::RunTask', 10, 20),
    task('RunTask', 10, 20),
    // Our stub evaluated just before load, inside a task.
    task('ThreadControllerImpl::RunTask', 90, 8),
    task('EvaluateScript', 91, 5, 'chrome-extension://abc/content-scripts/crm.js'),
    // After load: a long task of ours, and a microtask checkpoint outside any task.
    task('ThreadControllerImpl::RunTask', 200, 60),
    task('FunctionCall', 201, 58, 'chrome-extension://abc/crm-main.js'),
    task('BlinkScheduler_PerformMicrotaskCheckpoint', 300, 4),
    // Another process's main thread, and work past the window: not the page's.
    task('ThreadControllerImpl::RunTask', 20, 500, undefined, { pid: 2, tid: 2 }),
    task('ThreadControllerImpl::RunTask', 2000, 70),
  ];

  it('sums the busy time before load and in the window, nested tasks once', () => {
    const cost = mainThreadCost(events, '/leads/detail/1', 1500);
    expect(cost.busyBeforeLoadMs).toBeCloseTo(28);
    expect(cost.busyInWindowMs).toBeCloseTo(28 + 60 + 4);
  });

  it("attributes the extension's scripts before and after the load event", () => {
    const cost = mainThreadCost(events, '/leads/detail/1', 1500);
    expect(cost.extensionBeforeLoadMs).toBeCloseTo(5);
    expect(cost.extensionAfterLoadMs).toBeCloseTo(58);
  });

  it('counts a long task once, and none past the window', () => {
    expect(mainThreadCost(events, '/leads/detail/1', 1500).longTasks).toBe(1);
  });

  it('fails loudly when the trace has no navigation to the page', () => {
    expect(() => mainThreadCost(events, '/contacts/detail/9', 1500)).toThrow(/no navigationStart/);
  });
});
