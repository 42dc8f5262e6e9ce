// Types only: the bridge must stay tiny (no zod in the page); the isolated side validates.
import type { AmoPageData, CustomFieldDef } from './page-data';

/**
 * Runs in the page's MAIN world (amocrm/page-helper.ts): turns amoCRM's own
 * objects (APP, alias AMOCRM, per amoCRM's web SDK docs) into the plain JSON snapshot of the open
 * card. Everything is read defensively — the page's objects are not ours, any getter may
 * throw, shapes differ between builds — and this never throws into the page.
 * Only allow-listed card attributes leave the page: no tokens, no other records.
 */

type Bag = Record<string, unknown>;

/** Attribute keys the card shows to the user; anything else stays in the page. */
const ALLOWED_ATTRIBUTE = /^(?:(?:lead|contact|company)\[(?:NAME|STATUS|PIPELINE_ID|PRICE|MAIN_USER)\]|CFV\[\d+\]|name)$/;

/** amoCRM field type numbers (interface/cards/forms/entity_form, seen 2025-11). */
const CF_TYPE_BY_NUMBER: Record<number, string> = {
  1: 'text', 2: 'numeric', 3: 'checkbox', 4: 'select', 5: 'multiselect', 6: 'date', 7: 'url',
  9: 'textarea', 10: 'radio', 13: 'smart_address', 19: 'date_time', 23: 'monetary',
};

const MAX_TEXT = 2000;

function bag(value: unknown): Bag | null {
  return (typeof value === 'object' || typeof value === 'function') && value !== null ? (value as Bag) : null;
}

function prop(obj: unknown, key: string): unknown {
  const b = bag(obj);
  return b ? b[key] : undefined;
}

function callMethod(obj: unknown, key: string, ...args: unknown[]): unknown {
  const fn = prop(obj, key);
  return typeof fn === 'function' ? (fn as (...a: unknown[]) => unknown).apply(obj, args) : undefined;
}

/** A scalar as text: numbers and strings kept, true → '1', false/null → ''. */
function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value.slice(0, MAX_TEXT);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? '1' : '';
  if (value === null || value === undefined) return '';
  return null;
}

function idText(value: unknown): string | null {
  const text = scalarText(value);
  return text && /^\d+$/.test(text) && text !== '0' ? text : null;
}

/** Entries of an object or an array of records (amoCRM uses both for dictionaries). */
function entriesOf(value: unknown): [string, unknown][] {
  if (Array.isArray(value)) return value.map((v, i) => [String(prop(v, 'id') ?? prop(v, 'ID') ?? i), v]);
  const b = bag(value);
  return b ? Object.entries(b) : [];
}

function attributeValue(value: unknown): string | string[] {
  const text = scalarText(value);
  if (text !== null) return text;
  const list = Array.isArray(value) ? value : Object.values(bag(value) ?? {});
  return list.map(scalarText).filter((t): t is string => t !== null && t !== '').slice(0, 200);
}

function readAttributes(model: unknown): Bag {
  const json = callMethod(model, 'toJSON');
  return bag(json) ?? bag(prop(model, 'attributes')) ?? {};
}

function readEnums(raw: unknown): Record<string, string> {
  const enums: Record<string, string> = {};
  for (const [key, v] of entriesOf(raw)) {
    const id = idText(prop(v, 'id') ?? prop(v, 'ID') ?? key);
    const text = scalarText(prop(v, 'value') ?? prop(v, 'VALUE') ?? v);
    if (id && text !== null) enums[id] = text;
  }
  return enums;
}

function readFieldDef(raw: unknown): (CustomFieldDef & { code: string | null }) | null {
  const name = scalarText(prop(raw, 'name') ?? prop(raw, 'NAME'));
  if (!name) return null;
  const rawType = prop(raw, 'type') ?? prop(raw, 'TYPE') ?? prop(raw, 'type_id') ?? prop(raw, 'TYPE_ID');
  const typeNumber = Number(rawType);
  const type = typeof rawType === 'string' && !/^\d+$/.test(rawType)
    ? rawType.slice(0, 40)
    : (CF_TYPE_BY_NUMBER[typeNumber] ?? null);
  const code = scalarText(prop(raw, 'code') ?? prop(raw, 'CODE')) || null;
  return { name, type, enums: readEnums(prop(raw, 'enums') ?? prop(raw, 'ENUMS')), code };
}

/** String leaves of a nested value (phones come as CFV[id][n][VALUE] or nested objects). */
function leaves(value: unknown, depth = 0): string[] {
  const text = scalarText(value);
  if (text !== null) return text ? [text] : [];
  if (depth > 3) return [];
  // { VALUE, DESCRIPTION: 'WORK' }: only the value is a phone or an address.
  const own = prop(value, 'VALUE') ?? prop(value, 'value');
  if (own !== undefined) return leaves(own, depth + 1);
  return entriesOf(value).flatMap(([, v]) => leaves(v, depth + 1));
}

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+$/;
const LOOKS_LIKE_PHONE = /^\+?[\d\s()-]{6,}$/;

