import type { ClientContext, Contact, PageField } from '../../context/client-context';
import { isStrictLookups, normaliseSpace, queryAllOf, queryAnchor, queryOrFail, queryOrNull, textOf } from '../dom-lookup';
import {
  BX_CONTACT_LABELS,
  bitrixLang,
  fieldsOf,
  genericKey,
  tableCids,
  type BitrixLang,
  type BxFieldSpec,
} from './field-table';
import { BX, bxCardAnchors, bxStageAnchors } from './selectors';
import { parseBitrixCardUrl, type BitrixEntity } from './url';

/**
 * Bitrix24 card markup → ClientContext, origin 'dom'. The entity editor renders each field as a
 * block whose data-cid is the field's name; the stage bar sits above it. Fields the editor hides
 * because they are empty are not in the DOM, so they cannot be read here (the page data can).
 */

/** One generic editor field as last read, kept per element by the incremental reader. */
interface FieldReading {
  key: string;
  label: string;
  value: string;
}

/** What the incremental reader keeps between reads of one page. */
export interface BxFieldCache {
  editor: Element | null;
  elements: HTMLElement[];
  readings: Map<HTMLElement, FieldReading>;
  /** Where each table row was found (or not): a missing field costs one walk per re-list, not per read. */
  tableBlocks: Map<BxFieldSpec, HTMLElement | null>;
}

export function newBxFieldCache(): BxFieldCache {
  return { editor: null, elements: [], readings: new Map(), tableBlocks: new Map() };
}

/** Any field block; a function, so loading this module runs nothing (unused bundles drop it). */
const fieldSelector = (): string => BX.field.join(',');

/** Placeholders the editor shows in an empty field (view mode) [G: not seen in vendor code]. */
const EMPTY_PLACEHOLDER = /^(?:(?:поле )?не заполнено|not filled|field is empty|nicht ausgefüllt|не заповнено)$/i;

function isPlaceholder(text: string): boolean {
  return EMPTY_PLACEHOLDER.test(text);
}

export function editorOf(doc: ParentNode): HTMLElement | null {
  return queryOrNull(doc, BX.editor);
}

/** Editor field blocks with a field name (sections carry data-cid too, but no title-text label of their own). */
export function fieldBlocks(editor: ParentNode): HTMLElement[] {
  return queryAllOf<HTMLElement>(editor, BX.field).filter((el) => {
    const cid = el.getAttribute('data-cid') ?? '';
    // A field nested in another field (a compound control) belongs to its outer field.
    return /^[A-Z][A-Z0-9_]*$/.test(cid) && !el.parentElement?.closest(fieldSelector());
  });
}

export function labelOfBlock(block: Element | null): string {
  if (!block) return '';
  const label = queryOrNull(block, BX.fieldLabel);
  return normaliseSpace(label?.getAttribute('title')) || textOf(label);
}

/** The editor field named cid (data-cid is the field's name), or null. */
export function blockByCid(editor: ParentNode, cid: string): HTMLElement | null {
  if (!/^[A-Z][A-Z0-9_]*$/.test(cid)) return null;
  return queryOrNull(editor, BX.field.map((s) => `${s.replace('[data-cid]', '')}[data-cid="${cid}"]`));
}

/** The table row's block: by data-cid first, then by its label in any language we have. */
export function findBlock(editor: ParentNode, spec: BxFieldSpec): HTMLElement | null {
  for (const cid of spec.cids) {
    const block = blockByCid(editor, cid);
    if (block) return block;
  }
  const labels = new Set(Object.values(spec.labels).map((l) => l.toLowerCase()));
  return fieldBlocks(editor).find((b) => labels.has(labelOfBlock(b).toLowerCase())) ?? null;
}

