import { normaliseSpace, queryAllOf, queryOrNull } from '../../dom-lookup';
import { chipAddresses, enclosingRoot, RECIPIENT_FIELDS, type MailCompose, type RecipientField } from '../mail-compose';

/*
 * Mail.ru's compose (octavius; SOURCES.md). Classes are CSS-module hashes (`container--H9L5q`)
 * that change with each build, so only `name`, `data-test-id`, `data-type` and `title`
 * attributes are used; `.compose-app` is the one readable class of the window.
 */
export const MAILRU_COMPOSE = {
  subject: ['input[name="Subject"]'],
  root: ['.compose-app'],
  sendButton: ['button[data-test-id="send"]', '[data-test-id="send"]'],
  /** Recipient rows by `data-type` [G: not seen in a source; see SOURCES.md]. */
  fields: {
    to: ['[data-type="to"]'],
    cc: ['[data-type="cc"]'],
    bcc: ['[data-type="bcc"]'],
  } satisfies Record<RecipientField, readonly string[]>,
  /** A committed recipient shows its address in `title` (as the letter view's `.letter-contact`). */
  chips: '[title]',
  chipAttributes: ['data-email', 'title'],
} as const;

export function readMailruComposes(doc: ParentNode): MailCompose[] {
  const seen = new Set<Element>();
  const composes: MailCompose[] = [];
  for (const subject of queryAllOf<HTMLInputElement>(doc, MAILRU_COMPOSE.subject)) {
    const root = subject.closest(MAILRU_COMPOSE.root.join(',')) ?? enclosingRoot(subject, MAILRU_COMPOSE.sendButton);
    if (root === null || seen.has(root)) continue;
    seen.add(root);
    const read = (field: RecipientField): string[] => {
      const row = queryOrNull(root, MAILRU_COMPOSE.fields[field]);
      return row === null ? [] : chipAddresses(row.querySelectorAll(MAILRU_COMPOSE.chips), MAILRU_COMPOSE.chipAttributes);
    };
    const [to, cc, bcc] = RECIPIENT_FIELDS.map(read) as [string[], string[], string[]];
    composes.push({ root, composeId: null, subject: normaliseSpace(subject.value), to, cc, bcc, sendButton: queryOrNull(root, MAILRU_COMPOSE.sendButton) });
  }
  return composes;
}
