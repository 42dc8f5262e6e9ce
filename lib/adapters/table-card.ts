import type { ClientContext, Contact, PageField } from '../context/client-context';
import { normaliseSpace, queryAnchor, queryOrNull } from './dom-lookup';

/**
 * A card read from a field table: for sites whose card is a set of labelled rows found by
 * stable attributes (HubSpot, Pipedrive, Salesforce, Zoho), one declaration per site says
 * where each field is and how to take its value, and reading a field and locating it for the
 * outline are both derived from it. A site with page data or an incremental reader of its own
 * (amoCRM, Bitrix24) keeps its own reader.
 */

/** How a field's value is taken from its value element. */
export type ValueRead = 'text' | 'input' | 'title';

/** What a value is, for the panel's typed checks and for the context's own slots. */
export type ValueKind = 'text' | 'stage' | 'money' | 'person' | 'phone' | 'email' | 'date';

export interface TableField {
  /** The context key: name, stage, budget, responsible, company, phone, email, or a site key. */
  key: string;
  /** The field's element (outlined when empty), alternatives newest first. */
  find?: readonly string[];
  /** Or: the row (TableRows) whose label is one of these, case-insensitive (the UI's languages). */
  byLabel?: readonly string[];
  /** The value inside the field's element; the element itself when absent. */
  value?: readonly string[];
  read?: ValueRead;
  kind: ValueKind;
  /** The label when the page shows none next to the value (the page's label wins). */
  label: string;
}

/** Every other labelled row of the card, each keyed by one of its attributes. */
export interface TableRows {
  row: readonly string[];
  /** The attribute whose value names the row (its property / API name); absent: its label does. */
  keyAttribute?: string;
  /** Where that attribute is, when on an element inside the row (Zoho's label), not the row itself. */
  keyFrom?: readonly string[];
  /** Turns the attribute's value into the row's key suffix; null skips the row. */
  keyOf?: (attribute: string) => string | null;
  /** The row's label: inside the row, else beside it (in its parent). */
  label: readonly string[];
  /** The value inside the row; the row itself when absent. */
  value?: readonly string[];
  read?: ValueRead;
}

export interface CardTable {
  adapterId: string;
  /** An element every card shows: a required anchor (strict tests name it). */
  root: readonly string[];
  /**
   * Where the card's fields are, when not the whole document (Salesforce keeps earlier records
   * alive beside the active one).
   */
  scope?: readonly string[];
  fields: readonly TableField[];
  rows?: TableRows;
  /** Where to look: the light DOM, or also every open shadow root (Salesforce Lightning). */
  deep?: boolean;
  /** Placeholder texts the site shows in an empty field. */
  empty?: RegExp;
  /** Deep tables: elements whose text is for screen readers only (never part of a value). */
  hiddenText?: string;
}

export interface TableCardRef {
  entity: ClientContext['entity'];
  id: string;
}

/**
 * The shadow roots found under each root during one read: a deep lookup walks every element
 * once per read, not once per selector (a Lightning page holds thousands of them).
 */
let scopeMemo: Map<ParentNode, ParentNode[]> | null = null;

function withScopeMemo<T>(fn: () => T): T {
  const outer = scopeMemo;
  scopeMemo = new Map();
  try {
    return fn();
  } finally {
    scopeMemo = outer;
  }
}

/** An element's subtree and, when deep, every open shadow root below it, in document order. */
function scopes(root: ParentNode, deep: boolean): ParentNode[] {
  if (!deep) return [root];
  const known = scopeMemo?.get(root);
  if (known) return known;
  const found: ParentNode[] = [root];
  for (let i = 0; i < found.length; i++) {
    const scope = found[i];
    if (!scope) continue;
    for (const el of scope.querySelectorAll('*')) if (el.shadowRoot) found.push(el.shadowRoot);
  }
  scopeMemo?.set(root, found);
  return found;
}

const SKIPPED_TEXT = new Set(['script', 'style', 'template']);

/**
 * The text a reader sees, through open shadow roots: an element with a shadow root shows that
 * root, and a slot shows what is assigned to it (else its own children, as in LWC's synthetic
 * shadow, where slotted nodes sit inside the slot element in the light DOM).
 */