/** The value as shown: the view text, or the block's text without its label. */
export function blockText(block: Element): string {
  const shown = queryAllOf(block, BX.fieldText).map(textOf).filter((t) => t !== '');
  let text = shown.length > 0 ? normaliseSpace(shown.join(', ')) : '';
  if (shown.length === 0) {
    text = textOf(block);
    const label = labelOfBlock(block);
    if (label && text.startsWith(label)) text = normaliseSpace(text.slice(label.length));
  }
  return isPlaceholder(text) ? '' : text;
}

function moneyText(block: Element): string {
  const el = queryOrNull(block, BX.moneyValue);
  const text = el ? textOf(el) : blockText(block);
  return isPlaceholder(text) ? '' : text;
}

function userText(block: Element): string {
  return textOf(queryOrNull(block, BX.employeeName)) || blockText(block);
}

interface Party {
  entity: 'company' | 'contact';
  name: string;
  phones: string[];
  emails: string[];
}

const unique = (values: string[]): string[] => [...new Set(values.filter((v) => v !== ''))];

function phoneOf(el: Element): string {
  return normaliseSpace(el.getAttribute('title')) || textOf(el);
}

function emailOf(el: Element): string {
  return textOf(el) || normaliseSpace((el.getAttribute('href') ?? '').replace(/^mailto:/i, ''));
}

/** Companies and contacts in a client block, told apart by the link to their card. */
export function readClientBlock(block: Element, fallback: Party['entity']): Party[] {
  return queryAllOf(block, BX.clientBox).map((box) => {
    const nameEl = queryOrNull(box, BX.clientName);
    const href = nameEl?.getAttribute('href') ?? '';
    const entity = /\/crm\/company\/details\//.test(href) ? 'company' : /\/crm\/contact\/details\//.test(href) ? 'contact' : fallback;
    return {
      entity,
      name: textOf(nameEl),
      phones: unique(queryAllOf(box, BX.clientPhone).map(phoneOf)),
      emails: unique(queryAllOf(box, BX.clientEmail).map(emailOf)),
    };
  });
}

/** The card's own PHONE / EMAIL rows. */
export function readMultifield(block: Element, kind: 'phones' | 'emails'): string[] {
  const rows = queryAllOf(block, BX.multifieldValue);
  return unique(
    rows.map((row) => {
      if (kind === 'phones') {
        const number = queryOrNull(row, BX.clientPhone);
        return number ? phoneOf(number) : textOf(row);
      }
      const mail = queryOrNull(row, BX.clientEmail);
      return mail ? emailOf(mail) : textOf(row);
    }),
  );
}

export interface StageReading {
  stageId: string | null;
  stage: string | null;
}

function stepId(step: Element): string {
  return step.getAttribute('data-id') ?? step.getAttribute('data-stage-id') ?? '';
}

/** A step the bar painted (passed or current): its item carries an inline colour. */
function painted(step: Element): boolean {
  const style = queryOrNull(step, BX.stageStepItem)?.getAttribute('style') ?? '';
  return /background|border-image/i.test(style) && !/background(?:-color)?\s*:\s*(?:none|transparent)\s*;?\s*$/i.test(style);
}

/**
 * The stage from the stage bar. With the stage id (page data) or name (the editor's stage
 * field) the bar gives the other; without either, the current step is the last painted one
 * before the first unpainted [G: the template has no class for the current step].
 */
export function readStageBar(root: ParentNode, hintId: string | null, hintName: string): StageReading {
  const steps = queryAllOf(root, BX.stageStep);
  const nameOf = (step: Element) => textOf(queryOrNull(step, BX.stageStepText));
  if (hintId) {
    const step = steps.find((s) => stepId(s) === hintId);
    return { stageId: hintId, stage: (step && nameOf(step)) || hintName || null };
  }
  if (hintName) {
    const step = steps.find((s) => nameOf(s) === hintName);
    return { stageId: step ? stepId(step) || null : null, stage: hintName };
  }
  let current: Element | null = null;
  for (const step of steps) {
    if (!painted(step)) break;
    current = step;
  }
  return current ? { stageId: stepId(current) || null, stage: nameOf(current) || null } : { stageId: null, stage: null };
}