function readLinked(card: unknown, codes: Map<string, string>): AmoPageData['linked'] {
  const models = prop(prop(prop(card, 'linked_forms'), 'form_models'), 'models');
  if (!Array.isArray(models)) return undefined;
  const linked: NonNullable<AmoPageData['linked']> = [];
  for (const model of models.slice(0, 100)) {
    const urlRaw = prop(model, 'url');
    const url = scalarText(typeof urlRaw === 'function' ? callMethod(model, 'url') : urlRaw) ?? '';
    const attrs = readAttributes(model);
    const name = scalarText(attrs['contact[NAME]'] ?? attrs['company[NAME]'] ?? attrs['NAME'] ?? attrs['name']) ?? '';
    const id = idText(attrs['ID'] ?? prop(model, 'id'));
    if (!id && !name) continue; // the empty "add" form
    const phones: string[] = [];
    const emails: string[] = [];
    for (const [key, value] of Object.entries(attrs)) {
      const cfId = /^CFV\[(\d+)\]/.exec(key)?.[1];
      if (!cfId) continue;
      const code = codes.get(cfId);
      for (const leaf of leaves(value)) {
        if (code === 'PHONE' || (!code && LOOKS_LIKE_PHONE.test(leaf))) phones.push(leaf);
        else if (code === 'EMAIL' || (!code && LOOKS_LIKE_EMAIL.test(leaf))) emails.push(leaf);
      }
    }
    linked.push({ entity: url.includes('/companies/') ? 'company' : 'contact', id, name, phones, emails });
  }
  return linked;
}

function readPipelines(app: unknown, account: unknown, pipelineId: string | null): AmoPageData['pipelines'] {
  // [G] not confirmed on a live account: account.pipelines, or a 'pipelines' constant.
  let raw = prop(account, 'pipelines');
  if (raw === undefined) raw = callMethod(app, 'constant', 'pipelines');
  const pipelines: AmoPageData['pipelines'] = [];
  for (const [key, p] of entriesOf(raw)) {
    const id = idText(prop(p, 'id') ?? prop(p, 'ID') ?? key);
    const name = scalarText(prop(p, 'name') ?? prop(p, 'NAME'));
    if (!id || !name || (pipelineId && id !== pipelineId)) continue;
    const statuses = entriesOf(prop(p, 'statuses') ?? prop(p, 'STATUSES')).flatMap(([sKey, s]) => {
      const sid = idText(prop(s, 'id') ?? prop(s, 'ID') ?? sKey);
      const sname = scalarText(prop(s, 'name') ?? prop(s, 'NAME'));
      return sid && sname ? [{ id: sid, name: sname }] : [];
    });
    pipelines.push({ id, name, statuses: statuses.slice(0, 200) });
  }
  return pipelines.slice(0, 100);
}

function snapshotOrThrow(win: unknown): AmoPageData | null {
  const app = prop(win, 'APP') ?? prop(win, 'AMOCRM');
  const card = prop(prop(app, 'data'), 'current_card');
  const cardId = idText(prop(card, 'id'));
  const elementType = Number(prop(card, 'element_type'));
  if (!cardId || !(elementType > 0)) return null;

  const rawAttributes = readAttributes(prop(card, 'model'));
  const attributes: AmoPageData['attributes'] = {};
  for (const [key, value] of Object.entries(rawAttributes)) {
    if (ALLOWED_ATTRIBUTE.test(key)) attributes[key] = attributeValue(value);
  }

  const account = callMethod(app, 'constant', 'account');
  const cardFieldIds = new Set(Object.keys(attributes).map((k) => /^CFV\[(\d+)\]$/.exec(k)?.[1]).filter(Boolean));
  const customFields: AmoPageData['customFields'] = {};
  const codes = new Map<string, string>();
  for (const [key, raw] of entriesOf(prop(account, 'cf'))) {
    const id = idText(prop(raw, 'id') ?? prop(raw, 'ID') ?? key);
    const def = id ? readFieldDef(raw) : null;
    if (!id || !def) continue;
    if (def.code) codes.set(id, def.code.toUpperCase());
    if (cardFieldIds.has(id)) customFields[id] = { name: def.name, type: def.type, enums: def.enums };
  }

  const mainUserId =
    idText(prop(card, 'main_user')) ?? idText(attributes['lead[MAIN_USER]']) ?? idText(prop(prop(card, 'user'), 'id'));
  const users: Record<string, string> = {};
  if (mainUserId) {
    const raw = entriesOf(prop(account, 'users')).find(([k, u]) => (idText(prop(u, 'id') ?? prop(u, 'ID')) ?? k) === mainUserId)?.[1];
    const name = scalarText(typeof raw === 'string' ? raw : (prop(raw, 'name') ?? prop(raw, 'NAME') ?? prop(raw, 'title')));
    if (name) users[mainUserId] = name;
  }

  const pipelineId = idText(attributes['lead[PIPELINE_ID]']);
  const langRaw = prop(app, 'lang_id');
  const snapshot: AmoPageData = {
    v: 1,
    cardId,
    elementType,
    lang: typeof langRaw === 'string' ? langRaw.slice(0, 10) : null,
    attributes,
    mainUserId,
    customFields,
    users,
    pipelines: readPipelines(app, account, pipelineId),
  };
  const linked = readLinked(card, codes);
  if (linked) snapshot.linked = linked;
  return snapshot;
}

/** The open card as a JSON snapshot, or null when the page shows no card (or anything fails). */
export function snapshotAmoPageData(win: unknown): AmoPageData | null {
  try {
    return snapshotOrThrow(win);
  } catch {
    return null;
  }
}
