import type { BitrixEntity } from './url';

/**
 * The Bitrix24 field table: for each field Sufler knows by name, its PageField key, how to find
 * it (the entity editor's data-cid first, then its label in any UI language we have), where the
 * page's own model keeps it, and what kind of value it holds. The DOM reader, the page-data
 * reader and locateField (the outline) are all derived from this table, so they cannot disagree.
 * Every other editor field is read generically: UF_CRM_* as 'uf:<name>', the rest as
 * 'field:<name>'.
 */
export type BitrixLang = 'ru' | 'en' | 'de' | 'ua';

export type BxValueKind =
  /** The record's title: the title bar above the card first, then the field. */
  | 'title'
  /** Stage: the stage bar (not a PageField; ClientContext.stage). */
  | 'stage'
  /** Sum and currency as shown. */
  | 'money'
  /** An employee (the responsible). */
  | 'user'
  /** The company in a client block. */
  | 'client-company'
  /** The contacts in a client block. */
  | 'client-contacts'
  /** The card's own phone / e-mail multi-fields. */
  | 'phones'
  | 'emails'
  | 'text';

export interface BxFieldSpec {
  /** PageField key (the same words as amoCRM's where the meaning is the same). */
  key: string;
  entities: readonly BitrixEntity[];
  /** data-cid values in the entity editor, most specific first. */
  cids: readonly string[];
  /** Keys in BX.Crm.EntityEditor model data, first non-empty wins. */
  model: readonly string[];
  kind: BxValueKind;
  /** The field's label by UI language: a fallback way to find it, and its label when the page has none. */
  labels: Record<BitrixLang, string>;
}

const ALL: readonly BitrixEntity[] = ['deal', 'lead', 'contact', 'company'];

/**
 * Labels: deal field names from the vendor's ru/en/de/ua language files (crm.deal.details,
 * read 2026-12-01); the company/contact/phone/e-mail words are the CRM's usual ones [G for de/ua].
 * Bitrix24 ships more UI languages (es, pt-br, pl, kz, …); their files are not in the public
 * mirror, so those cards are matched by data-cid only, which does not depend on the language.
 */
export const BX_FIELDS: readonly BxFieldSpec[] = [
  {
    key: 'name',
    entities: ['deal', 'lead', 'company'],
    cids: ['TITLE'],
    model: ['TITLE'],
    kind: 'title',
    labels: { ru: 'Название', en: 'Name', de: 'Name', ua: 'Назва' },
  },
  {
    key: 'name',
    entities: ['contact'],
    cids: ['NAME', 'LAST_NAME'],
    model: ['FORMATTED_NAME', 'NAME'],
    kind: 'title',
    labels: { ru: 'Имя', en: 'Name', de: 'Name', ua: "Ім'я" },
  },
  {
    key: 'stage',
    entities: ['deal'],
    cids: ['STAGE_ID'],
    model: ['STAGE_ID'],
    kind: 'stage',
    labels: { ru: 'Стадия', en: 'Stage', de: 'Phase', ua: 'Стадія' },
  },
  {
    key: 'stage',
    entities: ['lead'],
    cids: ['STATUS_ID'],
    model: ['STATUS_ID'],
    kind: 'stage',
    labels: { ru: 'Стадия', en: 'Stage', de: 'Phase', ua: 'Стадія' },
  },
  {
    key: 'budget',
    entities: ['deal', 'lead'],
    cids: ['OPPORTUNITY_WITH_CURRENCY', 'OPPORTUNITY'],
    model: ['FORMATTED_OPPORTUNITY_WITH_CURRENCY', 'FORMATTED_OPPORTUNITY', 'OPPORTUNITY'],
    kind: 'money',
    labels: { ru: 'Сумма и валюта', en: 'Amount and currency', de: 'Betrag und Währung', ua: 'Сума та валюта' },
  },
  {
    key: 'responsible',
    entities: ALL,
    cids: ['ASSIGNED_BY_ID'],
    model: ['ASSIGNED_BY_FORMATTED_NAME'],
    kind: 'user',
    labels: { ru: 'Ответственный', en: 'Responsible', de: 'Verantwortlich', ua: 'Відповідальний' },
  },
  {
    key: 'company',
    entities: ['deal'],
    cids: ['CLIENT'],
    model: ['CLIENT_INFO'],
    kind: 'client-company',
    labels: { ru: 'Клиент', en: 'Client', de: 'Kunde', ua: 'Клієнт' },
  },
  {
    key: 'company',
    entities: ['contact'],
    cids: ['COMPANY', 'COMPANY_ID'],
    model: ['CLIENT_INFO'],
    kind: 'client-company',
    labels: { ru: 'Компания', en: 'Company', de: 'Unternehmen', ua: 'Компанія' },
  },
  {
    key: 'company',
    entities: ['lead'],
    cids: ['COMPANY_TITLE'],
    model: ['COMPANY_TITLE'],
    kind: 'text',
    labels: { ru: 'Название компании', en: 'Company name', de: 'Unternehmensname', ua: 'Назва компанії' },
  },
  {
    key: 'contacts',
    entities: ['deal'],
    cids: ['CLIENT'],
    model: ['CLIENT_INFO'],
    kind: 'client-contacts',
    labels: { ru: 'Клиент', en: 'Client', de: 'Kunde', ua: 'Клієнт' },
  },
  {
    key: 'contacts',
    entities: ['company'],
    cids: ['CONTACT', 'CONTACT_ID'],
    model: ['CLIENT_INFO'],
    kind: 'client-contacts',
    labels: { ru: 'Контакты', en: 'Contacts', de: 'Kontakte', ua: 'Контакти' },
  },
  {
    key: 'phone',
    entities: ['lead', 'contact', 'company'],
    cids: ['PHONE'],
    model: ['PHONE'],
    kind: 'phones',
    labels: { ru: 'Телефон', en: 'Phone', de: 'Telefon', ua: 'Телефон' },
  },
  {
    key: 'email',
    entities: ['lead', 'contact', 'company'],
    cids: ['EMAIL'],
    model: ['EMAIL'],
    kind: 'emails',
    labels: { ru: 'E-mail', en: 'E-mail', de: 'E-Mail', ua: 'E-mail' },
  },
];