export interface BxDomReading {
  context: ClientContext;
  /** The card's UI language, for labels the page does not show. */
  lang: BitrixLang;
}

/** Fields for the card's contacts, so "contact phone" can be required (keys as amoCRM's). */
export function contactFields(contacts: readonly Contact[], lang: BitrixLang): PageField[] {
  return contacts.flatMap((c, n) => {
    const suffix = contacts.length > 1 ? ` ${n + 1}` : '';
    return [
      { key: `contact:${n}:name`, label: `${BX_CONTACT_LABELS.contact[lang]}${suffix}`, value: c.name },
      { key: `contact:${n}:phone`, label: `${BX_CONTACT_LABELS.phone[lang]}${suffix}`, value: c.phones[0] ?? '' },
      { key: `contact:${n}:email`, label: `${BX_CONTACT_LABELS.email[lang]}${suffix}`, value: c.emails[0] ?? '' },
    ];
  });
}

function readGenericField(block: HTMLElement): FieldReading {
  const cid = block.getAttribute('data-cid') ?? '';
  return { key: genericKey(cid), label: labelOfBlock(block) || cid, value: blockText(block) };
}

/**
 * Editor fields outside the table, re-reading only what `changed` touched: a node inside a
 * known field re-reads it; a node in the editor outside every known field re-lists the fields
 * (reusing untouched readings); nodes outside the editor cost nothing here.
 */
function readGenericFields(
  editor: HTMLElement,
  entity: BitrixEntity,
  cache: BxFieldCache,
  changed: ReadonlySet<Node> | null,
): FieldReading[] {
  let relist = changed === null || cache.editor !== editor;
  const dirty = new Set<HTMLElement>();
  const skip = tableCids(entity);
  if (!relist && changed !== null) {
    const selector = fieldSelector();
    for (const node of changed) {
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el || !el.isConnected || !editor.contains(el)) continue;
      const block = el.closest<HTMLElement>(selector);
      if (block && cache.readings.has(block)) dirty.add(block);
      // Inside a table field (title, amount, client…): those are read on every call anyway.
      else if (block && skip.has(block.getAttribute('data-cid') ?? '')) continue;
      else {
        relist = true;
        break;
      }
    }
  }
  if (changed === null || cache.editor !== editor) cache.readings.clear();
  if (relist) {
    cache.tableBlocks.clear();
    cache.editor = editor;
    cache.elements = fieldBlocks(editor).filter((b) => !skip.has(b.getAttribute('data-cid') ?? ''));
    const kept = new Map<HTMLElement, FieldReading>();
    for (const el of cache.elements) {
      const old = cache.readings.get(el);
      kept.set(el, old && !dirty.has(el) ? old : readGenericField(el));
    }
    cache.readings = kept;
  } else {
    for (const el of dirty) cache.readings.set(el, readGenericField(el));
  }
  return cache.elements.map((el) => cache.readings.get(el) ?? readGenericField(el));
}

/**
 * @param cache  kept between calls by one content script; without it every field is read.
 * @param changed  nodes changed since the cache was filled; null: read every field again.
 */
