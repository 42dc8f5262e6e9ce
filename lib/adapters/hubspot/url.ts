/**
 * HubSpot URL detection (sources and dates: SOURCES.md). Record pages are
 * /contacts/<portalId>/record/<objectTypeId>/<recordId> on app.hubspot.com (EU portals on
 * app-eu1.hubspot.com); object types 0-1 contact, 0-2 company, 0-3 deal. Lists and boards are
 * /contacts/<portalId>/objects/<type>/views/…, not cards.
 */
import type { TableCardRef } from '../table-card';

export const HUBSPOT_HOST_PATTERNS = ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'] as const;

const HOST = /^app(?:-eu1)?\.hubspot\.com$/;
const RECORD_PATH = /^\/contacts\/(\d{1,15})\/record\/(0-[123])\/(\d{1,20})\/?$/;
const ENTITY_BY_TYPE: Record<string, TableCardRef['entity']> = { '0-1': 'contact', '0-2': 'company', '0-3': 'deal' };

export function isHubSpotHost(url: URL): boolean {
  return url.protocol === 'https:' && HOST.test(url.hostname);
}

export function parseHubSpotCardUrl(url: URL): TableCardRef | null {
  if (!isHubSpotHost(url)) return null;
  const m = RECORD_PATH.exec(url.pathname);
  const entity = m?.[2] ? ENTITY_BY_TYPE[m[2]] : undefined;
  if (!m?.[3] || !entity || /^0+$/.test(m[3])) return null;
  return { entity, id: m[3] };
}

/** Example URLs by page kind; the registry test checks both ways. */
export const HUBSPOT_EXAMPLES: { url: string; card: boolean }[] = [
  { url: 'https://app.hubspot.com/contacts/24681357/record/0-3/9182736450', card: true },
  { url: 'https://app-eu1.hubspot.com/contacts/139204/record/0-3/5510/', card: true },
  { url: 'https://app.hubspot.com/contacts/24681357/record/0-1/751', card: true },
  { url: 'https://app.hubspot.com/contacts/24681357/record/0-2/3320', card: true },
  { url: 'https://app.hubspot.com/contacts/24681357/objects/0-3/views/all/board', card: false },
  { url: 'https://app.hubspot.com/contacts/24681357/objects/0-1/views/all/list', card: false },
  // A ticket (0-5) is not a sales card; id 0 is no record.
  { url: 'https://app.hubspot.com/contacts/24681357/record/0-5/12', card: false },
  { url: 'https://app.hubspot.com/contacts/24681357/record/0-3/0', card: false },
];
