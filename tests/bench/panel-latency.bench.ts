import type { Frame, Page } from 'playwright-core';
import { startCrmDemoSite } from '../../scripts/demo-site';
import { WORKER_MARKS } from '../../lib/background/worker-marks';
import { DEMO_HOST, launchExtensionBrowser } from '../e2e/support/extension-browser';
import { formatMs, summarize } from './stats';

/**
 * From a CRM card on screen to the panel showing that client, in real Chromium with the
 * built extension. Two paths: a full page load and an in-app switch to another lead (timed
 * from the click). Target: p95 ≤ 150 ms. Sufler starts after the page's load event (the
 * CRM's own load never waits for it), so a full load is timed from that event; the time
 * from the demo card's own "rendered" mark is printed beside it.
 * A third series stops the service worker before each load, for the worker's cold start
 * (its script evaluated, IndexedDB opened) to the panel's first state.
 */
const LOADS = 25;
const COLD_LOADS = 10;
const SWITCH_PAUSE_MS = 1000;

async function panelFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('[data-sufler-panel] iframe', { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('panel iframe has no frame');
  return frame;
}

/**
 * Arms a watcher in the panel frame that stores Date.now() when the panel first shows
 * `name`; returns a function that waits for it. Arming is awaited before the CRM acts, so
 * the moment is caught as it happens. The in-page code is passed as text: tsx would wrap
 * its inner functions in a helper the page lacks.
 */
async function armPanelWatch(frame: Frame, name: string): Promise<() => Promise<number>> {
  await frame.evaluate(`(() => {
    const expected = ${JSON.stringify(name)};
    window.__suflerShownAt = 0;
    const check = () => {
      const el = document.querySelector('[data-testid="panel-client-name"]');
      if (el && el.textContent.trim() === expected) { window.__suflerShownAt = Date.now(); return true; }
      return false;
    };
    if (check()) return;
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  return async () => {
    const handle = await frame.waitForFunction(
      () => (window as unknown as { __suflerShownAt: number }).__suflerShownAt,
      undefined,
      { timeout: 10_000 },
    );
    return (await handle.jsonValue()) as number;
  };
}

/**
 * Installed in every frame before any of its scripts run: in the panel frame it records
 * Date.now() each time the client name shown changes, so a full load is timed exactly
 * however late the benchmark attaches to the new iframe.
 */
const RECORD_SHOWN_NAMES = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  window.__suflerShown = [];
  let last = null;
  const check = () => {
    const el = document.querySelector('[data-testid="panel-client-name"]');
    const name = el ? el.textContent.trim() : null;
    if (name && name !== last) { last = name; window.__suflerShown.push({ name, at: Date.now() }); }
  };
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
})()`;

/** For a full page load: when the new panel frame first showed `name`. */
async function whenPanelShowed(frame: Frame, name: string): Promise<number> {
  const handle = await frame.waitForFunction(
    (expected) =>
      (window as unknown as { __suflerShown?: { name: string; at: number }[] }).__suflerShown?.find((s) => s.name === expected)?.at,
    name,
    { timeout: 10_000, polling: 5 },
  );
  return (await handle.jsonValue()) as number;
}

async function leadLinks(page: Page): Promise<{ href: string; name: string }[]> {
  return page.$$eval('a.js-navigate-link[data-lead-name]', (links) =>
    links.map((a) => ({ href: (a as HTMLAnchorElement).href, name: a.getAttribute('data-lead-name') ?? '' })),
  );
}

export async function runPanelLatencyBench(): Promise<void> {
  const site = await startCrmDemoSite();
  const browser = await launchExtensionBrowser();
  await browser.context.addInitScript({ content: RECORD_SHOWN_NAMES });
  try {
    const page = await browser.context.newPage();
    const base = `http://${DEMO_HOST}:${site.port}`;
    await page.goto(`${base}/leads/detail/18230417`);
    const links = await leadLinks(page);
    if (links.length < 2) throw new Error('the demo site lists fewer than two leads');

    const fullLoads: number[] = [];
    const afterLoad: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const lead = links[i % links.length]!;
      await page.goto(lead.href);
      const frame = await panelFrame(page);
      const shownAt = await whenPanelShowed(frame, lead.name);
      const { cardAt, loadAt } = (await page.evaluate(`(() => ({
        cardAt: performance.timeOrigin + performance.getEntriesByName('sufler-demo:card-rendered')[0].startTime,
        loadAt: performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd,
      }))()`)) as { cardAt: number; loadAt: number };
      fullLoads.push(shownAt - cardAt);
      afterLoad.push(shownAt - loadAt);
    }

    // Cold worker: stopped before each load; timed from the navigation's start.
    const coldLoads: number[] = [];
    const browserCdp = await browser.context.newCDPSession(page);
    await browserCdp.send('ServiceWorker.enable');
    const coldWorker = { woken: [] as number[], evaluated: [] as number[], listening: [] as number[], firstState: [] as number[], afterLoad: [] as number[] };
    for (let i = 0; i < COLD_LOADS; i++) {
      const lead = links[i % links.length]!;
      await browserCdp.send('ServiceWorker.stopAllWorkers');
      const stoppedAt = Date.now();
      await page.goto(lead.href);
      const frame = await panelFrame(page);
      const shownAt = await whenPanelShowed(frame, lead.name);
      const { navStart, loadAt } = (await page.evaluate(`(() => ({
        navStart: performance.timeOrigin,
        loadAt: performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd,
      }))()`)) as { navStart: number; loadAt: number };
      coldLoads.push(shownAt - navStart);
      coldWorker.afterLoad.push(shownAt - loadAt);
      // Playwright keeps one Worker handle across the restart; it now talks to the new worker.
      const worker = browser.context.serviceWorkers()[0];
      if (!worker) continue;
      const marks = (await worker.evaluate(`(() => ({
        origin: performance.timeOrigin,
        marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
      }))()`)) as { origin: number; marks: Record<string, number> };
      if (marks.origin < stoppedAt) continue; // not restarted by this load: nothing to time
      const at = (name: string) => marks.marks[name] ?? NaN;
      coldWorker.woken.push(marks.origin - loadAt);
      coldWorker.evaluated.push(at(WORKER_MARKS.evaluated));
      coldWorker.listening.push(at(WORKER_MARKS.listening));
      coldWorker.firstState.push(at(WORKER_MARKS.firstClientState));
    }
    // Warm again for the in-app switches.
    await page.goto(links[0]!.href);
    await whenPanelShowed(await panelFrame(page), links[0]!.name);

    const switches: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const current = await page.evaluate(() => location.href);
      const next = links.filter((l) => l.href !== current)[i % (links.length - 1)]!;
      const frame = await panelFrame(page);
      const shownAt = await armPanelWatch(frame, next.name);
      const clickedAt = (await page.evaluate(`(() => {
        const link = [...document.querySelectorAll('a.js-navigate-link')].find((a) => a.href === ${JSON.stringify(next.href)});
        const at = Date.now();
        link.click();
        return at;
      })()`)) as number;
      switches.push((await shownAt()) - clickedAt);
      // A manager reads the card before opening the next one.
      await page.waitForTimeout(SWITCH_PAUSE_MS);
    }

    console.log('\n## CRM card rendered → context published → panel showing it');
    for (const [label, samples] of [
      ["full page load (page's load event → panel)", afterLoad],
      ['full page load (card rendered → panel)', fullLoads],
      ['in-app switch to another lead (click → panel)', switches],
      ['worker stopped first (navigation → panel)', coldLoads],
    ] as const) {
      const s = summarize(samples);
      console.log(`${label.padEnd(48)} n=${s.n}  median ${formatMs(s.median)}  p95 ${formatMs(s.p95)}  max ${formatMs(s.max)}`);
    }
    const median = (xs: number[]) => formatMs(summarize(xs.filter(Number.isFinite)).median);
    console.log(
      `worker stopped first, medians: page's load → worker started ${median(coldWorker.woken)}; from the worker's start: modules evaluated ${median(coldWorker.evaluated)}, listeners added ${median(coldWorker.listening)}, first panel state with the client posted ${median(coldWorker.firstState)}; page's load → panel ${median(coldWorker.afterLoad)}`,
    );
    console.log("target: p95 ≤ 150 ms (a full load counts from the page's load event: Sufler starts after it, by design)");
  } finally {
    await browser.close();
    await site.close();
  }
}
