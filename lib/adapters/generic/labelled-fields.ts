import type { PageField } from '../../context/client-context';
import { normaliseSpace, textOf } from '../dom-lookup';

/**
 * Fields of any form, found the way a person finds them: by the visible label. A label is
 * taken from, in order: aria-labelledby, aria-label, <label for>, a wrapping <label>, or the
 * label-like element just before the control in the same row (dt/dd, th/td, div pairs).
 * Read-only cards (dt/dd or th/td with text and no control) count as fields too.
 * Radio buttons are left out: a group has no single control to outline.
 */
const CONTROLS =
  'input:not([type="hidden"]):not([type="submit"]):not([type="button"]):not([type="reset"]):not([type="image"]):not([type="radio"]):not([type="file"]):not([type="search"]), select, textarea';
/** Longer text before a control is prose, not a label. */
const MAX_LABEL_CHARS = 60;

export interface LabelledField {
  field: PageField;
  element: HTMLElement;
}

/** 'Название сделки:*' → 'название сделки'. */
export function normaliseLabel(label: string): string {
  return normaliseSpace(label).replace(/[\s:*]+$/, '').toLowerCase();
}

function textWithoutControls(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  clone.querySelectorAll('input, select, textarea, button').forEach((c) => c.remove());
  return textOf(clone);
}

function isLabelLike(el: Element | null): el is HTMLElement {
  // Links and buttons before a control are navigation, not its caption.
  if (!el || el.querySelector(CONTROLS) || el.matches('a, button, [role="button"]')) return false;
  const text = textOf(el);
  return text !== '' && text.length <= MAX_LABEL_CHARS;
}

/** The label-like element right before the control's row cell (dd←dt, td←th/td, div←div). */
function precedingLabel(control: Element): HTMLElement | null {
  let node: Element | null = control;
  for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) {
    const prev: Element | null = node.previousElementSibling;
    if (prev && isLabelLike(prev)) return prev;
    if (prev) return null; // a sibling that is not a label: this is not a label/value row
  }
  return null;
}

function labelFor(doc: Document, control: HTMLElement): string {
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = normaliseSpace(labelledBy.split(/\s+/).map((id) => textOf(doc.getElementById(id))).join(' '));
    if (text) return text;
  }
  const aria = normaliseSpace(control.getAttribute('aria-label'));
  if (aria) return aria;
  if (control.id) {
    const forLabel = Array.from(doc.querySelectorAll('label[for]')).find((l) => l.getAttribute('for') === control.id);
    if (forLabel) return textWithoutControls(forLabel);
  }
  const wrapping = control.closest('label');
  if (wrapping) {
    const text = textWithoutControls(wrapping);
    if (text) return text;
  }
  return textOf(precedingLabel(control));
}

function controlValue(control: HTMLElement): string {
  if (control instanceof HTMLSelectElement) {
    const option = control.selectedOptions[0];
    return option && option.value !== '' ? textOf(option) : '';
  }
  if (control instanceof HTMLInputElement && control.type === 'checkbox') return control.checked ? '1' : '';
  return normaliseSpace((control as HTMLInputElement | HTMLTextAreaElement).value);
}

/** dt/dd and th/td pairs whose value cell holds text, not a control. */
function staticPairs(doc: Document): { label: string; element: HTMLElement }[] {
  const pairs: { label: string; element: HTMLElement }[] = [];
  for (const cell of Array.from(doc.querySelectorAll<HTMLElement>('dd, td'))) {
    if (cell.querySelector(CONTROLS)) continue;
    const prev = cell.previousElementSibling;
    const labelTag = cell.tagName === 'DD' ? 'DT' : 'TH';
    if (prev?.tagName === labelTag && isLabelLike(prev)) pairs.push({ label: textOf(prev), element: cell });
  }
  return pairs;
}

/** Every labelled field with its element, in document order; duplicate labels get '#2', '#3'. */
export function collectLabelledFields(doc: Document): LabelledField[] {
  const found: { label: string; value: string; element: HTMLElement }[] = [];
  for (const control of Array.from(doc.querySelectorAll<HTMLElement>(CONTROLS))) {
    const label = labelFor(doc, control);
    if (label) found.push({ label, value: controlValue(control), element: control });
  }
  for (const pair of staticPairs(doc)) found.push({ ...pair, value: textOf(pair.element) });
  found.sort((a, b) => (a.element.compareDocumentPosition(b.element) & 4 ? -1 : 1)); // 4 = FOLLOWING

  const seen = new Map<string, number>();
  return found.flatMap(({ label, value, element }) => {
    const base = normaliseLabel(label);
    if (!base) return [];
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const key = `label:${base}${count > 1 ? `#${count}` : ''}`;
    return [{ field: { key, label: normaliseSpace(label).replace(/[\s:*]+$/, ''), value }, element }];
  });
}

export function readLabelledFields(doc: Document): PageField[] {
  return collectLabelledFields(doc).map((f) => f.field);
}

export function locateLabelledField(doc: Document, key: string): HTMLElement | null {
  return collectLabelledFields(doc).find((f) => f.field.key === key)?.element ?? null;
}
