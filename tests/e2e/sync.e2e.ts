import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCrmDemoSite, type DemoSite } from '../../scripts/demo-site';
import { CrmTab } from './support/crm-tab';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { readStore } from './support/extension-db';
import { OptionsPage } from './support/options-page';
import { startTeamServer, type TeamServer } from './support/team-server';
import { expectText, waitFor } from './support/wait';

const VECTOR = { id: '18230417', name: 'Поставка серверов — ООО «Вектор»' };

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

async function start(serverOptions: Parameters<typeof startTeamServer>[0] = {}): Promise<{ tab: CrmTab; options: OptionsPage }> {
  server = await startTeamServer(serverOptions);
  browser = await launchExtensionBrowser();
  const tab = new CrmTab(await browser.context.newPage(), site.port);
  await tab.openLead(VECTOR.id);
  await expectText(tab.clientName(), VECTOR.name);
  const options = await OptionsPage.open(browser.context, browser.extensionId);
  return { tab, options };
}

/** Outbox rows waiting to be pushed (of one entity, or all). */
async function pendingOutbox(entity?: 'touch' | 'client'): Promise<number> {
  const rows = await readStore<{ state: string; entity: string }>(browser!.context, browser!.extensionId, 'outbox');
  return rows.filter((row) => row.state === 'pending' && (entity === undefined || row.entity === entity)).length;
}

describe('sync with the team server', () => {
  it('connects on the options page, and every logged touch reaches the server once', async () => {
    const { tab, options } = await start();
    await options.byTestId('sync-url').fill(server.url);
    await options.byTestId('sync-token').fill(server.managerToken);
    await options.byTestId('sync-test').click();
    await expectText(options.byTestId('sync-me-email'), 'ann@acme.test');
    await options.byTestId('sync-save').click();

    await tab.page.bringToFront();
    await tab.logTouch('call', 'reached', 'Договорились о встрече в четверг');
    await tab.logTouch('meeting', 'reached', 'Показали стенд, ждут КП');
    await waitFor(async () => (await server.touchCount()) === 2, 20_000, 'two touches on the server');
    await waitFor(async () => (await pendingOutbox()) === 0, 10_000, 'an empty outbox');
    await expectText(tab.byTestId('sync-line-main'), 'Синхронизировано');
    expect(await server.touchCount()).toBe(2);
  });

  it('keeps touches while the server is down and delivers them once it is back', async () => {
    const { tab, options } = await start();
    await options.connect(server.url, server.managerToken);
    await expectText(options.byTestId('sync-me-email'), 'ann@acme.test');
    await server.stop();

    await tab.page.bringToFront();
    await tab.logTouch('call', 'no_answer', 'Не дозвонились, перезвонить после обеда');
    await expectText(tab.historyItems().first(), 'Не дозвонились');
    // The panel says it calmly: nothing is lost, we retry later.
    await expectText(tab.byTestId('sync-problem-text'), 'повторим позже', 20_000);
    // The client record may or may not have gone out before the server stopped; the touch cannot have.
    expect(await pendingOutbox('touch')).toBe(1);

    await server.restart();
    await options.page.bringToFront();
    await options.byTestId('sync-now').click();
    await waitFor(async () => (await server.touchCount()) === 1, 20_000, 'the touch on the server');
    await waitFor(async () => (await pendingOutbox()) === 0, 10_000, 'an empty outbox');
    expect(await server.touchCount()).toBe(1);
  });

  it('resumes a sync that the service worker was stopped in the middle of', async () => {
    // Each push waits a second on the server, so the worker can be stopped between batches.
    const { options } = await start({ pushDelayMs: 1000 });
    const BACKLOG = 700; // a batch of 500, then the rest
    await options.logTouchesThroughPort(await options.crmTabId(), BACKLOG);
    expect(await pendingOutbox('touch')).toBe(BACKLOG);

    await options.connect(server.url, server.managerToken);
    // Let the first batch land, then stop the worker while the rest is still queued.
    await waitFor(async () => (await server.touchCount()) > 0, 30_000, 'the first batch on the server');
    await options.stopServiceWorker();
    const atStop = await server.touchCount();
    expect(atStop).toBeLessThan(BACKLOG);

    // The options page reconnects its port, which wakes the worker; it picks the sync up.
    await waitFor(async () => (await server.touchCount()) === BACKLOG, 60_000, 'the whole backlog on the server');
    await waitFor(async () => (await pendingOutbox()) === 0, 15_000, 'an empty outbox');
    expect(await server.touchCount()).toBe(BACKLOG);
    // Its own waits add up to 105 s: the file's 60 s default cut it short on a busy machine.
  }, 150_000);
});
