import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { startCrmDemoSite, type DemoSite } from '../../scripts/demo-site';
import { CrmTab } from './support/crm-tab';
import { readStore } from './support/extension-db';
import { launchExtensionBrowser, newProfileDir, type ExtensionBrowser } from './support/extension-browser';
import { expectText, waitFor } from './support/wait';

// Demo leads (tests/fixtures/sites/amocrm/leads.json).
const VECTOR = { id: '18230417', name: 'Поставка серверов — ООО «Вектор»', crmStage: 'Переговоры' };
const ZERNO = { id: '18230422', name: 'Сеть кофеен «Зерно» — обслуживание', crmStage: 'Квалификация' };
const DECISION_MAKER_CF = '512307'; // «ЛПР», empty on the Zerno lead

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

async function openTab(profile?: string): Promise<CrmTab> {
  browser = await launchExtensionBrowser(profile);
  const page = await browser.context.newPage();
  return new CrmTab(page, site.port);
}

describe('the panel beside an amoCRM lead card', () => {
  it('shows the client and the stage mapped from the CRM stage', async () => {
    const tab = await openTab();
    await tab.openLead(VECTOR.id);
    await expectText(tab.clientName(), VECTOR.name);
    await expectText(tab.byTestId('stage-crm'), VECTOR.crmStage);
    await expectText(tab.byTestId('stage-name'), 'Переговоры');
    expect(await tab.byTestId('stage-progress').textContent()).toMatch(/6\D+10/);
    // The script for the stage and objection answers are there to follow.
    expect(await tab.byTestId('script-say').textContent()).not.toBe('');
    expect(await tab.byTestId('objection-item').count()).toBeGreaterThanOrEqual(3);
    // The README's screenshot; refreshed on request so a test run leaves the tree clean.
    if (process.env.UPDATE_SCREENSHOT) {
      await tab.page.screenshot({ path: resolve(import.meta.dirname, 'screenshots/panel.png') });
    }
  });

  it('lists the missing required fields and outlines them in the CRM form until they are filled', async () => {
    const tab = await openTab();
    await tab.openLead(ZERNO.id);
    await expectText(tab.clientName(), ZERNO.name);

    const decisionMaker = tab.checklistItem('decision_maker');
    await waitFor(async () => (await decisionMaker.getAttribute('data-filled')) === 'false');
    await waitFor(async () => (await tab.crmField(DECISION_MAKER_CF).getAttribute('data-sufler-missing')) !== null);
    const missing = await tab.panel.locator('[data-testid="checklist-item"][data-filled="false"]').count();
    expect(missing).toBeGreaterThanOrEqual(2);
    // The outline takes no space: the form does not move.
    const before = await tab.crmField(DECISION_MAKER_CF).boundingBox();

    await tab.crmField(DECISION_MAKER_CF).locator('input').fill('Анна Кузнецова, директор по операциям');
    await waitFor(async () => (await decisionMaker.getAttribute('data-filled')) === 'true');
    await waitFor(async () => (await tab.crmField(DECISION_MAKER_CF).getAttribute('data-sufler-missing')) === null);
    expect(await tab.crmField(DECISION_MAKER_CF).boundingBox()).toEqual(before);
  });

  it('keeps a logged touch in IndexedDB, after a reload and after the browser restarts', async () => {
    const profile = newProfileDir();
    let tab = await openTab(profile);
    await tab.openLead(VECTOR.id);
    await expectText(tab.clientName(), VECTOR.name);
    await tab.logTouch('call', 'reached', 'Обсудили сроки поставки, ждут договор');
    await expectText(tab.historyItems().first(), 'Обсудили сроки поставки');

    const touches = await readStore<{ clientKey: string; kind: string; comment: string }>(
      browser!.context,
      browser!.extensionId,
      'touches',
    );
    expect(touches).toHaveLength(1);
    expect(touches[0]).toMatchObject({
      clientKey: `amocrm:demo.amocrm.ru:lead:${VECTOR.id}`,
      kind: 'call',
      comment: 'Обсудили сроки поставки, ждут договор',
    });
    const outbox = await readStore<{ entity: string; entityId: string }>(browser!.context, browser!.extensionId, 'outbox');
    expect(outbox.filter((row) => row.entity === 'touch').map((row) => row.entityId)).toEqual([
      (touches[0] as unknown as { id: string }).id,
    ]);

    await tab.page.reload();
    await expectText(tab.historyItems().first(), 'Обсудили сроки поставки');

    await browser!.close();
    tab = await openTab(profile);
    await tab.openLead(VECTOR.id);
    await expectText(tab.historyItems().first(), 'Обсудили сроки поставки');
    expect(await tab.historyItems().count()).toBe(1);
  });

  it('follows in-app navigation to another lead', async () => {
    const tab = await openTab();
    await tab.openLead(VECTOR.id);
    await expectText(tab.clientName(), VECTOR.name);
    const urlBefore = tab.page.url();
    await tab.page.locator(`a.js-navigate-link[href="/leads/detail/${ZERNO.id}"]`).click();
    await expectText(tab.clientName(), ZERNO.name);
    await expectText(tab.byTestId('stage-crm'), ZERNO.crmStage);
    // It was an SPA navigation, not a page load: the panel iframe stayed.
    expect(tab.page.url()).not.toBe(urlBefore);
    expect(await tab.page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  });

  it('reads the card from the DOM when the page exposes no data of its own', async () => {
    const tab = await openTab();
    await tab.openLead(VECTOR.id, '?nodata=1');
    await expectText(tab.clientName(), VECTOR.name);
    await expectText(tab.byTestId('stage-crm'), VECTOR.crmStage);
  });

  it('collapses to a tab, stays collapsed across pages, and expands again', async () => {
    const tab = await openTab();
    await tab.openLead(VECTOR.id);
    await expectText(tab.clientName(), VECTOR.name);
    await tab.byTestId('panel-collapse').click();
    await waitFor(async () => (await tab.panelWrapper.boundingBox())?.width === 44);
    await tab.openLead(ZERNO.id);
    await waitFor(async () => (await tab.panelWrapper.boundingBox())?.width === 44);
    await tab.byTestId('panel-expand').click();
    await waitFor(async () => (await tab.panelWrapper.boundingBox())?.width === 360);
  });

  it('keeps the script walk-through position per client across a reload', async () => {
    const tab = await openTab();
    await tab.openLead(VECTOR.id);
    await expectText(tab.clientName(), VECTOR.name);
    const startLine = (await tab.byTestId('script-say').textContent()) ?? '';
    await tab.byTestId('script-answer').first().click();
    await waitFor(async () => ((await tab.byTestId('script-say').textContent()) ?? '') !== startLine);
    const stepLine = (await tab.byTestId('script-say').textContent()) ?? '';

    // Another client starts at its own script's beginning, not at Vector's step.
    await tab.page.locator(`a.js-navigate-link[href="/leads/detail/${ZERNO.id}"]`).click();
    await expectText(tab.clientName(), ZERNO.name);
    expect(await tab.byTestId('script-say').textContent()).not.toBe(stepLine);

    // Vector again, after a full reload (a new panel iframe): the place is kept.
    await tab.openLead(VECTOR.id);
    await tab.page.reload();
    await expectText(tab.clientName(), VECTOR.name);
    await expectText(tab.byTestId('script-say'), stepLine);
  });

  it('switches the panel to English', async () => {
    const tab = await openTab();
    await tab.openLead(VECTOR.id);
    await expectText(tab.byTestId('stage-name'), 'Переговоры');
    await tab.byTestId('lang-en').click();
    await expectText(tab.byTestId('stage-name'), 'Negotiation');
  });
});
