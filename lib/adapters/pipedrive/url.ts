/**
 * Pipedrive URL detection (sources and dates: SOURCES.md). A company's account is
 * <company>.pipedrive.com; cards are /deal/<id>, /person/<id> and /organization/<id>; the
 * pipeline board (/pipeline/…) and the lists (/deals, /persons/list, …) are not cards.
 */
import type { TableCardRef } from '../table-card';

export const PIPEDRIVE_HOST_PATTERNS = ['https://*.pipedrive.com/*'] as const;

// www. is the vendor's own site, not an account.
const HOST = /^(?!www\.)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.pipedrive\.com$/;
const CARD_PATH = /^\/(deal|person|organization)\/(\d{1,20})\/?$/;
const ENTITY_BY_SEGMENT: Record<string, TableCardRef['entity']> = { deal: 'deal', person: 'contact', organization: 'company' };

export function isPipedriveHost(url: URL): boolean {
  return url.protocol === 'https:' && HOST.test(url.hostname);
}

export function parsePipedriveCardUrl(url: URL): TableCardRef | null {
  if (!isPipedriveHost(url)) return null;
  const m = CARD_PATH.exec(url.pathname);
  const entity = m?.[1] ? ENTITY_BY_SEGMENT[m[1]] : undefined;
  if (!m?.[2] || !entity || /^0+$/.test(m[2])) return null;
  return { entity, id: m[2] };
}

/** Example URLs by page kind; the registry test checks both ways. */
export const PIPEDRIVE_EXAMPLES: { url: string; card: boolean }[] = [
  { url: 'https://globex.pipedrive.com/deal/1842', card: true },
  { url: 'https://globex.pipedrive.com/person/311', card: true },
  { url: 'https://globex.pipedrive.com/organization/57', card: true },
  { url: 'https://globex.pipedrive.com/pipeline/1/user/everyone', card: false },
  { url: 'https://globex.pipedrive.com/deals', card: false },
  { url: 'https://globex.pipedrive.com/deal/0', card: false },
];