/** Words for the per-contact fields Sufler adds (contact:<n>:name|phone|email). */
export const BX_CONTACT_LABELS: Record<'contact' | 'phone' | 'email' | 'company', Record<BitrixLang, string>> = {
  contact: { ru: 'Контакт', en: 'Contact', de: 'Kontakt', ua: 'Контакт' },
  phone: { ru: 'Телефон', en: 'Phone', de: 'Telefon', ua: 'Телефон' },
  email: { ru: 'E-mail', en: 'E-mail', de: 'E-Mail', ua: 'E-mail' },
  company: { ru: 'Компания', en: 'Company', de: 'Unternehmen', ua: 'Компанія' },
};

/** The table's rows for one entity. */
export function fieldsOf(entity: BitrixEntity): BxFieldSpec[] {
  return BX_FIELDS.filter((f) => f.entities.includes(entity));
}

export function specOf(entity: BitrixEntity, key: string): BxFieldSpec | undefined {
  return BX_FIELDS.find((f) => f.key === key && f.entities.includes(entity));
}

/** Editor fields the table reads itself (or that are no data: the record id); not listed again generically. */
export function tableCids(entity: BitrixEntity): Set<string> {
  const cids = new Set<string>(['ID']);
  for (const f of fieldsOf(entity)) for (const c of f.cids) cids.add(c);
  if (entity === 'contact' || entity === 'lead') for (const c of ['NAME', 'LAST_NAME', 'SECOND_NAME', 'HONORIFIC']) cids.add(c);
  return cids;
}

/** PageField key of an editor field not in the table. */
export function genericKey(cid: string): string {
  return /^UF_CRM_/.test(cid) ? `uf:${cid}` : `field:${cid}`;
}

/** The editor field name of a generic key, or null. */
export function cidOfGenericKey(key: string): string | null {
  const m = /^(?:uf|field):([A-Z][A-Z0-9_]{0,99})$/.exec(key);
  return m?.[1] ?? null;
}

/** The card's UI language: the page's own word first, then the portal's zone. */
export function bitrixLang(declared: string | null | undefined, url: URL): BitrixLang {
  const d = (declared ?? '').toLowerCase();
  if (d.startsWith('ru')) return 'ru';
  if (d.startsWith('ua') || d.startsWith('uk')) return 'ua';
  if (d.startsWith('de')) return 'de';
  if (d.startsWith('en')) return 'en';
  const host = url.hostname.toLowerCase();
  if (/\.bitrix24\.(ru|by|kz|uz)$/.test(host)) return 'ru';
  if (host.endsWith('.bitrix24.ua')) return 'ua';
  if (host.endsWith('.bitrix24.de')) return 'de';
  // A self-hosted install without a declared language: the seeds' teams are Russian-speaking.
  return /\.bitrix24\./.test(host) ? 'en' : d === '' ? 'ru' : 'en';
}
