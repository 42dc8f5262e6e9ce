import { normaliseSpace, queryAllOf, queryOrNull } from '../../dom-lookup';
import { chipAddresses, enclosingRoot, type MailCompose, type RecipientField } from '../mail-compose';

/*
 * Outlook on the web's compose (Fluent UI; SOURCES.md). Classes are hashed, labels translated,
 * so the reader keys on what is neither: each compose's recipient groups have ids
 * `<prefix>_TO` / `_CC` / `_BCC` (the prefix is random per compose), the send button's id holds
 * `primaryActionButton`, resolved recipients are `._EType_RECIPIENT_ENTITY` chips whose
 * `aria-label` is the address (verified on outlook.live.com 2026-10-07, id 70086508265).
 */
export const OUTLOOK_COMPOSE = {
  toGroup: '[role="group"][id$="_TO"]',
  sendButton: ['button[id*="primaryActionButton"]', 'button[title*="Ctrl+Enter"]'],
  chips: '._EType_RECIPIENT_ENTITY',
  chipAttributes: ['aria-label', 'title'],
  /** English label (toggl/track-extension); other languages fall to the structural rule below. */
  subject: ['input[aria-label="Add a subject"]'],
  editor: '[id^="editorParent_"], [contenteditable="true"][role="textbox"]',
} as const;

const SUFFIX: Record<RecipientField, string> = { to: '_TO', cc: '_CC', bcc: '_BCC' };

/** The subject: by label, else the compose's first text box outside the recipients and body [G]. */
function subjectOf(root: Element): string {
  const labelled = queryOrNull<HTMLInputElement>(root, OUTLOOK_COMPOSE.subject);
  if (labelled !== null) return normaliseSpace(labelled.value);
  for (const input of Array.from(root.querySelectorAll<HTMLInputElement>('input'))) {
    const type = (input.getAttribute('type') ?? 'text').toLowerCase();
    if (type !== 'text' || input.closest('[role="group"]') !== null || input.closest(OUTLOOK_COMPOSE.editor) !== null) continue;
    return normaliseSpace(input.value);
  }
  return '';
}

export function readOutlookComposes(doc: ParentNode): MailCompose[] {
  const composes: MailCompose[] = [];
  const seen = new Set<Element>();
  for (const group of queryAllOf(doc, [OUTLOOK_COMPOSE.toGroup])) {
    const prefix = group.id.slice(0, -SUFFIX.to.length);
    const root = enclosingRoot(group, OUTLOOK_COMPOSE.sendButton);
    if (prefix === '' || root === null || seen.has(root)) continue;
    seen.add(root);
    const read = (field: RecipientField): string[] => {
      // getElementById-free: ids come from the page, so they are compared, never put in a selector.
      const row = Array.from(root.querySelectorAll('[role="group"]')).find((g) => g.id === `${prefix}${SUFFIX[field]}`);
      if (row === undefined) return [];
      const chips = chipAddresses(row.querySelectorAll(OUTLOOK_COMPOSE.chips), OUTLOOK_COMPOSE.chipAttributes);
      return chips.length > 0 ? chips : chipAddresses(row.querySelectorAll('[aria-label*="@"]'), ['aria-label']);
    };
    composes.push({
      root,
      composeId: prefix,
      subject: subjectOf(root),
      to: read('to'),
      cc: read('cc'),
      bcc: read('bcc'),
      sendButton: queryOrNull(root, OUTLOOK_COMPOSE.sendButton),
    });
  }
  return composes;
}
