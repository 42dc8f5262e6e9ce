import type { ClientContext, PageField } from '../../context/client-context';
import type { SiteAdapter } from '../types';
import { isStrictLookups, queryOrNull, textOf } from '../dom-lookup';
import { locateLabelledField, normaliseLabel, readLabelledFields } from './labelled-fields';

/**
 * The fallback for a CRM Sufler has no adapter for: fields by visible label, the page's
 * address as the record id. It matches no URL by itself; it is used only where a setting
 * (or a taught playbook) turns it on for a host.
 */
const NAME_LABELS = ['name', 'full name', 'deal name', 'название', 'название сделки', 'наименование', 'имя', 'фио'];
const STAGE_LABELS = ['stage', 'status', 'этап', 'стадия', 'статус'];
const BUDGET_LABELS = ['budget', 'amount', 'бюджет', 'сумма'];
const RESPONSIBLE_LABELS = ['responsible', 'owner', 'ответственный', 'менеджер'];
const COMPANY_LABELS = ['company', 'компания', 'организация'];

function valueFor(fields: readonly PageField[], labels: readonly string[]): string | null {
  const field = fields.find((f) => labels.includes(normaliseLabel(f.label)) && f.value !== '');
  return field ? field.value : null;
}

export function readGeneric(doc: Document, url: URL): ClientContext | null {
  const fields = readLabelledFields(doc);
  const name = valueFor(fields, NAME_LABELS) ?? (textOf(queryOrNull(doc, ['h1'])) || null);
  if (!name) return null;
  return {
    source: 'generic',
    account: url.host || 'local',
    entity: 'unknown',
    crmId: `${url.pathname}${url.search}`,
    url: url.href,
    name,
    pipeline: null,
    stage: valueFor(fields, STAGE_LABELS),
    stageId: null,
    budget: valueFor(fields, BUDGET_LABELS) ?? '',
    responsible: valueFor(fields, RESPONSIBLE_LABELS),
    company: valueFor(fields, COMPANY_LABELS),
    contacts: [],
    fields,
    origin: 'dom',
  };
}

export const GENERIC_ADAPTER: SiteAdapter = {
  id: 'generic',
  label: 'Any form (by labels)',
  hosts: [],
  examples: [],
  matches: () => false,
  isCard: () => true,
  read(doc, url) {
    try {
      return readGeneric(doc, url);
    } catch (error) {
      if (isStrictLookups()) throw error;
      return null;
    }
  },
  // Forms read by label are small: every read is a full one.
  createReader: () => (doc, url) => GENERIC_ADAPTER.read(doc, url),
  locateField(doc, key) {
    try {
      return locateLabelledField(doc, key);
    } catch {
      return null;
    }
  },
};
