/**
 * Outlines the CRM form fields that the current stage requires but are empty.
 * An outline (not a border) is used on purpose: it takes no space, so the CRM's form never
 * shifts. Marks are one data attribute plus one style element, both removed by clearOutline.
 */
export const OUTLINE_ATTRIBUTE = 'data-sufler-missing';
const STYLE_ID = 'sufler-outline-style';

const OUTLINE_CSS = `[${OUTLINE_ATTRIBUTE}]{outline:2px solid #e5484d !important;outline-offset:2px !important;border-radius:4px}`;

function ensureStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = OUTLINE_CSS;
  (doc.head ?? doc.documentElement).append(style);
}

/** Marks exactly `elements` (and unmarks everything else). */
export function applyOutline(doc: Document, elements: readonly HTMLElement[]): void {
  // Marks only exist while our style does (it is added before the first mark and removed
  // after the last), so with nothing marked and nothing wanted there is nothing to scan.
  if (elements.length === 0 && !doc.getElementById(STYLE_ID)) return;
  const wanted = new Set(elements);
  for (const el of doc.querySelectorAll<HTMLElement>(`[${OUTLINE_ATTRIBUTE}]`)) {
    if (!wanted.has(el)) el.removeAttribute(OUTLINE_ATTRIBUTE);
  }
  if (elements.length === 0) {
    doc.getElementById(STYLE_ID)?.remove();
    return;
  }
  ensureStyle(doc);
  for (const el of elements) el.setAttribute(OUTLINE_ATTRIBUTE, '');
}

export function clearOutline(doc: Document): void {
  applyOutline(doc, []);
}
