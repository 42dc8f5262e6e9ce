import { resolve } from 'node:path';
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

describe("the head's dashboard", () => {
  it("lists a deal a manager viewed with an empty required field, in the head's own browser profile", async () => {
    server = await startTeamServer();
    // The manager's browser: connect, then view a card whose «ЛПР» is empty.
    browser = await launchExtensionBrowser();
    const tab = new CrmTab(await browser.context.newPage(), site.port);
    await tab.openLead(ZERNO.id);
    await expectText(tab.clientName(), ZERNO.name);
    const managerOptions = await OptionsPage.open(browser.context, browser.extensionId);
    await managerOptions.connect(server.url, server.managerToken);
    await waitFor(async () => (await server.snapshotTitles()).includes(ZERNO.name), 20_000, 'the snapshot on the server');
    await browser.close();

    // The head's browser: another profile with the head's token.
    browser = await launchExtensionBrowser();
    const headOptions = await OptionsPage.open(browser.context, browser.extensionId);
    await headOptions.connect(server.url, server.headToken);
    await expectText(headOptions.byTestId('options-dashboard'), 'Отчёты');
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
    const gaps = page.getByRole('table', { name: /Сделки с незаполненными полями/ });
    const row = gaps.getByRole('row').filter({ hasText: ZERNO.name });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain('ann@acme.test');
    expect(await row.textContent()).toContain('ЛПР');
    expect(await row.getByRole('link').getAttribute('href')).toContain(`/leads/detail/${ZERNO.id}`);

    if (process.env.UPDATE_SCREENSHOT) {
      await page.screenshot({ path: resolve(import.meta.dirname, 'screenshots/dashboard-1400.png'), fullPage: true });
      await page.setViewportSize({ width: 1024, height: 800 });
      await page.screenshot({ path: resolve(import.meta.dirname, 'screenshots/dashboard-1024.png'), fullPage: true });
    }
  });

  it('a head adds a manager and creates an invite on the dashboard; pasted once in another profile, it connects and syncs', async () => {
    server = await startTeamServer();
    // The head's browser profile.
    browser = await launchExtensionBrowser();
    const headOptions = await OptionsPage.open(browser.context, browser.extensionId);
    await headOptions.connect(server.url, server.headToken);
    await expectText(headOptions.byTestId('sync-me-email'), 'head.north@acme.test');
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
    const team = page.locator('[data-testid="team-section"]');
    await team.locator('[data-testid="team-member-ann@acme.test"]').waitFor({ timeout: 20_000 });
    await team.locator('[data-testid="team-add-email"]').fill('nina@acme.test');
    await team.locator('[data-testid="team-add-email"]').press('Enter');
    const nina = team.locator('[data-testid="team-member-nina@acme.test"]');
    await nina.waitFor({ timeout: 10_000 });
    await nina.getByRole('button', { name: /nina@acme\.test/ }).click();
    const codeBox = team.locator('[data-testid="team-invite-code"]');
    await codeBox.waitFor({ timeout: 10_000 });
    const code = await codeBox.inputValue();
    expect(code).toMatch(/^sufler1\./);
    await browser.close();

    // The new manager's browser: a card with an empty required field, then the invite.
    browser = await launchExtensionBrowser();
    const tab = new CrmTab(await browser.context.newPage(), site.port);
    await tab.openLead(ZERNO.id);
    await expectText(tab.clientName(), ZERNO.name);
    const options = await OptionsPage.open(browser.context, browser.extensionId);
    await options.byTestId('sync-invite').fill(code);
    await options.byTestId('sync-invite-connect').click();
    await expectText(options.byTestId('sync-me-email'), 'nina@acme.test');
    expect(await options.byTestId('sync-url').inputValue()).toBe(server.url);
    await waitFor(async () => (await server.snapshotTitles()).includes(ZERNO.name), 20_000, "the new manager's snapshot on the server");
  });
});
