import type { FrameLocator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { panelIn, panelScreenshots, serveFixtures } from './support/fixture-host';
import { expectText, waitFor } from './support/wait';

/**
 * Bitrix24 in real Chromium. The cloud is https only, so the fixtures are served by the
 * browser's request interception under a real portal host name: the manifest's own match
 * patterns (https://*.bitrix24.ru/*) decide whether Sufler runs, in the top frame and in the
 * slider's iframe, exactly as on a portal.
 */
const PORTAL = 'https://demo.bitrix24.ru';
const PAGES: Record<string, string> = {
  '/crm/deal/details/4021/': '2026-12-01-deal-card-ru.html',
  '/crm/deal/list/': '2026-12-01-deal-list.html',
};
/** The slider iframe's card (?IFRAME=Y&IFRAME_TYPE=SIDE_SLIDER) by path. */
const SLIDER_PAGES: Record<string, string> = {
  '/crm/deal/details/4022/': '2026-12-01-deal-card-slider.html',
  '/crm/deal/details/4021/': '2026-12-01-deal-card-ru.html',
};

const VECTOR = { name: 'Поставка серверов — ООО «Вектор»', crmStage: 'Переговоры' };
const SERVICE = { name: 'Сервисный контракт на 2027 год', crmStage: 'Подготовка КП' };

let browser: ExtensionBrowser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function openPortal(): Promise<Page> {
  browser = await launchExtensionBrowser();
  await serveFixtures(browser.context, PORTAL, (url) => {
    const file = (url.searchParams.get('IFRAME') === 'Y' ? SLIDER_PAGES : PAGES)[url.pathname];
    return file ? `bitrix24/${file}` : null;
  });
  return browser.context.newPage();
}

const byTestId = (panel: FrameLocator, id: string) => panel.locator(`[data-testid="${id}"]`);

describe('the panel beside a Bitrix24 card', () => {
  it('shows the client and the stage of a cloud portal deal, and outlines a missing required field', async () => {
    const page = await openPortal();
    await page.goto(`${PORTAL}/crm/deal/details/4021/`);
    const panel = panelIn(page);
    await expectText(byTestId(panel, 'panel-client-name'), VECTOR.name);
    await expectText(byTestId(panel, 'stage-crm'), VECTOR.crmStage);
    await expectText(byTestId(panel, 'stage-name'), 'Переговоры');
    // The negotiation stage requires the decision date, which the card shows empty: it is
    // listed as missing and outlined in the entity editor itself.
    await waitFor(async () => (await panel.locator('[data-testid="checklist-item"][data-field-id="decision_date"]').getAttribute('data-filled')) === 'false');
    await waitFor(async () => (await page.locator('[data-cid="UF_CRM_1700000105"]').getAttribute('data-sufler-missing')) !== null);
    expect(await page.locator('[data-cid="UF_CRM_1700000101"]').getAttribute('data-sufler-missing')).toBeNull();
    await panelScreenshots(page, 'bitrix24-deal');
  });

  it('reads the card opened in the slider over the list, and follows a switch to another card', async () => {
    const page = await openPortal();
    await page.goto(`${PORTAL}/crm/deal/list/`);
    const slider = page.frameLocator('iframe.side-panel-iframe');
    const panel = panelIn(slider);
    await expectText(byTestId(panel, 'panel-client-name'), SERVICE.name);
    // A stage of a second pipeline the default playbook does not map: shown as such, by name.
    await expectText(byTestId(panel, 'stage-unmapped'), SERVICE.crmStage);
    // The list page itself shows no panel of its own over the slider.
    expect(await page.locator('[data-sufler-panel]').first().isVisible()).toBe(false);
    await panelScreenshots(page, 'bitrix24-slider');

    // The manager opens another deal from the list: the slider loads that card.
    await page.locator('iframe.side-panel-iframe').evaluate((frame) => {
      (frame as HTMLIFrameElement).src = '/crm/deal/details/4021/?IFRAME=Y&IFRAME_TYPE=SIDE_SLIDER';
    });
    await expectText(byTestId(panel, 'panel-client-name'), VECTOR.name);
    await expectText(byTestId(panel, 'stage-crm'), VECTOR.crmStage);
  });
});
