import type { ClientContext, Contact, PageField } from '../../context/client-context';
import { isStrictLookups, normaliseSpace, queryAllOf, queryAnchor, queryOrFail, queryOrNull, textOf } from '../dom-lookup';
import { amoLang, cfKey, checkboxText, linkedFields, STANDARD_LABELS } from './card-fields';
import { AMO, AMO_LEAD_CARD_ANCHORS } from './selectors';
import { parseAmoCardUrl } from './url';

/**
 * amoCRM card markup → ClientContext, origin 'dom' (the fallback when the page's own data is
 * not handed over). Fields hidden for the current stage (class u-hidden-cf) are skipped: the
 * CRM does not ask for them at this stage, so they are not required. Fields in inactive group
 * tabs are read: they are in the DOM, only not displayed.
 */
export interface AmoDomReading {
  context: ClientContext;
  /** Keys of fields present on the card but hidden for this stage. */
  hiddenKeys: string[];
}

/** One custom field as last read, kept per element by the incremental reader. */
interface FieldReading {
  key: string;
  hidden: boolean;
  label: string;
  value: string;
}

/**
 * What the incremental reader remembers between reads of one page: the fields block it
 * read and each custom field element's reading. A card of 960 custom fields then costs
 * one field's read when one field changes, not 960.
 */
export interface AmoFieldCache {
  block: Element | null;
  elements: HTMLElement[];
  readings: Map<HTMLElement, FieldReading>;
}

export function newAmoFieldCache(): AmoFieldCache {
  return { block: null, elements: [], readings: new Map() };
}

/**
 * @param cache  kept between calls by one content script; without it every field is read.
 * @param changed  nodes changed since the cache was filled; null: read every field again.
 */
