import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
afterAll(async () => {
  await site.close();
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

describe('a callback logged in the panel', () => {
  it('shows a notification at the agreed time and marks the reminder fired', async () => {
    browser = await launchExtensionBrowser();
    const tab = new CrmTab(await browser.context.newPage(), site.port);
    await tab.openLead(VECTOR.id);
    await expectText(tab.clientName(), VECTOR.name);

    await tab.byTestId('touch-kind-call').click();
    await tab.byTestId('touch-outcome-callback').click();
    const field = tab.byTestId('touch-callback-at');
    // Tomorrow at 10:00 is offered; the manager agreed on a call five seconds from now.
    expect(await field.inputValue()).toMatch(/T10:00$/);
    const callbackAt = await tab.page.evaluate(() => {
      const at = new Date(Date.now() + 5000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
    });
    await field.fill(callbackAt);
    await tab.byTestId('touch-comment').fill('Просили перезвонить после совещания');
    await tab.byTestId('touch-comment').press('Control+Enter');
    await tab.byTestId('touch-saved').waitFor();
    const notices = () =>
      browser!.worker.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            (globalThis as unknown as { chrome: { notifications: { getAll(cb: (all: Record<string, unknown>) => void): void } } }).chrome.notifications.getAll((all) => resolve(Object.keys(all)));
          }),
      );
    // Not before its time: the alarm is set, nothing is shown yet.
    expect(await notices()).toEqual([]);

    const touches = await readStore<{ id: string; outcome: string }>(browser.context, browser.extensionId, 'touches');
    expect(touches.map((t) => t.outcome)).toEqual(['callback']);
    const id = touches[0]!.id;
    await waitFor(async () => (await notices()).length === 1, 20_000, 'the callback notification');
    expect(await notices()).toEqual([`sufler-reminder:${id}`]);

    const reminders = await readStore<{ id: string; touchId: string; cardUrl: string; firedAt: number | null }>(browser.context, browser.extensionId, 'reminders');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ touchId: id, cardUrl: expect.stringContaining(`/leads/detail/${VECTOR.id}`) });
    expect(reminders[0]!.firedAt).not.toBeNull();
  }, 90_000);
});
