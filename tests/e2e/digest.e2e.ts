import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCrmDemoSite, type DemoSite } from '../../scripts/demo-site';
import { CrmTab } from './support/crm-tab';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { OptionsPage } from './support/options-page';
import { startTeamServer, type TeamServer } from './support/team-server';
import { expectText, waitFor } from './support/wait';

const ZERNO = { id: '18230422', name: 'Сеть кофеен «Зерно» — обслуживание' };

let site: DemoSite;
let server: TeamServer;
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
  await server?.close();
});

describe("the head's printable daily digest", () => {
  it("shows today's deal a manager viewed with an empty required field, in the head's own profile", async () => {
    server = await startTeamServer();
    browser = await launchExtensionBrowser();
    const tab = new CrmTab(await browser.context.newPage(), site.port);
    await tab.openLead(ZERNO.id);
    await expectText(tab.clientName(), ZERNO.name);
    const managerOptions = await OptionsPage.open(browser.context, browser.extensionId);
    await managerOptions.connect(server.url, server.managerToken);
    await waitFor(async () => (await server.snapshotTitles()).includes(ZERNO.name), 20_000, 'the snapshot on the server');
    await browser.close();

    browser = await launchExtensionBrowser();
    const headOptions = await OptionsPage.open(browser.context, browser.extensionId);
    await headOptions.connect(server.url, server.headToken);
    // The hour is offered on the options page, 19:00 until chosen.
    expect(await headOptions.byTestId('options-digest-hour').inputValue()).toBe('19');
    const page = await browser.context.newPage();
    // The day the snapshot was taken on, as this machine's browser counts it.
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    await page.goto(`chrome-extension://${browser.extensionId}/digest.html?date=${today}`);
    const gaps = page.locator('[data-testid="digest-gaps"]');
    const row = gaps.getByRole('row').filter({ hasText: ZERNO.name });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain('ann@acme.test');
    expect(await row.textContent()).toContain('ЛПР');
    expect(await row.getByRole('link').getAttribute('href')).toContain(`/leads/detail/${ZERNO.id}`);
    // The worker has set the daily alarm for the next 19:00 of this browser's clock.
    const alarm = await browser.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } } }).chrome;
      const at = (await api.alarms.get('sufler-digest'))?.scheduledTime ?? null;
      return at === null ? null : { hour: new Date(at).getHours(), minute: new Date(at).getMinutes(), ahead: at > Date.now() };
    });
    expect(alarm).toEqual({ hour: 19, minute: 0, ahead: true });
  });
});