export function readAmoDomDetailed(
  doc: Document,
  url: URL,
  cache?: AmoFieldCache,
  changed: ReadonlySet<Node> | null = null,
): AmoDomReading | null {
  const ref = parseAmoCardUrl(url);
  if (!ref) return null;
  const root = queryAnchor(doc, AMO.cardRoot, 'amocrm:cardRoot');
  if (!root) return null;
  if (isStrictLookups() && ref.entity === 'lead') {
    for (const [name, selectors] of Object.entries(AMO_LEAD_CARD_ANCHORS)) queryOrFail(doc, selectors, `amocrm:${name}`);
  }
  const block = queryOrNull(root, AMO.fieldsBlock) ?? root;
  const nameInput = queryAnchor<HTMLInputElement>(root, AMO.name, 'amocrm:name');
  if (!nameInput) return null;
  // During an SPA navigation the old card stays rendered for a moment under the new URL.
  const idTag = textOf(queryOrNull(root, AMO.idTag)).replace(/^#/, '');
  if (idTag && idTag !== ref.id) return null;

  const lang = amoLang(doc.documentElement.lang, url);
  const name = normaliseSpace(nameInput.value);

  const view = queryOrNull(block, AMO.statusView);
  const stageId = view?.dataset['statusId'] || queryOrNull<HTMLInputElement>(block, AMO.statusInput)?.value || null;
  const pipeline = textOf(queryOrNull(block, AMO.pipelineName)) || null;
  const stage = stageNameOf(queryOrNull(block, AMO.stageName)) || null;

  const budgetField = queryOrNull(block, AMO.budgetField);
  const budgetInput = budgetField ? queryOrNull<HTMLInputElement>(budgetField, AMO.budgetInput) : null;
  const budget = normaliseSpace(budgetInput?.value) || (budgetField ? textOf(queryOrNull(budgetField, AMO.budgetText)) : '');

  const responsibleField = queryOrNull(block, AMO.responsibleField);
  const responsible = (responsibleField && textOf(queryOrNull(responsibleField, AMO.responsibleName))) || null;

  const fields: PageField[] = [{ key: 'name', label: STANDARD_LABELS.name[lang], value: name }];
  if (ref.entity === 'lead') {
    fields.push({ key: 'budget', label: labelOf(budgetField) || STANDARD_LABELS.budget[lang], value: budget });
    fields.push({
      key: 'responsible',
      label: labelOf(responsibleField) || STANDARD_LABELS.responsible[lang],
      value: responsible ?? '',
    });
  }
  const hiddenKeys: string[] = [];
  for (const reading of readCustomFields(block, cache ?? newAmoFieldCache(), cache ? changed : null)) {
    if (reading.hidden) hiddenKeys.push(reading.key);
    else fields.push({ key: reading.key, label: reading.label, value: reading.value });
  }

  const { contacts, company } = readLinked(root);
  const mainCompany = company ?? (normaliseSpace(queryOrNull<HTMLInputElement>(block, AMO.companyName)?.value) || null);
  fields.push(...linkedFields(contacts, mainCompany, lang));

  return {
    context: {
      source: 'amocrm',
      account: url.hostname,
      entity: ref.entity,
      crmId: ref.id,
      url: url.href,
      name,
      pipeline,
      stage,
      stageId,
      budget,
      responsible,
      company: mainCompany,
      contacts,
      fields,
      origin: 'dom',
    },
    hiddenKeys,
  };
}

/** Custom fields of the main form: a numeric data-id, outside linked contact forms. */
export function customFieldElements(block: ParentNode): HTMLElement[] {
  const linkedForm = AMO.linkedForm.join(',');
  return queryAllOf<HTMLElement>(block, AMO.field).filter(
    (el) => /^\d+$/.test(el.getAttribute('data-id') ?? '') && !el.closest(linkedForm),
  );
}

/**
 * Time in stage as the status control appends it, in the CRM's UI languages: "(6 days)",
 * "(6 дней)", "(2 horas)", "(3 gün)". Only a number with a time word is dropped, so a stage
 * named "Ждём решения (после аукциона)" keeps its brackets.
 */
const TIME_IN_STAGE = /\s*\(\s*\d+\s*(?:min|minutes?|hours?|days?|weeks?|months?|years?|мин|минут[аы]?|час(?:а|ов)?|д(?:ень|ня|ней|н\.?)|недел[ьия]|месяц(?:а|ев)?|лет|год(?:а)?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|meses|anos?|años?|dakika|saat|gün|hafta|ay|yıl|menit|jam|hari|minggu|bulan|tahun)\.?\s*\)\s*$/iu;

/** The stage's own name: without the time-in-stage element or a trailing "(6 days)". */
function stageNameOf(el: Element | null): string {
  if (!el) return '';
  let text = normaliseSpace(el.textContent);
  const suffix = textOf(queryOrNull(el, AMO.stageTimeInStage));
  if (suffix !== '') {
    const at = text.lastIndexOf(suffix);
    if (at >= 0) text = normaliseSpace(text.slice(0, at) + text.slice(at + suffix.length));
  }
  return normaliseSpace(text.replace(TIME_IN_STAGE, ''));
}

const FIELD_SELECTOR = AMO.field.join(',');

function readField(field: HTMLElement): FieldReading {
  const key = cfKey(field.dataset['id'] ?? '');
  // A field hidden for this stage is not asked for; its value is not read.
  if (field.classList.contains(AMO.hiddenForStageClass)) return { key, hidden: true, label: '', value: '' };
  return { key, hidden: false, label: labelOf(field), value: customFieldValue(field) };
}

/**
 * The block's custom fields, re-reading only what `changed` touched: a node inside a known
 * field re-reads that field; a node in the block outside every field (fields added,
 * removed, re-rendered) re-lists the fields, reusing the readings of elements that stayed;
 * nodes outside the block (the feed, the menu) cost nothing here.
 */
function readCustomFields(block: Element, cache: AmoFieldCache, changed: ReadonlySet<Node> | null): FieldReading[] {
  let relist = changed === null || cache.block !== block;
  const dirty = new Set<HTMLElement>();
  if (!relist && changed !== null) {
    for (const node of changed) {
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el || !el.isConnected || !block.contains(el)) continue;
      const field = el.closest<HTMLElement>(FIELD_SELECTOR);
      if (field && cache.readings.has(field)) dirty.add(field);
      else if (!field || !block.contains(field)) {
        relist = true;
        break;
      }
      // else: a field of a linked contact form inside the block; read with the linked forms.
    }
  }
  if (changed === null || cache.block !== block) cache.readings.clear();
  if (relist) {
    cache.block = block;
    cache.elements = customFieldElements(block);
    const kept = new Map<HTMLElement, FieldReading>();
    for (const el of cache.elements) {
      const old = cache.readings.get(el);
      kept.set(el, old && !dirty.has(el) ? old : readField(el));
    }
    cache.readings = kept;
  } else {
    for (const el of dirty) cache.readings.set(el, readField(el));
  }
  return cache.elements.map((el) => cache.readings.get(el) ?? readField(el));
}

