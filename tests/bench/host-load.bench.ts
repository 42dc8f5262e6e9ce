import type { BrowserContext } from 'playwright-core';
import { startCrmDemoSite } from '../../scripts/demo-site';
import { DEMO_HOST, launchExtensionBrowser, launchPlainBrowser } from '../e2e/support/extension-browser';
import { formatMs, summarize } from './stats';

/**
 * What Sufler costs the CRM page's own load: the same demo card loaded in two profiles,
 * with and without the extension, alternating round by round in one run so both see the
 * same machine load. Printed as ratios (with ÷ without) of the medians:
 * - the page's `load` event (navigation start → loadEventStart);
 * - the page's main-thread task time (CDP TaskDuration) until 1.5 s after load, so our
 *   after-load work (reading the card, mounting the panel frame) is counted too;
 * - long tasks over 50 ms on the page's main thread (target: none added).
 * Targets: both ratios ≤ 1.05×, no added long task.
 */
const ROUNDS = Number(process.env.SUFLER_BENCH_ROUNDS ?? 15);
const SETTLE_MS = 1500;

const LONG_TASKS = `(() => {
  window.__sfLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__sfLongTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})()`;

interface LoadSample {
  loadMs: number;
  taskMs: number;
  longTasks: number;
}

async function loadOnce(context: BrowserContext, url: string): Promise<LoadSample> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const taskMs = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
    const { loadMs, longTasks } = (await page.evaluate(`(() => ({
      loadMs: performance.getEntriesByType('navigation')[0].loadEventStart,
      longTasks: (window.__sfLongTasks || []).length,
    }))()`)) as { loadMs: number; longTasks: number };
    return { loadMs, taskMs, longTasks };
  } finally {
    await page.close();
  }
}

export async function runHostLoadBench(): Promise<void> {
  const site = await startCrmDemoSite();
  const withExt = await launchExtensionBrowser();
  const without = await launchPlainBrowser();
  await withExt.context.addInitScript({ content: LONG_TASKS });
  await without.addInitScript({ content: LONG_TASKS });
  const url = `http://${DEMO_HOST}:${site.port}/leads/detail/18230417`;
  const samples = { with: [] as LoadSample[], without: [] as LoadSample[] };
  try {
    // One warm-up each (disk cache, first process), not counted.
    await loadOnce(withExt.context, url);
    await loadOnce(without, url);
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

  console.log(`\n## The CRM page's own load, with and without Sufler (${ROUNDS} rounds each, alternating)`);
  const row = (label: string, pick: (s: LoadSample) => number) => {
    const w = summarize(samples.with.map(pick));
    const o = summarize(samples.without.map(pick));
    const range = (xs: LoadSample[]) => `${formatMs(Math.min(...xs.map(pick)))}–${formatMs(Math.max(...xs.map(pick)))}`;
    console.log(
      `${label.padEnd(34)} with ${formatMs(w.median).padStart(7)} (${range(samples.with)})  without ${formatMs(o.median).padStart(7)} (${range(samples.without)})  ratio ${(w.median / o.median).toFixed(2)}×`,
    );
  };
  row('load event (navigation → load)', (s) => s.loadMs);
  row('main-thread task time (to load+1.5 s)', (s) => s.taskMs);
  const longWith = samples.with.reduce((n, s) => n + s.longTasks, 0);
  const longWithout = samples.without.reduce((n, s) => n + s.longTasks, 0);
  console.log(`long tasks > 50 ms on the page: with ${longWith}, without ${longWithout} (over ${ROUNDS} loads each; added: ${longWith - longWithout})`);
  console.log('target: ratios ≤ 1.05×, no long task added by the extension');
}
