/**
 * One watcher per page: re-reads the client context when the page changes and publishes it
 * only when it actually differs from the last one published.
 *
 * We are guests in the CRM's page, so the work per change is bounded: DOM mutations and
 * form edits are coalesced, the first change after a quiet spell is read on the next task
 * (so a new card shows in the panel at once), and later ones at most every `intervalMs`.
 * While no client has been found (the CRM is still loading, or shows a list), a read is
 * cheap (adapters stop at the missing card) and the card should show the moment it
 * renders, so the watcher looks every `searchIntervalMs` instead.
 */
export interface ContextWatcherOptions<T> {
  doc: Document;
  /** Reads the page; must not throw (adapters return null on bad markup). */
  read: () => T | null;
  publish: (context: T | null) => void;
  signal: AbortSignal;
  /** Minimum time between two reads during a stream of changes, once a client is shown. */
  intervalMs?: number;
  /** The same while no client has been found yet. */
  searchIntervalMs?: number;
  /** Clock and timer, injectable for tests and benchmarks. */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface ContextWatcher {
  /** Ask for a re-read, e.g. after an SPA navigation or when page data arrived. */
  poke(): void;
  /** Read now, bypassing the throttle (used at start). */
  flush(): void;
}

/** Attributes whose change can alter what an adapter reads; ours (data-sufler-*) are left out. */
const WATCHED_ATTRIBUTES = ['value', 'checked', 'selected', 'class', 'data-id', 'data-status-id', 'title'];

export function watchContext<T>(options: ContextWatcherOptions<T>): ContextWatcher {
  const { doc, read, publish, signal } = options;
  const intervalMs = options.intervalMs ?? 250;
  const searchIntervalMs = Math.min(options.searchIntervalMs ?? 40, intervalMs);
  const now = options.now ?? (() => performance.now());
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));

  let lastJson: string | undefined;
  let found = false;
  let lastReadAt = -Infinity;
  let timer: unknown = null;

  const run = () => {
    timer = null;
    if (signal.aborted) return;
    lastReadAt = now();
    let context: T | null = null;
    try {
      context = read();
    } catch {
      // An adapter bug must never surface in the host page; treat it as "no client".
      context = null;
    }
    found = context !== null;
    const json = JSON.stringify(context);
    if (json === lastJson) return;
    lastJson = json;
    publish(context);
  };

  const poke = () => {
    if (signal.aborted || timer !== null) return;
    const wait = Math.max(0, lastReadAt + (found ? intervalMs : searchIntervalMs) - now());
    timer = setTimer(run, wait);
  };

  const observer = new MutationObserver(poke);
  const root = doc.body ?? doc.documentElement;
  observer.observe(root, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  });
  // Typing changes an input's value property, which no mutation reports.
  doc.addEventListener('input', poke, { capture: true, signal });
  doc.addEventListener('change', poke, { capture: true, signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== null) clearTimer(timer);
  });

  return {
    poke,
    flush: () => {
      if (timer !== null) clearTimer(timer);
      run();
    },
  };
}
