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
