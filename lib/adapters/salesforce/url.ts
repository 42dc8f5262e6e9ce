/**
 * Salesforce Lightning URL detection (sources and dates: SOURCES.md). Lightning Experience
 * runs on <My Domain>.lightning.force.com (sandboxes and developer orgs add their own labels
 * before `.lightning.force.com`). Record pages are /lightning/r/<Object>/<Id>/view, or
 * /lightning/r/<Id>/view without the object, where the id's 3-character key prefix names it;
 * list views and object homes are /lightning/o/<Object>/…, not cards.
 */
import type { TableCardRef } from '../table-card';

export const SALESFORCE_HOST_PATTERNS = ['https://*.lightning.force.com/*'] as const;

const HOST = /^[a-z0-9](?:[a-z0-9-]{0,80}[a-z0-9])?(?:\.[a-z0-9-]{1,63})*\.lightning\.force\.com$/;
const RECORD_PATH = /^\/lightning\/r\/(?:([A-Za-z][A-Za-z0-9_]{0,79})\/)?([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/view\/?$/;

/** The four sales objects, by API name and by their ids' key prefix. */
const ENTITY_BY_OBJECT: Record<string, TableCardRef['entity']> = { Opportunity: 'deal', Lead: 'lead', Account: 'company', Contact: 'contact' };
const OBJECT_BY_PREFIX: Record<string, string> = { '006': 'Opportunity', '00Q': 'Lead', '001': 'Account', '003': 'Contact' };

export function isSalesforceHost(url: URL): boolean {
  return url.protocol === 'https:' && HOST.test(url.hostname);
}

export function parseSalesforceCardUrl(url: URL): TableCardRef | null {
  if (!isSalesforceHost(url)) return null;
  const m = RECORD_PATH.exec(url.pathname);
  const id = m?.[2];
  if (!m || !id) return null;
  const object = m[1] ?? OBJECT_BY_PREFIX[id.slice(0, 3)];
  const entity = object && Object.hasOwn(ENTITY_BY_OBJECT, object) ? ENTITY_BY_OBJECT[object] : undefined;
  // An id of another object under a sales object's name is no record of it.
  if (!entity || OBJECT_BY_PREFIX[id.slice(0, 3)] !== object) return null;
  return { entity, id };
}

/** Example URLs by page kind; the registry test checks both ways. */
export const SALESFORCE_EXAMPLES: { url: string; card: boolean }[] = [
  { url: 'https://globex.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view', card: true },
  { url: 'https://globex.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view', card: true },
  { url: 'https://globex.lightning.force.com/lightning/r/Account/0015g00000QrStUAAZ/view', card: true },
  { url: 'https://globex.lightning.force.com/lightning/r/Contact/0035g00000LmNoPAAV/view', card: true },
  { url: 'https://globex--uat.sandbox.lightning.force.com/lightning/r/0065g00000XyZ12/view', card: true },
  { url: 'https://globex.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent', card: false },
  { url: 'https://globex.lightning.force.com/lightning/o/Lead/home', card: false },
  { url: 'https://globex.lightning.force.com/lightning/page/home', card: false },
  // A case is not a sales card; an account's id under the opportunity's name is no opportunity.
  { url: 'https://globex.lightning.force.com/lightning/r/Case/5005g00000AbCdEAAV/view', card: false },
  { url: 'https://globex.lightning.force.com/lightning/r/Opportunity/0015g00000QrStUAAZ/view', card: false },
];
