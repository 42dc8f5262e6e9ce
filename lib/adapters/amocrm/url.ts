/**
 * amoCRM/Kommo URL detection. Cards live at /<entities>/detail/<id> on the account's
 * subdomain (bundle templates use href="/leads/detail/{id}", seen 2025-11); contacts and
 * companies follow the same pattern (by analogy with the lead card's URL). Lists, pipelines and
 * settings are not cards.
 */
export type AmoEntity = 'lead' | 'contact' | 'company';

export interface AmoCardRef {
  entity: AmoEntity;
  id: string;
}

/** Match patterns of amoCRM's and Kommo's account hosts (the manifest's, via the adapter). */
export const AMOCRM_HOST_PATTERNS = ['*://*.amocrm.ru/*', '*://*.amocrm.com/*', '*://*.kommo.com/*'] as const;

const AMO_HOST = /^[a-z0-9-]+\.(amocrm\.ru|amocrm\.com|kommo\.com)$/i;

const CARD_PATH = /^\/(leads|contacts|companies)\/detail\/(\d+)\/?$/;

const ENTITY_BY_SEGMENT: Record<string, AmoEntity> = {
  leads: 'lead',
  contacts: 'contact',
  companies: 'company',
};

/** amoCRM element_type numbers (1 contact, 2 lead, 3 company). */
export const ELEMENT_TYPE_BY_ENTITY: Record<AmoEntity, number> = { contact: 1, lead: 2, company: 3 };

export function isAmoHost(url: URL): boolean {
  return (url.protocol === 'https:' || url.protocol === 'http:') && AMO_HOST.test(url.hostname);
}

/** The card this URL shows, or null for lists, settings and foreign hosts. */
export function parseAmoCardUrl(url: URL): AmoCardRef | null {
  if (!isAmoHost(url)) return null;
  const m = CARD_PATH.exec(url.pathname);
  const entity = m?.[1] ? ENTITY_BY_SEGMENT[m[1]] : undefined;
  if (!m?.[2] || !entity || m[2] === '0') return null;
  return { entity, id: m[2] };
}

/** Example URLs by page kind; the registry test checks both ways. */
export const AMOCRM_EXAMPLES: { url: string; card: boolean }[] = [
  { url: 'https://acme.amocrm.ru/leads/detail/18230417', card: true },
  { url: 'https://acme.amocrm.ru/leads/detail/18230417/', card: true },
  { url: 'https://acme.amocrm.com/leads/detail/77', card: true },
  { url: 'https://globex.kommo.com/leads/detail/5522019', card: true },
  { url: 'https://acme.amocrm.ru/contacts/detail/301', card: true },
  { url: 'https://acme.amocrm.ru/companies/detail/900', card: true },
  { url: 'https://acme.amocrm.ru/leads/pipeline/4521/', card: false },
  { url: 'https://acme.amocrm.ru/leads/list/', card: false },
  { url: 'https://acme.amocrm.ru/contacts/list/contacts/', card: false },
  { url: 'https://acme.amocrm.ru/dashboard/', card: false },
  { url: 'https://globex.kommo.com/settings/pipeline/leads/', card: false },
];
