import { build } from 'esbuild';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startCrmDemoSite } from '../../scripts/demo-site';
import { CHROMIUM, DEMO_HOST } from '../e2e/support/extension-browser';
import { formatMs, summarize } from './stats';

/**
 * Main-thread time the content script spends per burst of DOM changes on a large card
 * (about 5,000 nodes): the CRM re-renders part of the card, our watcher re-reads it.
 * Target: ≤ 5 ms per burst.
 */
const BURSTS = 40;

/** Two cards of about 5,000 DOM nodes each. */
const CARDS = [
  // The usual shape: a dozen fields and a long event history (notes, calls, status changes).
  { label: 'long history (12 fields, 900 feed notes)', query: '?feed=900' },
  // The worst shape for a reader that walks every field: 950 custom fields.
  { label: 'many fields (960 custom fields)', query: '?extra=950' },
];

export async function runMutationBurstBench(): Promise<void> {
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, 'content-probe.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    platform: 'browser',
  });
  const probeSource = bundle.outputFiles[0]!.text;

  const site = await startCrmDemoSite();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--host-resolver-rules=MAP *.amocrm.ru 127.0.0.1', '--no-sandbox', '--disable-gpu'],
  });
  console.log('\n## Content-script main-thread time per DOM-mutation burst');
  try {
    for (const card of CARDS) {
      const page = await browser.newPage();
      await measureCard(page, `http://${DEMO_HOST}:${site.port}/leads/detail/18230417${card.query}`, card.label, probeSource);
      await page.close();
    }
    console.log('target: ≤ 5 ms per burst');
  } finally {
    await browser.close();
    await site.close();
  }
}

async function measureCard(page: Page, url: string, label: string, probeSource: string): Promise<void> {
  {
    await page.goto(url);
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    await page.addScriptTag({ content: probeSource });
    await page.waitForFunction(() => window.suflerProbe?.reads >= 1);

    for (let i = 0; i < BURSTS; i++) {
      const before = await page.evaluate(() => window.suflerProbe.reads);
      // One burst: a feed note arrives and a field is edited, as when a colleague updates the card.
      await page.evaluate((n) => {
        const feed = document.querySelector('.card-holder__feed') ?? document.body;
        const note = document.createElement('div');
        note.className = 'feed-note';
        for (let j = 0; j < 20; j++) note.append(Object.assign(document.createElement('span'), { textContent: `note ${n}.${j}` }));
        feed.append(note);
        const input = document.querySelector<HTMLInputElement>('.linked-form__field input[name^="CFV"]');
        input?.setAttribute('value', `value ${n}`);
      }, i);
      await page.waitForFunction((b) => window.suflerProbe.reads > b, before);
    }
    const durations = await page.evaluate(() => window.suflerProbe.durations.slice(1));
    const s = summarize(durations);
    console.log(`${nodes} DOM nodes, ${label}: ${s.n} bursts, median ${formatMs(s.median)}  p95 ${formatMs(s.p95)}  max ${formatMs(s.max)}`);
  }
}
