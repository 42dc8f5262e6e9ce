import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every saved page under tests/fixtures/pages, with the URL it was saved from and its kind.
 * registry.test.ts fails when a file on disk is missing here, so nothing rots unused.
 */
export const PAGES_DIR = join(__dirname, '../../fixtures/pages');

export interface FixturePage {
  adapter: string;
  /** Path under tests/fixtures/pages. */
  file: string;
  url: string;
  card: boolean;
}

export const FIXTURE_PAGES: readonly FixturePage[] = [
  { adapter: 'amocrm', file: 'amocrm/2025-11-lead-card.html', url: 'https://acme.amocrm.ru/leads/detail/18230417', card: true },
  { adapter: 'amocrm', file: 'amocrm/2025-11-lead-card-empty.html', url: 'https://acme.amocrm.ru/leads/detail/18230422', card: true },
  { adapter: 'amocrm', file: 'amocrm/2025-11-lead-card-unusual-stage.html', url: 'https://acme.amocrm.ru/leads/detail/18230455', card: true },
  { adapter: 'amocrm', file: 'amocrm/2025-11-kommo-lead-card-en.html', url: 'https://globex.kommo.com/leads/detail/5522019', card: true },
  { adapter: 'amocrm', file: 'amocrm/2025-11-leads-pipeline.html', url: 'https://acme.amocrm.ru/leads/pipeline/4521/', card: false },
  { adapter: 'bitrix24', file: 'bitrix24/2026-12-01-deal-card-ru.html', url: 'https://vector.bitrix24.ru/crm/deal/details/4021/', card: true },
  { adapter: 'bitrix24', file: 'bitrix24/2026-12-01-deal-card-en.html', url: 'https://globex.bitrix24.com/crm/deal/details/88/', card: true },
  { adapter: 'bitrix24', file: 'bitrix24/2026-12-01-lead-card.html', url: 'https://crm.vector-group.ru/crm/lead/details/310/', card: true },
  { adapter: 'bitrix24', file: 'bitrix24/2026-12-01-contact-card.html', url: 'https://minsk.bitrix24.by/crm/contact/details/301/', card: true },
  { adapter: 'bitrix24', file: 'bitrix24/2026-12-01-company-card-ua.html', url: 'https://kyiv.bitrix24.ua/crm/company/details/77/', card: true },
  { adapter: 'bitrix24', file: 'bitrix24/2026-12-01-deal-card-slider.html', url: 'https://vector.bitrix24.ru/crm/deal/details/4022/?IFRAME=Y&IFRAME_TYPE=SIDE_SLIDER', card: true },
  { adapter: 'bitrix24', file: 'bitrix24/2026-12-01-deal-list.html', url: 'https://vector.bitrix24.ru/crm/deal/list/', card: false },
  { adapter: 'hubspot', file: 'hubspot/2026-12-02-deal-record.html', url: 'https://app.hubspot.com/contacts/24681357/record/0-3/9182736450', card: true },
  { adapter: 'hubspot', file: 'hubspot/2026-12-02-contact-record.html', url: 'https://app.hubspot.com/contacts/24681357/record/0-1/751', card: true },
  { adapter: 'hubspot', file: 'hubspot/2026-12-02-company-record.html', url: 'https://app-eu1.hubspot.com/contacts/139204/record/0-2/3320', card: true },
  { adapter: 'hubspot', file: 'hubspot/2026-12-02-deals-board.html', url: 'https://app.hubspot.com/contacts/24681357/objects/0-3/views/all/board', card: false },
  { adapter: 'pipedrive', file: 'pipedrive/2026-12-02-deal.html', url: 'https://globex.pipedrive.com/deal/1842', card: true },
  { adapter: 'pipedrive', file: 'pipedrive/2026-12-02-person.html', url: 'https://globex.pipedrive.com/person/311', card: true },
  { adapter: 'pipedrive', file: 'pipedrive/2026-12-02-organization.html', url: 'https://globex.pipedrive.com/organization/57', card: true },
  { adapter: 'pipedrive', file: 'pipedrive/2026-12-02-pipeline.html', url: 'https://globex.pipedrive.com/pipeline/1/user/everyone', card: false },
  { adapter: 'salesforce', file: 'salesforce/2026-12-02-opportunity.html', url: 'https://globex.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view', card: true },
  { adapter: 'salesforce', file: 'salesforce/2026-12-02-lead-native-shadow-de.html', url: 'https://globex.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view', card: true },
  { adapter: 'salesforce', file: 'salesforce/2026-12-02-account.html', url: 'https://globex.lightning.force.com/lightning/r/Account/0015g00000QrStUAAZ/view', card: true },
  { adapter: 'salesforce', file: 'salesforce/2026-12-02-contact-ru.html', url: 'https://globex.lightning.force.com/lightning/r/Contact/0035g00000LmNoPAAV/view', card: true },
  { adapter: 'salesforce', file: 'salesforce/2026-12-02-opportunity-list.html', url: 'https://globex.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent', card: false },
  { adapter: 'zoho', file: 'zoho/2026-12-02-deal.html', url: 'https://crm.zoho.com/crm/org699416994/tab/Potentials/5293322000003516055', card: true },
  { adapter: 'zoho', file: 'zoho/2026-12-02-lead-ru.html', url: 'https://crm.zoho.eu/crm/org20071234/tab/Leads/411856000000402011', card: true },
  { adapter: 'zoho', file: 'zoho/2026-12-02-contact-de.html', url: 'https://crm.zoho.eu/crm/org20071234/tab/Contacts/411856000000402013', card: true },
  { adapter: 'zoho', file: 'zoho/2026-12-02-deals-list.html', url: 'https://crm.zoho.com/crm/org699416994/tab/Potentials/custom-view/5293322000000087501/list', card: false },
  { adapter: 'generic', file: 'generic/2025-11-labelled-form.html', url: 'https://crm.example.test/deals/7731', card: true },
  { adapter: 'generic', file: 'generic/2025-11-label-rows.html', url: 'https://tiny.example.test/opportunity?id=88', card: true },
];

export function fixtureFilesOnDisk(): string[] {
  // Webmail pages (pages/mail/) are read by the mail adapters' own tests, not by a CRM adapter.
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (dir === PAGES_DIR && e.name === 'mail' ? [] : walk(join(dir, e.name))) : [relative(PAGES_DIR, join(dir, e.name))],
    );
  return walk(PAGES_DIR).sort();
}

/**
 * Declarative shadow roots (`<template shadowrootmode>`) attached to their hosts, as Chromium
 * does while parsing a page; DOMParser leaves them as templates. Fixtures of LWC pages in
 * native shadow (Salesforce) use them for the roots LWC attaches at run time.
 */
function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of Array.from(root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]'))) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open' });
    shadow.append(template.content);
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

/** The fixture parsed as a document of its own (happy-dom's DOMParser), shadow roots attached. */
export function loadFixture(file: string): Document {
  const html = readFileSync(join(PAGES_DIR, file), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  attachDeclarativeShadowRoots(doc);
  return doc;
}

export function fixture(file: string): FixturePage & { doc: Document; u: URL } {
  const page = FIXTURE_PAGES.find((p) => p.file === file);
  if (!page) throw new Error(`not in FIXTURE_PAGES: ${file}`);
  return { ...page, doc: loadFixture(file), u: new URL(page.url) };
}
