/**
 * What the MAIN-world bridge hands over from amoCRM's own JavaScript (APP / AMOCRM):
 * a plain JSON snapshot of the open card, nothing the card does not show. It arrives
 * from the page, which we do not trust, so the isolated side checks it before use.
 * Source of the shapes: amoCRM's web SDK docs (environment variables) and its front-end bundle, read 2025-11 (APP.data.current_card, APP.constant('account')).
 *
 * Why a hand-written check and not zod, as everywhere else: this file ships in the content
 * script, and zod's core alone is ~10 KB gzip — two thirds of the page's whole budget.
 * The check is strict (every field, type and size limit) and tested with malformed
 * payloads; the ClientContext built from it is parsed again with zod by the background.
 */

/** A model attribute as the form holds it: text, or a list for multiselects. */
export type AttributeValue = string | string[];

export interface CustomFieldDef {
  name: string;
  /** amoCRM field type as a word ('text', 'select', …) or null when unknown. */
  type: string | null;
  /** Enum id → option text, for select / multiselect / radio. */
  enums: Record<string, string>;
}

export interface PipelineDef {
  id: string;
  name: string;
  statuses: { id: string; name: string }[];
}

export interface LinkedEntity {
  entity: 'contact' | 'company';
  id: string | null;
  name: string;
  phones: string[];
  emails: string[];
}

export interface AmoPageData {
  v: 1;
  cardId: string;
  /** amoCRM element_type: 1 contact, 2 lead, 3 company, 12 customer. */
  elementType: number;
  /** UI language (APP.lang_id), e.g. 'ru' or 'en'. */
  lang: string | null;
  /** Allow-listed model attributes: lead[NAME], lead[STATUS], lead[PIPELINE_ID], lead[PRICE], CFV[id]. */
  attributes: Record<string, AttributeValue>;
  mainUserId: string | null;
  /** Definitions of the custom fields present on this card, by field id. */
  customFields: Record<string, CustomFieldDef>;
  /** User id → name (only the users this card names). */
  users: Record<string, string>;
  /** The card's pipeline with its stages, when the page exposes it. */
  pipelines: PipelineDef[];
  /** Linked contacts and companies; absent when the page does not expose them. */
  linked?: LinkedEntity[];
}

// ── the check: each guard returns the value when it has the shape, else throws Invalid ──

class Invalid extends Error {}
const fail = (): never => {
  throw new Invalid();
};

const MAX_TEXT = 2000;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown, max = MAX_TEXT): string {
  return typeof v === 'string' && v.length <= max ? v : fail();
}
function id(v: unknown): string {
  return typeof v === 'string' && /^\d{1,20}$/.test(v) ? v : fail();
}
function nullable<T>(check: (v: unknown) => T): (v: unknown) => T | null {
  return (v) => (v === null ? null : check(v));
}
function list<T>(check: (v: unknown) => T, max: number): (v: unknown) => T[] {
  return (v) => (Array.isArray(v) && v.length <= max ? v.map((item) => check(item)) : fail());
}
function record<T>(key: (k: string) => string, check: (v: unknown) => T, max = 2000): (v: unknown) => Record<string, T> {
  return (v) => {
    if (!isRecord(v)) return fail();
    const entries = Object.entries(v);
    if (entries.length > max) return fail();
    const out: Record<string, T> = {};
    for (const [k, value] of entries) out[key(k)] = check(value);
    return out;
  };
}
function object<T>(v: unknown, build: (o: Record<string, unknown>) => T): T {
  return isRecord(v) ? build(v) : fail();
}

const attributeValue = (v: unknown): AttributeValue => (Array.isArray(v) ? list(text, 200)(v) : text(v));

const customFieldDef = (v: unknown): CustomFieldDef =>
  object(v, (o) => ({ name: text(o.name), type: nullable((t) => text(t, 40))(o.type), enums: record(id, text)(o.enums) }));

const pipelineDef = (v: unknown): PipelineDef =>
  object(v, (o) => ({
    id: id(o.id),
    name: text(o.name),
    statuses: list((s) => object(s, (so) => ({ id: id(so.id), name: text(so.name) })), 200)(o.statuses),
  }));

const linkedEntity = (v: unknown): LinkedEntity =>
  object(v, (o) => ({
    entity: o.entity === 'contact' || o.entity === 'company' ? o.entity : fail(),
    id: nullable(id)(o.id),
    name: text(o.name),
    phones: list(text, 50)(o.phones),
    emails: list(text, 50)(o.emails),
  }));

function amoPageData(v: unknown): AmoPageData {
  return object(v, (o) => {
    const elementType = o.elementType;
    const data: AmoPageData = {
      v: o.v === 1 ? 1 : fail(),
      cardId: id(o.cardId),
      elementType: Number.isInteger(elementType) && (elementType as number) > 0 ? (elementType as number) : fail(),
      lang: nullable((l) => text(l, 10))(o.lang),
      attributes: record((k) => text(k, 80), attributeValue)(o.attributes),
      mainUserId: nullable(id)(o.mainUserId),
      customFields: record(id, customFieldDef)(o.customFields),
      users: record(id, text)(o.users),
      pipelines: list(pipelineDef, 100)(o.pipelines),
    };
    if (o.linked !== undefined) data.linked = list(linkedEntity, 100)(o.linked);
    return data;
  });
}

/** The snapshot, or null when the payload is not one (wrong shape, foreign source, too large). */
export function parseAmoPageData(payload: unknown): AmoPageData | null {
  try {
    return amoPageData(payload);
  } catch (error) {
    if (error instanceof Invalid || error instanceof RangeError) return null;
    throw error;
  }
}

/** Custom-field id from a model key 'CFV[123]'. */
export function cfIdOfAttribute(key: string): string | null {
  return /^CFV\[(\d+)\]$/.exec(key)?.[1] ?? null;
}
