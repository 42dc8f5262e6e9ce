/**
 * Runs `start` once the host page has finished loading, on a task of its own after the
 * page's `load` event. We are guests: an iframe added before `load` holds the page's `load`
 * event until the iframe has loaded too, and work done while the page loads is paid by the
 * page. So nothing of Sufler's touches the page before its own load is over.
 */
export interface LoadableWindow {
  document: Pick<Document, 'readyState'>;
  addEventListener: Window['addEventListener'];
  setTimeout: Window['setTimeout'];
  /** Missing in old Safari and in some test windows; a timer stands in. */
  requestIdleCallback?: Window['requestIdleCallback'];
}

export function afterPageLoad(win: LoadableWindow, signal: AbortSignal, start: () => void): void {
  if (signal.aborted) return;
  // A task after the load event, so the page's own load listeners run undelayed.
  const later = () => {
    win.setTimeout(() => {
      if (!signal.aborted) start();
    }, 0);
  };
  if (win.document.readyState === 'complete') later();
  else win.addEventListener('load', later, { once: true, signal });
}

/**
 * Runs `run` when the page's main thread is next idle, and at the latest after `timeoutMs`
 * (a busy CRM still gets its panel). Each step of our boot goes through here, so each is a
 * short task of its own in a gap the page left, never one long task.
 */
export function whenIdle(win: LoadableWindow, signal: AbortSignal, run: () => void, timeoutMs: number): void {
  if (signal.aborted) return;
  const guarded = () => {
    if (!signal.aborted) run();
  };
  if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(guarded, { timeout: timeoutMs });
  else win.setTimeout(guarded, 0);
}
