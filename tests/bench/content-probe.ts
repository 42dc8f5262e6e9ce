import { findAdapter } from '../../lib/adapters/registry';
import { applyOutline } from '../../lib/highlight/field-outline';
import { watchContext } from '../../lib/watcher/context-watcher';

/**
 * The content script's per-change work (watcher → adapter.read → outline → compare),
 * bundled and run in the page by the mutation-burst benchmark. It records how long each
 * re-read takes on the main thread; the extension itself carries none of this.
 */
declare global {
  interface Window {
    suflerProbe: { durations: number[]; reads: number };
  }
}

const adapter = findAdapter(new URL(location.href));
if (!adapter) throw new Error(`no adapter for ${location.href}`);
const probe = (window.suflerProbe = { durations: [] as number[], reads: 0 });
const controller = new AbortController();
const reader = adapter.createReader();

watchContext({
  doc: document,
  read: (changed) => {
    const started = performance.now();
    const context = reader(document, new URL(location.href), undefined, changed);
    const missing = context?.fields.filter((f) => f.value.trim() === '').slice(0, 10) ?? [];
    applyOutline(document, missing.flatMap((f) => adapter.locateField(document, f.key) ?? []));
    // The watcher compares by JSON; count that too.
    JSON.stringify(context);
    probe.durations.push(performance.now() - started);
    probe.reads++;
    return context;
  },
  publish: () => {},
  signal: controller.signal,
}).flush();