export function composedText(node: Node, hidden?: string): string {
  if (node.nodeType === 3) return (node as Text).data;
  if (node.nodeType !== 1 && node.nodeType !== 11) return '';
  const el = node as Element;
  if (node.nodeType === 1 && (SKIPPED_TEXT.has(el.localName) || (hidden !== undefined && el.matches(hidden)))) return '';
  let children: ArrayLike<Node> = (node.nodeType === 1 ? el.shadowRoot?.childNodes : undefined) ?? node.childNodes;
  if (el.localName === 'slot') {
    const assigned = (el as HTMLSlotElement).assignedNodes?.() ?? [];
    if (assigned.length > 0) children = assigned;
  }
  let text = '';
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child) text += composedText(child, hidden);
  }
  return text;
}

function first(root: ParentNode, selectors: readonly string[], deep: boolean): HTMLElement | null {
  if (!deep) return queryOrNull(root, selectors);
  for (const selector of selectors) {
    for (const scope of scopes(root, true)) {
      const hit = scope.querySelector<HTMLElement>(selector);
      if (hit) return hit;
    }
  }
  return null;
}

function all(root: ParentNode, selectors: readonly string[], deep: boolean): HTMLElement[] {
  for (const selector of selectors) {
    const hits = scopes(root, deep).flatMap((scope) => Array.from(scope.querySelectorAll<HTMLElement>(selector)));
    if (hits.length > 0) return hits;
  }
  return [];
}

function valueOf(el: HTMLElement | null, read: ValueRead, table: CardTable): string {
  if (!el) return '';
  const empty = table.empty;
  const raw =
    read === 'input'
      ? (el as HTMLInputElement).value ?? el.getAttribute('value') ?? ''
      : read === 'title'
        ? el.getAttribute('title') ?? ''
        : table.deep === true
          ? composedText(el, table.hiddenText)
          : el.textContent ?? '';
  const text = normaliseSpace(raw);
  return empty?.test(text) ? '' : text;
}

/** The card's fields' scope in this document, or null when its anchor is missing (strict: an error). */
function cardScope(doc: Document, table: CardTable): ParentNode | null {
  const deep = table.deep === true;
  const anchor = (deep ? first(doc, table.root, true) : null) ?? queryAnchor(doc, table.root, table.adapterId);
  if (!anchor) return null;
  return (table.scope ? first(doc, table.scope, deep) : null) ?? doc;
}

function fieldElement(root: ParentNode, table: CardTable, spec: TableField): HTMLElement | null {
  const found = spec.find ? first(root, spec.find, table.deep === true) : null;
  if (found) return found;
  const labels = spec.byLabel?.map((l) => l.toLowerCase());
  if (!labels || !table.rows) return null;
  return all(root, table.rows.row, table.deep === true).find((row) => labels.includes(labelNear(row, table).toLowerCase())) ?? null;
}

/** The label the page shows for a field or row: inside it, else in its parent. */
function labelNear(el: HTMLElement, table: CardTable): string {
  const selectors = table.rows?.label;
  if (!selectors) return '';
  const deep = table.deep === true;
  const own = first(el, selectors, deep) ?? (el.parentElement ? first(el.parentElement, selectors, deep) : null);
  return normaliseSpace(own ? (deep ? composedText(own, table.hiddenText) : own.textContent) : '');
}

function readField(root: ParentNode, table: CardTable, spec: TableField): PageField | null {
  const el = fieldElement(root, table, spec);
  if (!el) return null;
  // A field found as a labelled row takes its value where rows keep theirs.
  const inner = spec.value ?? (spec.byLabel && !spec.find?.some((s) => el.matches(s)) ? table.rows?.value : undefined);
  const valueEl = inner ? first(el, inner, table.deep === true) : el;
  const value = valueOf(valueEl, spec.read ?? 'text', table);
  const label = labelNear(el, table) || spec.label;
  return { key: spec.key, label, value, ...(spec.kind === 'text' || spec.kind === 'stage' ? {} : { type: spec.kind }) };
}