export function readBitrixDom(
  doc: Document,
  url: URL,
  cache?: BxFieldCache,
  changed: ReadonlySet<Node> | null = null,
): BxDomReading | null {
  const ref = parseBitrixCardUrl(url);
  if (!ref) return null;
  const editor = queryAnchor(doc, BX.editor, 'bitrix24:editor');
  if (!editor) return null;
  if (isStrictLookups()) {
    for (const [name, selectors] of Object.entries(bxCardAnchors())) queryOrFail(doc, selectors, `bitrix24:${name}`);
    if (ref.entity === 'deal' || ref.entity === 'lead') {
      for (const [name, selectors] of Object.entries(bxStageAnchors())) queryOrFail(doc, selectors, `bitrix24:${name}`);
    }
  }
  const lang = bitrixLang(doc.documentElement.getAttribute('lang'), url);
  const specs = fieldsOf(ref.entity);
  const fields: PageField[] = [];
  let name = '';
  let stage: StageReading = { stageId: null, stage: null };
  let budget = '';
  let responsible: string | null = null;
  let company: string | null = null;
  let contacts: Contact[] = [];
  const own: Contact = { name: '', phones: [], emails: [] };

  const generic = readGenericFields(editor, ref.entity, cache ?? newBxFieldCache(), cache ? changed : null);
  const blocks = cache?.tableBlocks;
  for (const spec of specs) {
    let block = blocks?.get(spec);
    if (block === undefined || (block !== null && !block.isConnected)) {
      block = findBlock(editor, spec);
      blocks?.set(spec, block);
    }
    const label = labelOfBlock(block) || spec.labels[lang];
    switch (spec.kind) {
      case 'title': {
        const parts = spec.cids.map((cid) => {
          const b = blockByCid(editor, cid);
          return b ? blockText(b) : '';
        });
        name = textOf(queryOrNull(doc, BX.title)) || normaliseSpace(parts.join(' '));
        fields.push({ key: spec.key, label, value: name });
        break;
      }
      case 'stage':
        stage = readStageBar(doc, null, block ? blockText(block) : '');
        break;
      case 'money':
        budget = block ? moneyText(block) : '';
        fields.push({ key: spec.key, label, value: budget });
        break;
      case 'user':
        responsible = block ? userText(block) || null : null;
        fields.push({ key: spec.key, label, value: responsible ?? '' });
        break;
      case 'client-company':
      case 'client-contacts': {
        const parties = block ? readClientBlock(block, spec.kind === 'client-company' ? 'company' : 'contact') : [];
        if (spec.kind === 'client-company') {
          const found = parties.find((p) => p.entity === 'company');
          company = found ? found.name : company;
        } else {
          contacts = parties.filter((p) => p.entity === 'contact').map(({ name: n, phones, emails }) => ({ name: n, phones, emails }));
        }
        break;
      }
      case 'phones':
        own.phones = block ? readMultifield(block, 'phones') : [];
        fields.push({ key: spec.key, label, value: own.phones[0] ?? '' });
        break;
      case 'emails':
        own.emails = block ? readMultifield(block, 'emails') : [];
        fields.push({ key: spec.key, label, value: own.emails[0] ?? '' });
        break;
      case 'text': {
        const value = block ? blockText(block) : '';
        if (spec.key === 'company') company = value || null;
        else fields.push({ key: spec.key, label, value });
        break;
      }
    }
  }

  if (ref.entity === 'lead' || ref.entity === 'contact') {
    // The person on a lead or contact card is its one contact.
    const first = blockByCid(editor, 'NAME');
    const last = blockByCid(editor, 'LAST_NAME');
    const person = normaliseSpace(`${first ? blockText(first) : ''} ${last ? blockText(last) : ''}`);
    own.name = ref.entity === 'contact' ? name : person;
    if (own.name || own.phones.length > 0 || own.emails.length > 0) contacts = [own];
  }
  if (ref.entity === 'company') company = name;

  for (const reading of generic) {
    fields.push({ key: reading.key, label: reading.label, value: reading.value });
  }
  if (company !== null && ref.entity !== 'company') {
    fields.push({ key: 'company', label: BX_CONTACT_LABELS.company[lang], value: company });
  }
  fields.push(...contactFields(contacts, lang));

  return {
    lang,
    context: {
      source: 'bitrix24',
      account: url.hostname,
      entity: ref.entity,
      crmId: ref.id,
      url: url.href,
      name,
      pipeline: null,
      stage: stage.stage,
      stageId: stage.stageId,
      budget,
      responsible,
      company,
      contacts,
      fields,
      origin: 'dom',
    },
  };
}
