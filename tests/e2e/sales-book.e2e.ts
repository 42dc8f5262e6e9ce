import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCrmDemoSite, type DemoSite } from '../../scripts/demo-site';
import { CrmTab } from './support/crm-tab';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { OptionsPage } from './support/options-page';
import { startTeamServer, type TeamServer } from './support/team-server';
import { expectText } from './support/wait';

const ZERNO = '18230422';
const shots = (name: string) => resolve(import.meta.dirname, `screenshots/${name}`);

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

describe('the sales book', () => {
  it('a head adds a stage and publishes; a manager’s panel in another profile pulls it and says the playbook changed', async () => {
    server = await startTeamServer();
    // The head's browser: edit in the options page's editor, publish.
    browser = await launchExtensionBrowser();
    const head = await OptionsPage.open(browser.context, browser.extensionId);
    await head.connect(server.url, server.headToken);
    await expectText(head.byTestId('options-dashboard'), 'Отчёты');
    await head.byTestId('book-open').click();
    await head.byTestId('playbook-editor').waitFor({ timeout: 20_000 });
    await head.byTestId('add-stage').click();
    const added = head.byTestId('stage-row').last();
    await added.locator('[data-testid="stage-id"]').fill('tender');
    await added.locator('[data-testid="stage-name-ru"]').fill('Тендер');
    await added.locator('[data-testid="stage-name-en"]').fill('Tender');
    await added.locator('textarea[data-path$=".goal.ru"]').fill('Подать заявку на площадке');
    await added.locator('textarea[data-path$=".goal.en"]').fill('File the bid on the platform');
    await added.locator('[data-testid="stage-crm-bitrix24"]').fill('C3:TENDER');
    await expectText(head.byTestId('editor-check'), 'Плейбук проходит все проверки.');
    if (process.env.UPDATE_SCREENSHOT) {
      for (const width of [1400, 1024]) {
        await head.page.setViewportSize({ width, height: 900 });
        await head.page.screenshot({ path: shots(`book-editor-${width}.png`), fullPage: true });
      }
      await head.byTestId('book-tab-scripts').click();
      await head.page.screenshot({ path: shots('book-editor-scripts-1024.png'), fullPage: true });
      await head.byTestId('book-tab-stages').click();
    }
    await head.byTestId('book-publish').click();
    await expectText(head.byTestId('book-status'), '✓ Опубликована версия 1: менеджеры получат её при следующей синхронизации', 20_000);
    expect(await head.byTestId('book-version').count()).toBe(1);

    if (process.env.UPDATE_SCREENSHOT) {
      const [book] = await Promise.all([browser.context.waitForEvent('page'), head.byTestId('book-print').click()]);
      await book.locator('[data-testid="sales-book"]').waitFor();
      for (const width of [1400, 1024]) {
        await book.setViewportSize({ width, height: 900 });
        await book.screenshot({ path: shots(`sales-book-${width}.png`), fullPage: true });
      }
    }
    await browser.close();

    // The manager's browser: connect, open a card; the next pull brings version 1.
    browser = await launchExtensionBrowser();
    const manager = await OptionsPage.open(browser.context, browser.extensionId);
    await manager.connect(server.url, server.managerToken);
    const tab = new CrmTab(await browser.context.newPage(), site.port);
    await tab.openLead(ZERNO);
    const line = tab.byTestId('playbook-changed');
    await line.waitFor({ timeout: 30_000 });
    expect(await line.textContent()).toContain('Плейбук команды изменился: версия 1. Добавлены этапы: Тендер.');
    await tab.byTestId('playbook-changed-dismiss').click();
    await line.waitFor({ state: 'detached', timeout: 10_000 });
  });
});
