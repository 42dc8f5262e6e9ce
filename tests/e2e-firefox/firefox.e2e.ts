import type { Browser, Frame, Page } from 'puppeteer-core';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCrmDemoSite, type DemoSite } from '../../scripts/demo-site';
import { startTeamServer, type TeamServer } from '../e2e/support/team-server';
import { waitFor } from '../e2e/support/wait';
import { ADDON_ID, installPermanently, launchFirefox, newFirefoxProfileDir, packAddon } from './support/firefox-browser';
import { FirefoxCrmTab, FirefoxOptionsPage, readExtensionStore } from './support/firefox-pages';

// The Firefox build, packed and installed in Debian's Firefox ESR, on the demo amoCRM
// site and the real team server. One profile throughout: the last step restarts on it,
// so the steps run in order and each builds on the one before.
const VECTOR = { id: '18230417', name: 'Поставка серверов — ООО «Вектор»', crmStage: 'Переговоры' };
const FIRST_TOUCH = 'Обсудили сроки поставки, ждут договор';
const SECOND_TOUCH = 'Показали стенд, ждут КП';

let site: DemoSite;
let server: TeamServer;
let browser: Browser | undefined;
let tab: FirefoxCrmTab;
let xpi: string | undefined;
const profile = newFirefoxProfileDir();

beforeAll(async () => {
  [site, server, xpi] = await Promise.all([startCrmDemoSite(), startTeamServer(), packAddon()]);
  browser = await launchFirefox(profile);
  expect(await installPermanently(browser, xpi)).toBe(ADDON_ID);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([site?.close(), server?.close()]);
  rmSync(profile, { recursive: true, force: true });
  if (xpi) rmSync(dirname(xpi), { recursive: true, force: true });
});

/** Outbox rows still waiting to go to the server. */
async function pendingOutbox(extensionPage: Page | Frame): Promise<number> {
  const rows = await readExtensionStore<{ state: string }>(extensionPage, 'outbox');
  return rows.filter((row) => row.state === 'pending').length;
}

describe('Sufler in Firefox ESR', () => {
  it('docks the panel beside the lead card, showing the client and the stage', async () => {
    tab = await FirefoxCrmTab.open(browser!, site.port);
    await tab.openLead(VECTOR.id);
    await tab.expectText('panel-client-name', VECTOR.name);
    await tab.expectText('stage-crm', VECTOR.crmStage);
    await tab.expectText('stage-name', 'Переговоры');

    const { viewportWidth, viewportHeight, panel, card } = await tab.layout();
    expect(panel).not.toBeNull();
    expect(card).not.toBeNull();
    // Docked to the right edge, full height, and clear of the card's fields on the left.
    expect(panel!.width).toBe(360);
    expect(panel!.right).toBe(viewportWidth);
    expect(panel!.height).toBe(viewportHeight);
    expect(card!.right).toBeLessThanOrEqual(panel!.left);
  });

  it('syncs a touch logged in the panel to the team server exactly once', async () => {
    const options = await FirefoxOptionsPage.open(browser!, tab);
    await options.fill('sync-url', server.url);
    await options.fill('sync-token', server.managerToken);
    await options.click('sync-test');
    await waitFor(async () => (await options.text('sync-me-email')) === 'ann@acme.test', 15_000, 'the server to recognise the token');
    await options.click('sync-save');

    await tab.page.bringToFront();
    await tab.logTouch('call', 'reached', FIRST_TOUCH);
    await tab.expectText('touch-history-item', FIRST_TOUCH);
    await waitFor(async () => (await server.touchCount()) === 1, 20_000, 'the touch on the server');
    await waitFor(async () => (await pendingOutbox(options.page)) === 0, 15_000, 'an empty outbox');
    await tab.expectText('sync-line-main', 'Синхронизировано');
    expect(await server.touchCount()).toBe(1);
    await options.page.close();
  });

  it('keeps the touch and the server settings after Firefox restarts on the same profile', async () => {
    await browser!.close();
    browser = await launchFirefox(profile);
    // No install this time: the add-on comes back from the profile, as it does for a user.
    tab = await FirefoxCrmTab.open(browser, site.port);
    await tab.openLead(VECTOR.id);
    await tab.expectText('panel-client-name', VECTOR.name);
    await tab.expectText('touch-history-item', FIRST_TOUCH);
    expect(await tab.history()).toHaveLength(1);

    // The server address and token came back too: a new touch goes out, the first not again.
    await tab.logTouch('meeting', 'reached', SECOND_TOUCH);
    await tab.expectText('touch-history-item', SECOND_TOUCH);
    await waitFor(async () => (await server.touchCount()) === 2, 20_000, 'the second touch on the server');
    await waitFor(async () => (await pendingOutbox(await tab.panel())) === 0, 15_000, 'an empty outbox');
    expect(await server.touchCount()).toBe(2);
    expect(await tab.history()).toHaveLength(2);
  });
});
