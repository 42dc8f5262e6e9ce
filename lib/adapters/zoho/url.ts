/**
 * Zoho CRM URL detection (sources and dates: SOURCES.md). Each data centre has its own host:
 * crm.zoho.com, .eu, .in, .com.au, .jp, .uk, .sa, .com.cn and crm.zohocloud.ca. A record is
 * /crm/org<orgId>/tab/<Module>/<recordId> (the org segment is absent on some accounts), where
 * the module is its API name in every UI language: Potentials are Deals. Lists and kanban
 * views (/tab/<Module>/custom-view/…), create and edit forms are not cards.
 */
import type { TableCardRef } from '../table-card';

const ZONES = ['zoho.com', 'zoho.eu', 'zoho.in', 'zoho.com.au', 'zoho.jp', 'zoho.uk', 'zoho.sa', 'zoho.com.cn', 'zohocloud.ca'] as const;

export const ZOHO_HOST_PATTERNS: readonly string[] = ZONES.map((zone) => `https://crm.${zone}/*`);

const HOSTS: ReadonlySet<string> = new Set(ZONES.map((zone) => `crm.${zone}`));
const RECORD_PATH = /^\/crm\/(?:org\d{1,20}\/)?tab\/(Potentials|Leads|Contacts|Accounts)\/(\d{1,25})\/?$/;
const ENTITY_BY_MODULE: Record<string, TableCardRef['entity']> = { Potentials: 'deal', Leads: 'lead', Contacts: 'contact', Accounts: 'company' };

export function isZohoHost(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname);
}

export function parseZohoCardUrl(url: URL): TableCardRef | null {
  if (!isZohoHost(url)) return null;
  const m = RECORD_PATH.exec(url.pathname);
  const entity = m?.[1] ? ENTITY_BY_MODULE[m[1]] : undefined;
  if (!m?.[2] || !entity || /^0+$/.test(m[2])) return null;
  return { entity, id: m[2] };
}

/** Example URLs by page kind; the registry test checks both ways. */
export const ZOHO_EXAMPLES: { url: string; card: boolean }[] = [
  { url: 'https://crm.zoho.com/crm/org699416994/tab/Potentials/5293322000003516055', card: true },
  { url: 'https://crm.zoho.eu/crm/org20071234/tab/Leads/411856000000402011', card: true },
  { url: 'https://crm.zoho.in/crm/tab/Contacts/5293322000000871013', card: true },
  { url: 'https://crm.zoho.com.au/crm/org7001234/tab/Accounts/87110000000281003/', card: true },
  { url: 'https://crm.zohocloud.ca/crm/org110004/tab/Potentials/44100000000101', card: true },
  { url: 'https://crm.zoho.com/crm/org699416994/tab/Potentials/custom-view/5293322000000087501/list', card: false },
  { url: 'https://crm.zoho.com/crm/org699416994/tab/Potentials/custom-view/5293322000000087501/kanban', card: false },
  { url: 'https://crm.zoho.com/crm/org699416994/tab/Leads/create', card: false },
  { url: 'https://crm.zoho.com/crm/org699416994/tab/Potentials/5293322000003516055/edit', card: false },
  { url: 'https://crm.zoho.com/crm/org699416994/tab/Home/begin', card: false },
];
