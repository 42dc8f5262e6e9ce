import { readSubjectAnchoredComposes, type MailCompose, type RecipientField, type SubjectAnchoredCompose } from '../mail-compose';

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
} as const satisfies SubjectAnchoredCompose;

export function readMailruComposes(doc: ParentNode): MailCompose[] {
  return readSubjectAnchoredComposes(doc, MAILRU_COMPOSE);
}
