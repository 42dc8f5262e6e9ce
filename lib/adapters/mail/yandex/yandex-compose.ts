import { readSubjectAnchoredComposes, type MailCompose, type RecipientField, type SubjectAnchoredCompose } from '../mail-compose';

/*
 * Yandex Mail's React compose (SOURCES.md; classes are BEM names, the same in every UI
 * language). Each compose is found by its subject field and bounded by the nearest ancestor
 * that also holds its send button, so a full-page compose, a popup and a quick reply under a
 * thread are read alike, several at once.
 */
export const YANDEX_COMPOSE = {
  /** 2019–2025 Selenium/Cypress page objects; `name` is not translated. */
  subject: ['input[name="subject"]', 'input.ComposeSubject-TextField'],
  sendButton: [
    '.ComposeSendButton button', // 2023+ (ids 33463616899, 8083843609)
    'div.ComposeSendButton_desktop > button',
    '.ComposeControlPanelButton-Button_action', // older control panel (girik108/simbirsoft_sdet)
  ],
  /** Field rows by class; the `aria-label` variants are the last resort (en, ru as observed). */
  fields: {
    to: ['.ComposeRecipients-ToField', '.tst-field-to', '.composeYabbles[aria-label="To"]', '.composeYabbles[aria-label="Кому"]'],
    cc: ['.ComposeRecipients-CcField', '.tst-field-cc', '.composeYabbles[aria-label="Cc"]', '.composeYabbles[aria-label="Копия"]'],
    bcc: ['.ComposeRecipients-BccField', '.tst-field-bcc', '.composeYabbles[aria-label="Bcc"]', '.composeYabbles[aria-label="Скрытая копия"]'],
  } satisfies Record<RecipientField, readonly string[]>,
  /** Committed recipient chips ("yabbles"); the address is in `data-email` (id 69790808031, 2026). */
  chips: '.js-yabble, .yabble-compose',
  chipAttributes: ['data-email', 'data-value', 'email', 'title'],
} as const satisfies SubjectAnchoredCompose;

export function readYandexComposes(doc: ParentNode): MailCompose[] {
  return readSubjectAnchoredComposes(doc, YANDEX_COMPOSE);
}
