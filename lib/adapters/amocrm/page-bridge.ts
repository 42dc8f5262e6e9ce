import { onPageDataRequest, sendPageData } from '../page-data-channel';
import { snapshotAmoPageData } from './snapshot-page-data';

/**
 * The MAIN-world side of the amoCRM hand-over: publish a snapshot of the open card now,
 * whenever the SPA changes page, and when the content script asks. Publishes only when
 * the snapshot changed. We are guests: every hook is wrapped so nothing we do can throw
 * into the page, and the page's own history calls run first and unchanged.
 */
export interface BridgeWindow {
  document: Document;
  history: History;
  addEventListener: Window['addEventListener'];
  setTimeout: Window['setTimeout'];
}

/** amoCRM fires these jQuery events on document when the card changes (bundle, 2025-11). */
const JQUERY_EVENTS = 'page:card_changed page:changed page:entity_changed';
/** The page re-renders after the URL changes; look again a little later, a bounded number of times. */
const RECHECK_AFTER_MS = [0, 250, 1000] as const;

const EDIT_SETTLE_MS = 200;

export const AMOCRM_SOURCE = 'amocrm';

export function startAmoBridge(win: BridgeWindow, signal: AbortSignal): void {
  let last: string | undefined;
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
    for (const ms of RECHECK_AFTER_MS) win.setTimeout(() => publish(false), ms);
  };

  for (const method of ['pushState', 'replaceState'] as const) {
    const original = win.history[method];
    win.history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      publishSoon();
      return result;
    };
  }
  win.addEventListener('popstate', publishSoon, { signal });
  // The card's form writes edits into the model; look again once typing pauses.
  let typingTimer: number | undefined;
  const afterEdit = () => {
    if (typingTimer !== undefined) clearTimeout(typingTimer);
    typingTimer = win.setTimeout(() => publish(false), EDIT_SETTLE_MS);
  };
  win.document.addEventListener('input', afterEdit, { capture: true, passive: true, signal });
  win.document.addEventListener('change', afterEdit, { capture: true, passive: true, signal });
  onPageDataRequest(win.document, signal, () => publish(true));
  try {
    const jq = (win as unknown as { jQuery?: unknown; $?: unknown }).jQuery ?? (win as unknown as { $?: unknown }).$;
    if (typeof jq === 'function') {
      const wrapped = (jq as (target: unknown) => { on?: unknown })(win.document);
      if (typeof wrapped.on === 'function') (wrapped.on as (ev: string, cb: () => void) => void).call(wrapped, JQUERY_EVENTS, publishSoon);
    }
  } catch {
    // A page without jQuery (or a different $) still gets URL-change publishing.
  }
  publish(false);
}
