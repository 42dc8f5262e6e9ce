import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { startCrmDemoSite, type DemoSite } from '../../scripts/demo-site';
import { CrmTab } from './support/crm-tab';
import { readStore } from './support/extension-db';
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

describe('a logged touch is editable in the panel', () => {
  it('edits and deletes a touch; each change is a new version with its outbox row in IndexedDB', async () => {
    browser = await launchExtensionBrowser();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    const tab = new CrmTab(page, site.port);
    await tab.openLead(VECTOR.id);
    await expectText(tab.clientName(), VECTOR.name);
    await tab.logTouch('call', 'no_answer', 'не взял трубку');
    await waitFor(async () => (await tab.historyItems().count()) === 1, 10_000, 'the touch in the history');

    await tab.byTestId('touch-edit').click();
    await tab.byTestId('touch-edit-outcome-callback').click();
    await tab.byTestId('touch-edit-comment').fill('просил перезвонить в пятницу');
    if (process.env.SCREENSHOT_DIR) {
      await tab.byTestId('touch-edit-form').scrollIntoViewIfNeeded();
      await page.screenshot({ path: resolve(process.env.SCREENSHOT_DIR, 'edit-1400.png') });
    }
    await tab.byTestId('touch-edit-save').click();
    await expectText(tab.historyItems().first(), 'просил перезвонить в пятницу');
    await expectText(tab.historyItems().first(), 'изменено');

    const versions = async () => {
      const outbox = await readStore<{ entityId: string; payload: { version?: number; deleted?: boolean } }>(browser!.context, browser!.extensionId, 'outbox');
      return outbox.map((row) => [row.payload.version ?? 1, row.payload.deleted === true]);
    };
    await waitFor(async () => (await versions()).filter(([v]) => v === 2).length === 1, 10_000, 'the edit in the outbox');

    // At 1024 px the panel is a tab; opened, the history is the same and a touch can be deleted.
    await page.setViewportSize({ width: 1024, height: 700 });
    await tab.byTestId('panel-expand').click();
    await tab.byTestId('touch-delete').click();
    if (process.env.SCREENSHOT_DIR) {
      await tab.byTestId('touch-delete-confirm').scrollIntoViewIfNeeded();
      await page.screenshot({ path: resolve(process.env.SCREENSHOT_DIR, 'edit-1024.png') });
    }
    await tab.byTestId('touch-delete-yes').click();
    await waitFor(async () => (await tab.historyItems().count()) === 0, 10_000, 'the touch gone from the history');
    await waitFor(async () => (await versions()).some(([v, deleted]) => v === 3 && deleted), 10_000, 'the tombstone in the outbox');
    const touches = await readStore<{ deleted?: boolean }>(browser.context, browser.extensionId, 'touches');
    expect(touches).toHaveLength(1);
    expect(touches[0]?.deleted).toBe(true);
  });
});
