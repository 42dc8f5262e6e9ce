/**
 * What a page-world helper will hand over from Bitrix24's own JavaScript: the open card's
 * BX.Crm.EntityEditor model data (editor.getModel(), raw data in _model._data), projected to
 * the keys the card shows. The helper itself is not wired yet; this is the isolated side's
 * check of its payload. It comes from the page, which we do not trust, so every key, type and
 * size is checked, and anything unexpected (a signed user-field token, another record's data)
 * rejects the whole payload: the DOM reader then stands alone.
 *
 * Model keys (crm.deal.details prepareFieldInfos / entity data, vendor mirror read
 * 2026-12-01): TITLE, STAGE_ID (deals), STATUS_ID (leads), CATEGORY_ID (the deal pipeline),
 * OPPORTUNITY, CURRENCY_ID, FORMATTED_OPPORTUNITY_WITH_CURRENCY, ASSIGNED_BY_ID,
 * ASSIGNED_BY_FORMATTED_NAME, COMPANY_TITLE, NAME/LAST_NAME/FORMATTED_NAME (people), PHONE and
 * EMAIL as lists of {VALUE, VALUE_TYPE}, CLIENT_INFO {COMPANY_DATA, CONTACT_DATA} with each
 * party's title and multi-fields, and user fields UF_CRM_* as {VALUE, IS_EMPTY}. The inner
 * shapes of CLIENT_INFO and of user fields are [G] until checked on a live portal.
 *
 * A hand-written check, not zod, for the same reason as amoCRM's page-data.ts: the content
 * script's size budget. The ClientContext built from it is parsed again with zod by the
 * background.
 */

/** CCrmOwnerType ids of the cards we read. */
export const BX_ENTITY_TYPE_ID = { lead: 1, deal: 2, contact: 3, company: 4 } as const;

export type BxScalar = string;

export interface BxMultiValue {
  value: string;
  /** WORK, MOBILE, HOME, … as the model says; null when absent. */
  valueType: string | null;
}

export interface BxParty {
  id: string | null;
  title: string;
  phones: string[];
  emails: string[];
}

export interface BxUserField {
  /** One value, or several for a multiple field; numbers and flags as text. */
  value: string | string[];
  isEmpty: boolean;
}

export interface BitrixPageData {
  v: 1;
  entityTypeId: number;
  entityId: string;
  /** UI language (BX.message LANGUAGE_ID), e.g. 'ru'. */
  lang: string | null;
  /** Plain model fields by name (allow-listed keys only). */
  fields: Record<string, BxScalar>;
  phones: BxMultiValue[];
  emails: BxMultiValue[];
  company: BxParty | null;
  contacts: BxParty[];
  userFields: Record<string, BxUserField>;
  /** The stage bar's steps (id → name), when the helper reads them from the progress control. */
  stages: { id: string; name: string }[];
  /** Field titles from the editor's scheme, by field name. */
  titles: Record<string, string>;
}

/** Plain model keys the card shows; nothing else leaves the page. */
export const BX_PLAIN_KEYS = [
  'TITLE', 'STAGE_ID', 'STATUS_ID', 'CATEGORY_ID', 'OPPORTUNITY', 'CURRENCY_ID',
  'FORMATTED_OPPORTUNITY', 'FORMATTED_OPPORTUNITY_WITH_CURRENCY', 'ASSIGNED_BY_ID',
  'ASSIGNED_BY_FORMATTED_NAME', 'COMPANY_TITLE', 'NAME', 'LAST_NAME', 'SECOND_NAME', 'FORMATTED_NAME',
  'SOURCE_ID', 'TYPE_ID', 'CLOSEDATE', 'BEGINDATE', 'PROBABILITY', 'COMMENTS',
] as const;
const USER_FIELD = /^UF_CRM_[A-Z0-9_]{1,80}$/;
const FIELD_NAME = /^[A-Z][A-Z0-9_]{0,99}$/;
const STAGE_ID = /^[A-Za-z0-9_:-]{1,100}$/;

class Invalid extends Error {}
const fail = (): never => {
  throw new Invalid();
};

const MAX_TEXT = 4000;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Only these keys may be present (a projection, never the raw object). */
function only(o: Record<string, unknown>, allowed: readonly string[]): Record<string, unknown> {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) fail();
  return o;
}

function text(v: unknown, max = MAX_TEXT): string {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.length <= max ? v : fail();
}
function id(v: unknown): string {
  const t = typeof v === 'number' && Number.isInteger(v) && v > 0 ? String(v) : v;
  return typeof t === 'string' && /^\d{1,20}$/.test(t) && !/^0+$/.test(t) ? t : fail();
}
function list<T>(v: unknown, max: number, check: (item: unknown) => T): T[] {
  return Array.isArray(v) && v.length <= max ? v.map((item) => check(item)) : fail();
}
function optional<T>(v: unknown, check: (v: unknown) => T, otherwise: T): T {
  return v === undefined || v === null ? otherwise : check(v);
}