function labelOf(field: Element | null): string {
  const label = field ? queryOrNull(field, AMO.fieldLabel) : null;
  return normaliseSpace(label?.getAttribute('title')) || textOf(label);
}

const FIELD_TYPE_CLASS = new RegExp(`(?:^|\\s)${AMO.fieldTypeClassPrefix}([\\w-]+)`);

/** Field type from its class linked-form__field-<type>; read off className, which is much cheaper than walking classList. */
function fieldType(field: Element): string {
  return FIELD_TYPE_CLASS.exec(field.className)?.[1] ?? 'text';
}

function customFieldValue(field: HTMLElement): string {
  const value = queryOrNull(field, AMO.fieldValue) ?? field;
  switch (fieldType(field)) {
    case 'checkbox':
      return checkboxText(value.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked ?? false);
    case 'select': {
      // The hidden input holds the chosen enum id; the button shows a placeholder when empty.
      const chosen = value.querySelector<HTMLInputElement>('input[type="hidden"][name^="CFV["]')?.value ?? '';
      if (!chosen) return '';
      const item = queryAllOf(value, AMO.selectItem).find((li) => li.dataset['value'] === chosen);
      return textOf(item) || textOf(queryOrNull(value, AMO.selectButtonText));
    }
    case 'multiselect':
    case 'radio': {
      const ticked = Array.from(value.querySelectorAll<HTMLInputElement>('input[name^="CFV["]:checked'));
      return ticked
        .map((input) => textOf(queryOrNull(input.closest('label') ?? input.parentElement ?? input, AMO.multiselectCheckedLabelTitle)) || textOf(input.closest('label')))
        .filter((t) => t !== '')
        .join(', ');
    }
    default: {
      const control = value.querySelector<HTMLInputElement | HTMLTextAreaElement>(
        'textarea[name^="CFV["], input[name^="CFV["]:not([type="hidden"]), textarea, input:not([type="hidden"])',
      );
      return control ? normaliseSpace(control.value) : textOf(value);
    }
  }
}

/** Linked contact and company forms, skipping the empty "add" forms. */
export function linkedForms(root: ParentNode): { contacts: HTMLFormElement[]; company: HTMLFormElement | null } {
  const block = queryOrNull(root, AMO.linkedBlock);
  const contacts: HTMLFormElement[] = [];
  let company: HTMLFormElement | null = null;
  if (!block) return { contacts, company };
  for (const item of queryAllOf(block, AMO.linkedItem)) {
    if (item.classList.contains(AMO.linkedAddItemClass)) continue;
    const form = queryOrNull<HTMLFormElement>(item, AMO.linkedForm);
    if (!form) continue;
    if ((form.getAttribute('action') ?? '').includes('/companies/')) company ??= form;
    else contacts.push(form);
  }
  return { contacts, company };
}

function inputValues(form: ParentNode, selectors: readonly string[]): string[] {
  return queryAllOf<HTMLInputElement>(form, selectors)
    .map((i) => normaliseSpace(i.value))
    .filter((v) => v !== '');
}

function readLinked(root: ParentNode): { contacts: Contact[]; company: string | null } {
  const forms = linkedForms(root);
  const contacts = forms.contacts.map((form) => ({
    name: normaliseSpace(queryOrNull<HTMLInputElement>(form, AMO.linkedName)?.value),
    phones: inputValues(form, AMO.phoneInput),
    emails: inputValues(form, AMO.emailInput),
  }));
  const company = forms.company ? normaliseSpace(queryOrNull<HTMLInputElement>(forms.company, AMO.linkedName)?.value) : null;
  return { contacts, company };
}
