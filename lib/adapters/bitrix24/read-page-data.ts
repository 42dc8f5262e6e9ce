import type { ClientContext, Contact, PageField } from '../../context/client-context';
import { normaliseSpace } from '../dom-lookup';
import { BX_CONTACT_LABELS, bitrixLang, fieldsOf, genericKey } from './field-table';
import { BX_ENTITY_TYPE_ID, type BitrixPageData, type BxParty } from './page-data';
import { contactFields, readStageBar } from './read-dom';
import { parseBitrixCardUrl } from './url';

/** Plain model fields shown generically as 'field:<name>' (the table reads the others). */
const GENERIC_PLAIN = ['SOURCE_ID', 'TYPE_ID', 'CLOSEDATE', 'BEGINDATE', 'PROBABILITY', 'COMMENTS'] as const;

const toContact = (p: BxParty): Contact => ({
  name: normaliseSpace(p.title),
  phones: p.phones.map(normaliseSpace).filter((v) => v !== ''),
  emails: p.emails.map(normaliseSpace).filter((v) => v !== ''),
});

/**
 * Page data (already checked) → ClientContext, origin 'page-data'; null when it is about another
 * record than the URL shows (the slider's model can lag a switch to another card). The DOM
 * reading, when there is one, gives what the model lacks: field labels as shown, option texts
 * of list fields (the model holds ids), and stage names (the model holds the stage id).
 */
export function readBitrixPageData(data: BitrixPageData, url: URL, doc: Document | null, dom: ClientContext | null): ClientContext | null {
  const ref = parseBitrixCardUrl(url);
  if (!ref || data.entityId !== ref.id || data.entityTypeId !== BX_ENTITY_TYPE_ID[ref.entity]) return null;
  const lang = bitrixLang(data.lang, url);
  const f = (key: string) => normaliseSpace(data.fields[key]);
  const domField = new Map((dom?.fields ?? []).map((x) => [x.key, x]));

  const person = normaliseSpace(`${f('NAME')} ${f('LAST_NAME')}`);
  const name = ref.entity === 'contact' ? f('FORMATTED_NAME') || person : f('TITLE');
  const budget = f('FORMATTED_OPPORTUNITY_WITH_CURRENCY') || f('FORMATTED_OPPORTUNITY') || f('OPPORTUNITY');
  const responsible = f('ASSIGNED_BY_FORMATTED_NAME') || dom?.responsible || null;

  const stageId = f(ref.entity === 'lead' ? 'STATUS_ID' : 'STAGE_ID') || null;
  let stage: string | null = null;
  if (stageId) {
    stage = data.stages.find((s) => s.id === stageId)?.name ?? null;
    if (stage === null && doc) stage = readStageBar(doc, stageId, '').stage;
    if (stage === null && dom?.stageId === stageId) stage = dom.stage;
  }

  let company: string | null = null;
  let contacts: Contact[] = [];
  const own: Contact = {
    name: ref.entity === 'contact' ? name : person,
    phones: data.phones.map((p) => normaliseSpace(p.value)).filter((v) => v !== ''),
    emails: data.emails.map((p) => normaliseSpace(p.value)).filter((v) => v !== ''),
  };
  if (ref.entity === 'deal' || ref.entity === 'contact') company = data.company ? normaliseSpace(data.company.title) : null;
  if (ref.entity === 'lead') company = f('COMPANY_TITLE') || null;
  if (ref.entity === 'company') company = name;
  if (ref.entity === 'deal' || ref.entity === 'company') contacts = data.contacts.map(toContact);
  else if (own.name || own.phones.length > 0 || own.emails.length > 0) contacts = [own];

  const labelFor = (key: string, fallback: string) => domField.get(key)?.label || fallback;
  const fields: PageField[] = [];
  for (const spec of fieldsOf(ref.entity)) {
    const label = labelFor(spec.key, data.titles[spec.cids[0] ?? ''] ?? spec.labels[lang]);
    if (spec.kind === 'title') fields.push({ key: spec.key, label, value: name });
    else if (spec.kind === 'money') fields.push({ key: spec.key, label, value: budget });
    else if (spec.kind === 'user') fields.push({ key: spec.key, label, value: responsible ?? '' });
    else if (spec.kind === 'phones') fields.push({ key: spec.key, label, value: own.phones[0] ?? '' });
    else if (spec.kind === 'emails') fields.push({ key: spec.key, label, value: own.emails[0] ?? '' });
  }
  // The model holds ids for list fields; what the card shows wins when the card shows the field.
  const shown = (key: string, value: string) => {
    const d = domField.get(key);
    return d && d.value !== '' ? d.value : value;
  };
  for (const cid of GENERIC_PLAIN) {
    if (data.fields[cid] === undefined && !domField.has(genericKey(cid))) continue;
    const key = genericKey(cid);
    fields.push({ key, label: labelFor(key, data.titles[cid] ?? cid), value: shown(key, f(cid)) });
  }
  for (const [cid, uf] of Object.entries(data.userFields)) {
    const key = genericKey(cid);
    const raw = uf.isEmpty ? '' : normaliseSpace(Array.isArray(uf.value) ? uf.value.filter((v) => v !== '').join(', ') : uf.value);
    fields.push({ key, label: labelFor(key, data.titles[cid] ?? cid), value: shown(key, raw) });
  }
  // Fields the card shows that the model did not hand over (other standard fields).
  const known = new Set(fields.map((x) => x.key));
  for (const d of dom?.fields ?? []) {
    if (!known.has(d.key) && /^(?:uf|field):/.test(d.key)) fields.push(d);
  }
  if (company !== null && ref.entity !== 'company') fields.push({ key: 'company', label: BX_CONTACT_LABELS.company[lang], value: company });
  fields.push(...contactFields(contacts, lang));

  return {
    source: 'bitrix24',
    account: url.hostname,
    entity: ref.entity,
    crmId: ref.id,
    url: url.href,
    name,
    pipeline: null,
    stage,
    stageId,
    budget,
    responsible,
    company,
    contacts,
    fields,
    origin: 'page-data',
  };
}
