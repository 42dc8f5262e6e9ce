import { shownPixelTokens } from './shown-pixels';

/** One look at the page at most this often, whatever the webmail is doing. */
export const WATCH_EVERY_MS = 1000;
/** A letter still on screen is reported again after this long (the server's window is ±30 s). */
export const REPORT_AGAIN_MS = 60_000;

export interface ViewReportApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/**
 * Tells the background which tracked letters the page shows, so the server can class a hit that
 * coincides as the sender's own view (the block rules stop this browser's fetch; this covers a
 * view the rules cannot see, e.g. a proxy cache). Throttled: one pass per second after changes.
 */
export function watchShownLetters(doc: Document, signal: AbortSignal, api: ViewReportApi, site: string, now: () => number = Date.now): void {
  const reported = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const pass = (): void => {
    timer = null;
    if (signal.aborted) return;
    const at = now();
    const fresh = shownPixelTokens(doc).filter((t) => at - (reported.get(t) ?? -Infinity) >= REPORT_AGAIN_MS);
    if (fresh.length === 0) return;
    for (const t of fresh) reported.set(t, at);
    api.runtime.sendMessage({ type: 'mail:shown', site, tokens: fresh.slice(0, 50) }).catch(() => undefined);
  };
  const schedule = (): void => {
    if (timer === null && !signal.aborted) timer = setTimeout(pass, WATCH_EVERY_MS);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
  });
  schedule();
}
