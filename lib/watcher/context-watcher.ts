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
 *
 * Each read is told which nodes changed since the last one (mutation targets and the
 * targets of input/change events), so a reader can re-read only the parts those nodes
 * belong to; `null` means "read everything" (start, navigation, new page data).
 */
export type ChangedNodes = ReadonlySet<Node> | null;

export interface ContextWatcherOptions<T> {
  doc: Document;
  /** Reads the page; must not throw (adapters return null on bad markup). */
  read: (changed: ChangedNodes) => T | null;
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
  /** Ask for a full re-read, e.g. after an SPA navigation or when page data arrived. */
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
  /** Nodes changed since the last read; null once something asked for a full read. */
  let changed: Set<Node> | null = new Set();

  const run = () => {
    timer = null;
    if (signal.aborted) return;
    lastReadAt = now();
    const nodes = changed;
    changed = new Set();
    let context: T | null = null;
    try {
      context = read(nodes);
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

  const schedule = () => {
    if (signal.aborted || timer !== null) return;
    const wait = Math.max(0, lastReadAt + (found ? intervalMs : searchIntervalMs) - now());
    timer = setTimer(run, wait);
  };
  const poke = () => {
    changed = null;
    schedule();
  };
  const touched = (node: Node | null) => {
    if (node) changed?.add(node);
    schedule();
  };

  const observer = new MutationObserver((records) => {
    if (changed) for (const record of records) changed.add(record.target);
    schedule();
  });
  const root = doc.body ?? doc.documentElement;
  observer.observe(root, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  });
  // Typing changes an input's value property, which no mutation reports.
  const onEdit = (event: Event) => touched(event.target instanceof Node ? event.target : null);
  doc.addEventListener('input', onEdit, { capture: true, signal });
  doc.addEventListener('change', onEdit, { capture: true, signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== null) clearTimer(timer);
  });

  return {
    poke,
    flush: () => {
      if (timer !== null) clearTimer(timer);
      changed = null;
      run();
    },
  };
}
