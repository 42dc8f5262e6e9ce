import type { FrameLocator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { panelIn, panelScreenshots, serveFixtures } from './support/fixture-host';
import { expectText, waitFor } from './support/wait';

/**
 * HubSpot, Pipedrive, Salesforce and Zoho cards, served under the vendors' real host names.
 * The Salesforce lead renders in native shadow roots (declarative ones, which Chromium attaches
 * while parsing), so the panel shows what only a read through shadow roots finds.
 */
let browser: ExtensionBrowser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const byTestId = (panel: FrameLocator, id: string) => panel.locator(`[data-testid="${id}"]`);

/** The CRM's stage as the panel names it: mapped to a playbook stage, or shown as unmapped. */
async function stageShown(panel: FrameLocator): Promise<string> {
  for (const id of ['stage-crm', 'stage-unmapped']) {
    const el = byTestId(panel, id);
    if ((await el.count()) > 0) return (await el.first().textContent()) ?? '';
  }
  return '';
}

const CASES = [
  {
    crm: 'hubspot',
    origin: 'https://app.hubspot.com',
    path: '/contacts/24681357/record/0-3/9182736450',
    file: 'hubspot/2026-12-02-deal-record.html',
    name: 'Globex fleet renewal',
    stage: 'Contract sent',
  },
  {
    crm: 'pipedrive',
    origin: 'https://globex.pipedrive.com',
    path: '/deal/1842',
    file: 'pipedrive/2026-12-02-deal.html',
    name: 'Globex fleet renewal',
    stage: 'Proposal made',
  },
  {
    crm: 'salesforce',
    origin: 'https://globex.lightning.force.com',
    path: '/lightning/r/Lead/00Q5g00000AbCdEEAV/view',
    file: 'salesforce/2026-12-02-lead-native-shadow-de.html',
    name: 'Dana Whitfield',
    stage: 'Working - Contacted',
  },
  {
    crm: 'zoho',
    origin: 'https://crm.zoho.com',
    path: '/crm/org699416994/tab/Potentials/5293322000003516055',
    file: 'zoho/2026-12-02-deal.html',
    name: 'Globex fleet renewal',
    stage: 'Proposal/Price Quote',
  },
] as const;

describe.each(CASES)('the panel beside a $crm card', (site) => {
  it('shows the client and the stage', async () => {
    browser = await launchExtensionBrowser();
    await serveFixtures(browser.context, site.origin, (url) => (url.pathname === site.path ? site.file : null));
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}${site.path}`);
    const panel = panelIn(page);
    await expectText(byTestId(panel, 'panel-client-name'), site.name);
    await waitFor(async () => (await stageShown(panel)).includes(site.stage));
    expect(await stageShown(panel)).toContain(site.stage);
    await panelScreenshots(page, `${site.crm}-deal`);
  });
});
