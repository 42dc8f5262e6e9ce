import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startCrmDemoSite, type DemoSite } from '../../scripts/demo-site';
import { CrmTab } from './support/crm-tab';
import { readStore } from './support/extension-db';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { panelScreenshots } from './support/fixture-host';
import { expectText, waitFor } from './support/wait';

const VECTOR = { id: '18230417', name: 'Поставка серверов — ООО «Вектор»' };
const DAY = 86_400_000;

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

/**
 * Puts rows straight into the extension's IndexedDB, as a segment pull and a touch from another
 * device would leave them. Done with no Sufler page open, so the hub's live queries start afresh.
 */
async function putRows(context: BrowserContext, extensionId: string, rows: { store: string; value: unknown }[]): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.evaluate(
      (items) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('sufler');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction([...new Set(items.map((i) => i.store))], 'readwrite');
            for (const item of items) tx.objectStore(item.store).put(item.value);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      rows,
    );
  } finally {
    await page.close();
  }
}

describe('my key clients', () => {
  it('lists a client ranked A in the popup and the side panel, late, and opens its CRM card', async () => {
    browser = await launchExtensionBrowser();
    const { context, extensionId } = browser;
    const crm = await context.newPage();
    const tab = new CrmTab(crm, site.port);

    // Nothing is key yet: the popup says so plainly.
    const empty = await context.newPage();
    await empty.goto(`chrome-extension://${extensionId}/popup.html`);
    await expectText(empty.locator('[data-testid="key-clients-empty"]'), 'Ключевых клиентов пока нет');
    await empty.close();

    // The server ranks the card A, and a call was logged 40 days ago on another device. Written
    // before the card is first opened: the worker's Dexie sees only its own writes, later ones raw
    // in IndexedDB could meet a cached read.
    const key = `amocrm:demo.amocrm.ru:lead:${VECTOR.id}`;
    await putRows(context, extensionId, [
      { store: 'segments', value: { clientKey: key, teamId: '1', class: 'a', pinned: false, computed: null, reason: { ru: 'A: 40 % выручки', en: 'A: 40 % of revenue' } } },
      { store: 'touches', value: { id: '01JDKEYCLIENTSE2E00000001', clientKey: key, kind: 'call', outcome: 'reached', comment: '', at: Date.now() - 40 * DAY, stageId: null } },
    ]);

    await tab.openLead(VECTOR.id);
    await expectText(tab.clientName(), VECTOR.name);
    await waitFor(async () => (await readStore(context, extensionId, 'clients')).length === 1, 10_000, 'the card in the clients table');
    const [client] = await readStore<{ key: string; context: { url: string } }>(context, extensionId, 'clients');
    expect(client?.key).toBe(key);
    await crm.close();

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const row = popup.locator('[data-testid="key-client"]');
    await waitFor(async () => (await row.count()) === 1, 10_000, 'the key client in the popup');
    await expectText(row.first(), VECTOR.name);
    // The card's CRM segment "Ключевой" sets a touch every 15 days: the call 40 days ago was due
    // 25 days ago, and the few seconds since begin the 26th day late.
    await expectText(row.first().locator('[data-testid="key-client-due"]'), 'Касание Просрочено на 26 дней');
    await panelScreenshots(popup, 'key-clients-popup');

    const side = await context.newPage();
    await side.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const sideRow = side.locator('[data-testid="key-client"]');
    await waitFor(async () => (await sideRow.count()) === 1, 10_000, 'the key client in the side panel');
    await panelScreenshots(side, 'key-clients-sidepanel');

    // From the keyboard: the link takes focus and Enter opens the card in a new tab.
    const link = sideRow.first().locator('[data-testid="key-client-open"]');
    expect(await link.getAttribute('href')).toBe(client!.context.url);
    await link.focus();
    const opened = context.waitForEvent('page');
    await side.keyboard.press('Enter');
    const card = await opened;
    await card.waitForLoadState();
    expect(card.url()).toBe(client!.context.url);
  });
});
