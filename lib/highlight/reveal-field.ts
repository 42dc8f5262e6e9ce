/**
 * Brings a CRM form field into view when the manager clicks its checklist row. CRMs split the
 * card's fields into tabs of their own (amoCRM's «Основное», «Квалификация»): a field on a
 * hidden tab is shown by clicking that tab, as the manager would. The tab is found without
 * knowing the CRM: the hidden ancestor's data-id, or an aria-controls pointing at it.
 * Returns false when the field could not be shown; never throws into the page.
 */
const FLASH_MS = 1600;

function isHidden(el: HTMLElement): boolean {
  return el.style.display === 'none' || el.hidden || el.getAttribute('aria-hidden') === 'true';
}

/** The tab that shows `pane`: a control pointing at its id, or a tab-like element sharing its data-id. */
function tabFor(doc: Document, pane: HTMLElement): HTMLElement | null {
  if (pane.id) {
    const byControls = doc.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(pane.id)}"]`);
    if (byControls) return byControls;
  }
  const id = pane.dataset['id'];
  if (!id) return null;
  const candidates = Array.from(doc.querySelectorAll<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)).filter(
    (el) => el !== pane && !pane.contains(el) && !el.contains(pane),
  );
  return candidates.find((el) => el.getAttribute('role') === 'tab' || /(^|[\s_-])tab/i.test(el.className)) ?? null;
}

/** Clicks the tab of every hidden pane around the field, outermost first. */
function openTabs(doc: Document, field: HTMLElement): void {
  const panes: HTMLElement[] = [];
  for (let el = field.parentElement; el && el !== doc.body; el = el.parentElement) {
    if (isHidden(el)) panes.unshift(el);
  }
  for (const pane of panes) tabFor(doc, pane)?.click();
}

export function revealField(doc: Document, field: HTMLElement): boolean {
  try {
    openTabs(doc, field);
    field.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const control = field.querySelector<HTMLElement>('input:not([type="hidden"]), textarea, select, button, [contenteditable="true"]');
    control?.focus({ preventScroll: true });
    // A short flash says which field was meant; the page's own inline outline comes back after.
    const before = field.style.outline;
    field.style.outline = '3px solid #3b82f6';
    setTimeout(() => {
      field.style.outline = before;
    }, FLASH_MS);
    return field.getClientRects().length > 0;
  } catch {
    return false;
  }
}
