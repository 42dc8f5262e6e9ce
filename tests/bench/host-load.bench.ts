import type { BrowserContext } from 'playwright-core';
import { startCrmDemoSite } from '../../scripts/demo-site';
import { DEMO_HOST, launchExtensionBrowser, launchPlainBrowser } from '../e2e/support/extension-browser';
import { mainThreadCost, startTrace, type MainThreadCost } from './main-thread-trace';
import { formatMs, summarize } from './stats';

/**
 * What Sufler costs the CRM page: the same demo card loaded in two profiles, with and
 * without the extension, alternating round by round in one run so both see the same
 * machine load, each load traced (Chromium's trace of the page's main thread). Printed as
 * medians and ratios (with ÷ without):
 * - the page's `load` event (navigation start → loadEventStart);
 * - the page's main-thread busy time while it loads (navigation start → load event): what
 *   the page's own load pays;
 * - the same up to WINDOW_MS after the load event, so Sufler's after-load work (its boot,
 *   the panel frame, the first read of the card) is counted too, in ms and as a ratio;
 * - the part of it the trace attributes to the extension's scripts, before and after load;
 * - tasks over 50 ms on the page's main thread (target: none added).
 * Targets: load and load-time main-thread ratios ≤ 1.05×, no long task added.
 */
const ROUNDS = Number(process.env.SUFLER_BENCH_ROUNDS ?? 20);
const WINDOW_MS = 1500;

interface LoadSample extends MainThreadCost {
  loadMs: number;
}

async function loadOnce(context: BrowserContext, url: string): Promise<LoadSample> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const stopTrace = await startTrace(cdp);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(WINDOW_MS + 100);
    const events = await stopTrace();
    const loadMs = (await page.evaluate(`performance.getEntriesByType('navigation')[0].loadEventStart`)) as number;
    return { loadMs, ...mainThreadCost(events, new URL(url).pathname, WINDOW_MS) };
  } finally {
    await page.close();
  }
}

export async function runHostLoadBench(): Promise<void> {
  const site = await startCrmDemoSite();
  const withExt = await launchExtensionBrowser();
  const without = await launchPlainBrowser();
  const url = `http://${DEMO_HOST}:${site.port}/leads/detail/18230417`;
  const samples = { with: [] as LoadSample[], without: [] as LoadSample[] };
  try {
    // Two warm-ups each (disk and code caches, first process), not counted.
    for (let i = 0; i < 2; i++) {
      await loadOnce(withExt.context, url);
      await loadOnce(without, url);
    }
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate which profile goes first, so neither always loads on a warmer machine.
      if (i % 2 === 0) {
        samples.with.push(await loadOnce(withExt.context, url));
        samples.without.push(await loadOnce(without, url));
      } else {
        samples.without.push(await loadOnce(without, url));
        samples.with.push(await loadOnce(withExt.context, url));
      }
    }
  } finally {
    await withExt.close();
    await without.close();
    await site.close();
  }

  console.log(`\n## The CRM page with and without Sufler (${ROUNDS} traced loads each, alternating; medians)`);
  const range = (xs: LoadSample[], pick: (s: LoadSample) => number) =>
    `${formatMs(Math.min(...xs.map(pick)))}–${formatMs(Math.max(...xs.map(pick)))}`;
  const row = (label: string, pick: (s: LoadSample) => number) => {
    const w = summarize(samples.with.map(pick)).median;
    const o = summarize(samples.without.map(pick)).median;
    console.log(
      `${label.padEnd(44)} with ${formatMs(w).padStart(7)} (${range(samples.with, pick)})  without ${formatMs(o).padStart(7)} (${range(samples.without, pick)})  ratio ${(w / o).toFixed(2)}×  added ${formatMs(w - o)}`,
    );
  };
  row('load event (navigation → load)', (s) => s.loadMs);
  row('main-thread busy, navigation → load', (s) => s.busyBeforeLoadMs);
  row(`main-thread busy, navigation → load + ${WINDOW_MS / 1000} s`, (s) => s.busyInWindowMs);
  const ext = (pick: (s: LoadSample) => number) => formatMs(summarize(samples.with.map(pick)).median);
  console.log(
    `of which in Sufler's scripts (by script URL): before load ${ext((s) => s.extensionBeforeLoadMs)}, after load ${ext((s) => s.extensionAfterLoadMs)}`,
  );
  const longWith = samples.with.reduce((n, s) => n + s.longTasks, 0);
  const longWithout = samples.without.reduce((n, s) => n + s.longTasks, 0);
  console.log(`tasks > 50 ms on the page's main thread: with ${longWith}, without ${longWithout} (over ${ROUNDS} loads each; added: ${longWith - longWithout})`);
  console.log('target: load and load-time main-thread ratios ≤ 1.05×, no long task added by the extension');
}