const multiValue = (v: unknown): BxMultiValue => {
  if (!isRecord(v)) return fail();
  const o = only(v, ['ID', 'VALUE', 'VALUE_TYPE']);
  if (o.ID !== undefined) id(o.ID);
  return { value: text(o.VALUE, 500), valueType: optional(o.VALUE_TYPE, (t) => text(t, 40), null) };
};

const party = (v: unknown): BxParty => {
  if (!isRecord(v)) return fail();
  const o = only(v, ['id', 'title', 'advancedInfo']);
  const phones: string[] = [];
  const emails: string[] = [];
  if (o.advancedInfo !== undefined) {
    const info = isRecord(o.advancedInfo) ? only(o.advancedInfo, ['multiFields']) : fail();
    for (const mf of list(info.multiFields ?? [], 100, (x) => (isRecord(x) ? only(x, ['ID', 'TYPE_ID', 'VALUE', 'VALUE_TYPE']) : fail()))) {
      const value = text(mf.VALUE, 500);
      if (mf.TYPE_ID === 'PHONE') phones.push(value);
      else if (mf.TYPE_ID === 'EMAIL') emails.push(value);
      else text(mf.TYPE_ID, 40);
    }
  }
  return { id: optional(o.id, id, null), title: text(o.title, 1000), phones, emails };
};

const userFieldValue = (v: unknown): string | string[] => {
  if (typeof v === 'boolean') return v ? '1' : '';
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return list(v, 200, (x) => (typeof x === 'boolean' ? (x ? '1' : '') : text(x, 2000)));
  return text(v, MAX_TEXT);
};

const userField = (v: unknown): BxUserField => {
  if (!isRecord(v)) return fail();
  const o = only(v, ['VALUE', 'IS_EMPTY']);
  return { value: userFieldValue(o.VALUE), isEmpty: o.IS_EMPTY === true };
};

function bitrixPageData(v: unknown): BitrixPageData {
  if (!isRecord(v)) return fail();
  const o = only(v, ['v', 'entityTypeId', 'entityId', 'lang', 'model', 'stages', 'titles']);
  const entityTypeId = o.entityTypeId;
  if (o.v !== 1) fail();
  if (!Object.values(BX_ENTITY_TYPE_ID).includes(entityTypeId as 1)) fail();
  const model = isRecord(o.model) ? o.model : fail();
  const keys = Object.keys(model);
  if (keys.length > 2000) fail();

  const data: BitrixPageData = {
    v: 1,
    entityTypeId: entityTypeId as number,
    entityId: id(o.entityId),
    lang: optional(o.lang, (l) => (typeof l === 'string' && /^[a-z]{2}(?:[-_][a-z]{2})?$/i.test(l) ? l : fail()), null),
    fields: {},
    phones: [],
    emails: [],
    company: null,
    contacts: [],
    userFields: {},
    stages: optional(o.stages, (s) => list(s, 200, (x) => {
      if (!isRecord(x)) return fail();
      const st = only(x, ['id', 'name']);
      const sid = text(st.id, 100);
      return STAGE_ID.test(sid) ? { id: sid, name: text(st.name, 500) } : fail();
    }), []),
    titles: {},
  };
  if (o.titles !== undefined) {
    const titles = isRecord(o.titles) ? o.titles : fail();
    if (Object.keys(titles).length > 2000) fail();
    for (const [k, t] of Object.entries(titles)) data.titles[FIELD_NAME.test(k) ? k : fail()] = text(t, 500);
  }
  for (const key of keys) {
    const value = model[key];
    if ((BX_PLAIN_KEYS as readonly string[]).includes(key)) {
      if (value !== null && value !== undefined) data.fields[key] = text(value);
    } else if (key === 'PHONE') data.phones = optional(value, (x) => list(x, 100, multiValue), []);
    else if (key === 'EMAIL') data.emails = optional(value, (x) => list(x, 100, multiValue), []);
    else if (key === 'CLIENT_INFO') {
      const info = isRecord(value) ? only(value, ['COMPANY_DATA', 'CONTACT_DATA']) : fail();
      data.company = optional(info.COMPANY_DATA, (x) => list(x, 100, party), [])[0] ?? null;
      data.contacts = optional(info.CONTACT_DATA, (x) => list(x, 100, party), []);
    } else if (USER_FIELD.test(key)) data.userFields[key] = userField(value);
    else fail();
  }
  for (const k of ['STAGE_ID', 'STATUS_ID'] as const) {
    const s = data.fields[k];
    if (s !== undefined && s !== '' && !STAGE_ID.test(s)) fail();
  }
  return data;
}

/** The hand-over, or null when the payload is not one (wrong shape, extra keys, too large). */
export function parseBitrixPageData(payload: unknown): BitrixPageData | null {
  try {
    return bitrixPageData(payload);
  } catch (error) {
    if (error instanceof Invalid || error instanceof RangeError) return null;
    throw error;
  }
}
