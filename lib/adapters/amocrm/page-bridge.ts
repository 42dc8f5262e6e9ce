import { onPageDataRequest, sendPageData } from '../page-data-channel';
import { snapshotAmoPageData } from './snapshot-page-data';

/**
 * The MAIN-world side of the amoCRM hand-over: publish a snapshot of the open card now,
 * whenever the SPA changes page, and when the content script asks. Publishes on its own
 * only when the snapshot changed. Edits in the form are not watched here: the content
 * script's watcher is the one detector of edits and asks for a snapshot when it reads, so
 * one edit costs one read. We are guests: every hook is wrapped so nothing we do can
 * throw into the page, the page's own history calls run first and unchanged, and aborting
 * the signal takes our history hooks out again.
 */
export interface BridgeWindow {
  document: Document;
  history: History;
  addEventListener: Window['addEventListener'];
  setTimeout: Window['setTimeout'];
  clearTimeout: Window['clearTimeout'];
}

/** amoCRM fires these jQuery events on document when the card changes (bundle, 2025-11). */
const JQUERY_EVENTS = 'page:card_changed page:changed page:entity_changed';
/** The page re-renders after the URL changes; look again a little later, a bounded number of times. */
const RECHECK_AFTER_MS = [0, 250, 1000] as const;

export const AMOCRM_SOURCE = 'amocrm';

type HistoryMethod = 'pushState' | 'replaceState';

export function startAmoBridge(win: BridgeWindow, signal: AbortSignal): void {
  if (signal.aborted) return;
  let last: string | undefined;
  const timers = new Set<number>();
  const publish = (force: boolean) => {
    try {
      const snapshot = snapshotAmoPageData(win);
      const json = JSON.stringify(snapshot);
      if (!force && json === last) return;
      last = json;
      sendPageData(win.document, AMOCRM_SOURCE, snapshot);
    } catch {
      // Never into the page.
    }
  };
  const publishSoon = () => {
    if (signal.aborted) return;
    for (const ms of RECHECK_AFTER_MS) {
      const timer = win.setTimeout(() => {
        timers.delete(timer);
        publish(false);
      }, ms);
      timers.add(timer);
    }
  };

  patchHistory(win.history, signal, publishSoon);
  win.addEventListener('popstate', publishSoon, { signal });
  onPageDataRequest(win.document, signal, () => publish(true));
  let jqUnbind: (() => void) | null = null;
  try {
    const jq = (win as unknown as { jQuery?: unknown; $?: unknown }).jQuery ?? (win as unknown as { $?: unknown }).$;
    if (typeof jq === 'function') {
      const wrapped = (jq as (target: unknown) => { on?: unknown; off?: unknown })(win.document);
      if (typeof wrapped.on === 'function') {
        (wrapped.on as (ev: string, cb: () => void) => void).call(wrapped, JQUERY_EVENTS, publishSoon);
        const off = wrapped.off;
        if (typeof off === 'function') jqUnbind = () => (off as (ev: string, cb: () => void) => void).call(wrapped, JQUERY_EVENTS, publishSoon);
      }
    }
  } catch {
    // A page without jQuery (or a different $) still gets URL-change publishing.
  }
  signal.addEventListener('abort', () => {
    for (const timer of timers) win.clearTimeout(timer);
    timers.clear();
    try {
      jqUnbind?.();
    } catch {
      // Never into the page.
    }
  });
  publish(false);
}

/**
 * Calls `after` after each pushState/replaceState until the signal aborts. On abort the
 * page's own methods are put back; if the page wrapped ours meanwhile, ours stays in its
 * chain but only passes the call through.
 */
function patchHistory(history: History, signal: AbortSignal, after: () => void): void {
  for (const method of ['pushState', 'replaceState'] as const satisfies readonly HistoryMethod[]) {
    const original = history[method];
    const patched = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      if (!signal.aborted) after();
      return result;
    };
    history[method] = patched;
    signal.addEventListener('abort', () => {
      if (history[method] === patched) history[method] = original;
    });
  }
}