function rowKey(table: CardTable, rows: TableRows, el: HTMLElement): string | null {
  if (!rows.keyAttribute) {
    const label = labelNear(el, table).toLowerCase();
    return label ? `label:${label}` : null;
  }
  const holder = rows.keyFrom ? first(el, rows.keyFrom, table.deep === true) : el;
  const attribute = holder?.getAttribute(rows.keyAttribute);
  if (!attribute) return null;
  const suffix = rows.keyOf ? rows.keyOf(attribute) : attribute;
  return suffix ? `field:${suffix}` : null;
}

function readRows(root: ParentNode, table: CardTable, taken: ReadonlySet<Element>): PageField[] {
  const rows = table.rows;
  if (!rows) return [];
  const deep = table.deep === true;
  const seen = new Set<string>();
  const fields: PageField[] = [];
  for (const row of all(root, rows.row, deep)) {
    const key = rowKey(table, rows, row);
    // A row a declared field already read (or one inside it) is not listed twice.
    if (!key || seen.has(key) || [...taken].some((el) => el === row || row.contains(el) || el.contains(row))) continue;
    seen.add(key);
    const valueEl = rows.value ? first(row, rows.value, deep) : row;
    fields.push({ key, label: labelNear(row, table), value: valueOf(valueEl, rows.read ?? 'text', table) });
  }
  return fields;
}

/** The card as a context, or null when the card's root or name is not on the page. */
export function readTableCard(doc: Document, url: URL, ref: TableCardRef, table: CardTable): ClientContext | null {
  return withScopeMemo(() => readCardIn(doc, url, ref, table));
}

function readCardIn(doc: Document, url: URL, ref: TableCardRef, table: CardTable): ClientContext | null {
  const root = cardScope(doc, table);
  if (!root) return null;
  const own = new Map<string, PageField>();
  const taken = new Set<Element>();
  for (const spec of table.fields) {
    // Every alternative of a field is taken, so a stage read from Salesforce's Path is not
    // listed again as its StageName row.
    const el = fieldElement(root, table, spec);
    if (!el) continue;
    taken.add(el);
    if (own.has(spec.key)) continue;
    const field = readField(root, table, spec);
    if (field) own.set(spec.key, field);
  }
  const name = own.get('name')?.value ?? '';
  if (!name) {
    // A card without its name is a card we misread: strict tests say which anchor.
    queryAnchor(doc, table.fields.find((f) => f.key === 'name')?.find ?? table.root, `${table.adapterId}:name`);
    return null;
  }
  const slot = (key: string) => own.get(key)?.value || null;
  const phone = slot('phone');
  const email = slot('email');
  const person = ref.entity === 'contact' || ref.entity === 'lead' ? name : slot('contact');
  const contacts: Contact[] = phone || email || person ? [{ name: person ?? '', phones: phone ? [phone] : [], emails: email ? [email] : [] }] : [];
  const fields = [...own.values()].filter((f) => f.key !== 'stage').concat(readRows(root, table, taken));
  return {
    source: table.adapterId,
    account: url.host,
    entity: ref.entity,
    crmId: ref.id,
    url: url.href,
    name,
    pipeline: slot('pipeline'),
    stage: slot('stage'),
    stageId: null,
    budget: slot('budget') ?? '',
    responsible: slot('responsible'),
    company: ref.entity === 'company' ? name : slot('company'),
    contacts,
    fields,
    origin: 'dom',
  };
}

/** The element to outline for a key: a declared field, or a row by its key. */
export function locateTableField(doc: Document, key: string, table: CardTable): HTMLElement | null {
  return withScopeMemo(() => locateIn(doc, key, table));
}

function locateIn(doc: Document, key: string, table: CardTable): HTMLElement | null {
  const root = table.scope ? first(doc, table.scope, table.deep === true) ?? doc : doc;
  for (const spec of table.fields) {
    if (spec.key !== key) continue;
    const el = fieldElement(root, table, spec);
    if (el) return el;
  }
  const rows = table.rows;
  if (!rows) return null;
  return all(root, rows.row, table.deep === true).find((row) => rowKey(table, rows, row) === key) ?? null;
}

/** What a table-read site declares; the adapter's entry points are derived from it. */
export interface TableSite {
  id: string;
  label: string;
  hosts: readonly string[];
  examples: { url: string; card: boolean }[];
  matches(url: URL): boolean;
  parseCardUrl(url: URL): TableCardRef | null;
  table: CardTable;
}

