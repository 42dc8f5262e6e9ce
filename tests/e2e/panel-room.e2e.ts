import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { startCrmDemoSite, type DemoSite } from '../../scripts/demo-site';
import { CrmTab } from './support/crm-tab';
import { launchExtensionBrowser, newProfileDir, type ExtensionBrowser } from './support/extension-browser';
import { expectText, waitFor } from './support/wait';

// Demo lead (tests/fixtures/sites/amocrm/leads.json) whose feed holds «Созвонились, ждут финальное КП».
const VECTOR = { id: '18230417', name: 'Поставка серверов — ООО «Вектор»' };

let site: DemoSite;
let browser: ExtensionBrowser | undefined;
beforeAll(async () => {
  site = await startCrmDemoSite();
});
afterAll(async () => site.close());
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function openVector(width: number, height: number, profile?: string): Promise<CrmTab> {
  browser = await launchExtensionBrowser(profile);
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  const tab = new CrmTab(page, site.port);
  await tab.openLead(VECTOR.id);
  // Full or folded, depending on the window: either way the panel has the card's state.
  await waitFor(async () => ['ready', 'collapsed'].includes((await tab.byTestId('panel').getAttribute('data-state')) ?? ''), 15_000, 'the panel');
  return tab;
}

/** How much of the CRM's feed is visible left of the panel (px), and the panel's own width. */
async function room(tab: CrmTab): Promise<{ feedVisible: number; panelWidth: number; panelLeft: number }> {
  return tab.page.evaluate(() => {
    const feed = document.querySelector('.js-card-feed')?.getBoundingClientRect();
    const panel = document.querySelector('[data-sufler-panel]')?.getBoundingClientRect();
    if (!feed || !panel) return { feedVisible: -1, panelWidth: -1, panelLeft: -1 };
    return { feedVisible: Math.min(feed.right, panel.left) - Math.max(feed.left, 0), panelWidth: panel.width, panelLeft: panel.left };
  });
}

const shot = async (tab: CrmTab, name: string) => {
  if (process.env.SCREENSHOT_DIR) await tab.page.screenshot({ path: resolve(process.env.SCREENSHOT_DIR, name) });
};

describe('room for the CRM beside the docked panel', () => {
  it('at 1400 px the page moves aside: the whole feed is left of the full panel', async () => {
    const tab = await openVector(1400, 900);
    await waitFor(async () => (await room(tab)).panelWidth === 360, 10_000, 'the full panel');
    const r = await room(tab);
    expect(r.feedVisible).toBeGreaterThanOrEqual(240);
    // The feed ends where the panel begins: nothing of it lies underneath.
    const feedRight = await tab.page.evaluate(() => document.querySelector('.js-card-feed')?.getBoundingClientRect().right ?? 0);
    expect(feedRight).toBeLessThanOrEqual(r.panelLeft + 1);
    expect(await tab.page.evaluate(() => document.documentElement.classList.contains('sufler-room'))).toBe(true);
    await expectText(tab.page.locator('.js-card-feed'), 'Созвонились, ждут финальное КП');
    await shot(tab, 'room-1400.png');
  });

  it('at 1024 px the panel folds to a tab and the CRM feed stays visible; opened from the tab it lies over the page', async () => {
    const tab = await openVector(1024, 700);
    await waitFor(async () => (await tab.byTestId('panel').getAttribute('data-state')) === 'collapsed', 10_000, 'the tab');
    const r = await room(tab);
    expect(r.panelWidth).toBe(44);
    expect(r.feedVisible).toBeGreaterThanOrEqual(240);
    expect(await tab.page.locator('text=Созвонились, ждут финальное КП').isVisible()).toBe(true);
    await shot(tab, 'room-1024-tab.png');

    await tab.byTestId('panel-expand').click();
    await waitFor(async () => (await room(tab)).panelWidth === 360, 10_000, 'the panel over the page');
    await expectText(tab.clientName(), VECTOR.name);
    await shot(tab, 'room-1024-open.png');
    // Wide again: the page makes room and the panel stays open.
    await tab.page.setViewportSize({ width: 1400, height: 900 });
    await waitFor(async () => (await room(tab)).feedVisible >= 240 && (await room(tab)).panelWidth === 360, 10_000, 'room again');
  });

  it('the width follows the drag handle and the arrow keys, and is kept for the site after a reload', async () => {
    const profile = newProfileDir();
    let tab = await openVector(1400, 900, profile);
    const handle = tab.page.locator('[data-sufler-resize]');
    await waitFor(async () => (await room(tab)).panelWidth === 360, 10_000, 'the full panel');
    expect(await handle.getAttribute('role')).toBe('separator');

    // Keyboard: each ArrowLeft widens by 16 px.
    await handle.focus();
    for (let i = 0; i < 5; i += 1) await handle.press('ArrowLeft');
    await waitFor(async () => (await room(tab)).panelWidth === 440, 5_000, 'wider by keys');
    expect(await handle.getAttribute('aria-valuenow')).toBe('440');

    // Mouse: drag the edge far left. The panel widens only as far as the CRM's feed stays
    // readable (240 px of it), and the page still makes room instead of lying underneath.
    const drag = async (toX: number) => {
      const box = await handle.boundingBox();
      if (!box) throw new Error('no handle');
      await tab.page.mouse.move(box.x + box.width / 2, box.y + 300);
      await tab.page.mouse.down();
      await tab.page.mouse.move(toX, box.y + 300, { steps: 8 });
      await tab.page.mouse.up();
    };
    await drag(1400 - 700);
    await waitFor(async () => (await room(tab)).panelWidth > 440, 5_000, 'a wider panel');
    const widest = await room(tab);
    expect(widest.panelWidth).toBeLessThan(700);
    expect(widest.feedVisible).toBeGreaterThanOrEqual(240);
    expect(await tab.byTestId('panel').getAttribute('data-state')).not.toBe('collapsed');
    await shot(tab, 'room-1400-wide.png');

    await drag(1400 - 480);
    await waitFor(async () => Math.abs((await room(tab)).panelWidth - 480) <= 2, 5_000, 'the dragged width');

    // The background stores it; a reloaded tab in the same profile opens at that width.
    await waitFor(
      async () => {
        await tab.page.reload();
        await expectText(tab.clientName(), VECTOR.name, 15_000);
        return Math.abs((await room(tab)).panelWidth - 480) <= 2;
      },
      15_000,
      'the kept width after a reload',
    );
    await browser?.close();
    tab = await openVector(1400, 900, profile);
    await waitFor(async () => Math.abs((await room(tab)).panelWidth - 480) <= 2, 10_000, 'the kept width after a restart');
  });
});
