import type { ClientContext, Contact, PageField } from '../../context/client-context';
import { normaliseSpace } from '../dom-lookup';
import { amoLang, cfKey, checkboxText, linkedFields, STANDARD_LABELS } from './card-fields';
import { cfIdOfAttribute, type AmoPageData } from './page-data';
import { ELEMENT_TYPE_BY_ENTITY, parseAmoCardUrl } from './url';

/**
 * Page data (already validated) → ClientContext, origin 'page-data'. Returns null when the
 * snapshot is about another card than the URL shows: after an SPA navigation the page's
 * model can lag the address bar, and a stale card must never be shown as the current one.
 */
export function readAmoPageData(data: AmoPageData, url: URL): ClientContext | null {
  const ref = parseAmoCardUrl(url);
  if (!ref || data.cardId !== ref.id || data.elementType !== ELEMENT_TYPE_BY_ENTITY[ref.entity]) return null;
  const lang = amoLang(data.lang, url);
  const attr = (key: string): string => {
    const v = data.attributes[key];
    return normaliseSpace(Array.isArray(v) ? v.join(', ') : v);
  };

  const name = attr(`${ref.entity}[NAME]`) || attr('name');
  const stageId = attr('lead[STATUS]') || null;
  const pipelineId = attr('lead[PIPELINE_ID]') || null;
  const pipelineDef = data.pipelines.find((p) => p.id === pipelineId);
  const stage = pipelineDef?.statuses.find((s) => s.id === stageId)?.name ?? null;
  const budget = attr('lead[PRICE]');
  const responsible = data.mainUserId ? (data.users[data.mainUserId] ?? null) : null;

  const fields: PageField[] = [{ key: 'name', label: STANDARD_LABELS.name[lang], value: name }];
  if (ref.entity === 'lead') {
    fields.push({ key: 'budget', label: STANDARD_LABELS.budget[lang], value: budget });
    fields.push({ key: 'responsible', label: STANDARD_LABELS.responsible[lang], value: responsible ?? '' });
  }
  for (const [key, raw] of Object.entries(data.attributes)) {
    const id = cfIdOfAttribute(key);
    if (!id) continue;
    const def = data.customFields[id];
    const field: PageField = { key: cfKey(id), label: def?.name ?? `#${id}`, value: customFieldText(raw, def) };
    // The CRM's field type lets the checklist check the value (a date, a tick) rather than guess.
    if (def?.type) field.type = def.type;
    fields.push(field);
  }

  const contacts: Contact[] = (data.linked ?? [])
    .filter((l) => l.entity === 'contact')
    .map((l) => ({ name: normaliseSpace(l.name), phones: l.phones.map(normaliseSpace), emails: l.emails.map(normaliseSpace) }));
  const linkedCompany = data.linked?.find((l) => l.entity === 'company');
  const company = linkedCompany ? normaliseSpace(linkedCompany.name) : attr('company[NAME]') || null;
  fields.push(...linkedFields(contacts, company, lang));

  return {
    source: 'amocrm',
    account: url.hostname,
    entity: ref.entity,
    crmId: ref.id,
    url: url.href,
    name,
    pipeline: pipelineDef?.name ?? null,
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

/** A model value as the user sees it: enum ids become option texts, ticks become '1'. */
function customFieldText(raw: string | string[], def: AmoPageData['customFields'][string] | undefined): string {
  const values = (Array.isArray(raw) ? raw : [raw]).map(normaliseSpace).filter((v) => v !== '');
  if (def?.type === 'checkbox') return checkboxText(values.some((v) => !['0', 'false', 'N', 'off'].includes(v)));
  const shown = values.map((v) => def?.enums[v] ?? v);
  return normaliseSpace(shown.join(', '));
}
