import type { CDPSession, Frame, Page } from 'playwright-core';
import { startCrmDemoSite } from '../../scripts/demo-site';
import { DEMO_HOST, launchExtensionBrowser } from '../e2e/support/extension-browser';

/**
 * Memory after many in-app navigations: the CRM page's JS heap (the page and our content
 * script share its isolate) and the docked panel's heap (its own process), each after a
 * forced GC, at the start (the full panel mounted) and after N lead switches. Target: both
 * flat within 5 MB.
 */
const NAVIGATIONS = Number(process.env.SUFLER_BENCH_NAVIGATIONS ?? 1000);

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1024 / 1024;
}

async function panelFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('[data-sufler-panel] iframe', { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('panel iframe has no frame');
  return frame;
}

async function showsName(frame: Frame, name: string): Promise<void> {
  await frame.waitForFunction(
    (expected) => document.querySelector('[data-testid="panel-client-name"]')?.textContent?.trim() === expected,
    name,
    { timeout: 10_000, polling: 'raf' },
  );
}

export async function runMemoryBench(): Promise<void> {
  const site = await startCrmDemoSite();
  const browser = await launchExtensionBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`http://${DEMO_HOST}:${site.port}/leads/detail/18230417`);
    const links = await page.$$eval('a.js-navigate-link[data-lead-name]', (as) =>
      as.map((a) => ({ path: new URL((a as HTMLAnchorElement).href).pathname, name: a.getAttribute('data-lead-name') ?? '' })),
    );
    const frame = await panelFrame(page);
    await showsName(frame, links.find((l) => l.path.endsWith('18230417'))?.name ?? '');
    // The start figure counts the full panel (React), which takes over from the first paint.
    await frame.waitForSelector('[data-testid="panel"][data-state="ready"]', { timeout: 10_000 });
    const pageCdp = await browser.context.newCDPSession(page);
    const panelCdp = await browser.context.newCDPSession(frame);
    const start = { page: await heapMb(pageCdp), panel: await heapMb(panelCdp) };

    const started = performance.now();
    let current = '/leads/detail/18230417';
    for (let i = 0; i < NAVIGATIONS; i++) {
      const next = links.filter((l) => l.path !== current)[i % (links.length - 1)]!;
      await page.evaluate((path) => {
        const link = [...document.querySelectorAll<HTMLAnchorElement>('a.js-navigate-link')].find((a) => new URL(a.href).pathname === path);
        link?.click();
      }, next.path);
      await showsName(frame, next.name);
      current = next.path;
    }
    const seconds = (performance.now() - started) / 1000;
    const end = { page: await heapMb(pageCdp), panel: await heapMb(panelCdp) };

    console.log(`\n## Memory after ${NAVIGATIONS} in-app navigations (${seconds.toFixed(0)} s; heap after a forced GC)`);
    console.log(`CRM page + content script heap: ${start.page.toFixed(1)} MB → ${end.page.toFixed(1)} MB (${(end.page - start.page >= 0 ? '+' : '') + (end.page - start.page).toFixed(1)} MB)`);
    console.log(`docked panel heap:              ${start.panel.toFixed(1)} MB → ${end.panel.toFixed(1)} MB (${(end.panel - start.panel >= 0 ? '+' : '') + (end.panel - start.panel).toFixed(1)} MB)`);
    console.log('target: flat within 5 MB');
  } finally {
    await browser.close();
    await site.close();
  }
}
