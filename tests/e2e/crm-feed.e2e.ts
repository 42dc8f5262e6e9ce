import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCrmDemoSite, type DemoSite } from '../../scripts/demo-site';
import { CrmTab } from './support/crm-tab';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { expectText, waitFor } from './support/wait';

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

describe('the CRM’s history and Sufler’s are one', () => {
  it('shows the card’s own feed, and a logged call reaches the CRM feed after one click, listed once', async () => {
    browser = await launchExtensionBrowser();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    const tab = new CrmTab(page, site.port);
    await tab.openLead(VECTOR.id);
    await expectText(tab.clientName(), VECTOR.name);

    // The card's own note and call are in the panel's history, marked as the CRM's.
    const crmItems = tab.byTestId('crm-history-item');
    await waitFor(async () => (await crmItems.count()) === 2, 10_000, 'the CRM’s two feed items');
    await expectText(crmItems.first(), 'Созвонились, ждут финальное КП');
    await expectText(crmItems.first(), 'из CRM');

    await tab.logTouch('call', 'reached', 'договорились о демонстрации');
    await waitFor(async () => (await tab.historyItems().count()) === 1, 10_000, 'the touch in the history');
    await tab.byTestId('touch-to-crm').click();
    await expectText(tab.byTestId('touch-to-crm-filled'), 'Добавить');

    // The manager confirms in the CRM; the CRM's feed shows the note with Sufler's tag.
    const composer = page.locator('.feed-compose__message');
    expect(await composer.textContent()).toMatch(/договорились о демонстрации \[Sufler [0-9A-Z]{8}\]$/);
    await page.locator('.js-note-submit').click();
    await expectText(page.locator('.js-notes .feed-note-wrapper').last(), 'договорились о демонстрации');

    // Listed once: the touch is marked "in CRM", and no CRM item repeats it.
    await expectText(tab.byTestId('touch-in-crm'), 'есть в CRM');
    await waitFor(async () => (await crmItems.count()) === 2, 10_000, 'no third CRM item');
    expect(await tab.byTestId('touch-to-crm').count()).toBe(0);
  });
});
