/**
 * The note Sufler puts into the CRM for a logged touch, and the tag that lets the panel
 * recognise it when the CRM's feed shows it back: "[Sufler 7K3F9A2B]", the last 8 characters
 * of the touch's ULID (40 random bits). The tag is plain text on purpose: it survives the
 * CRM's formatting, and colleagues reading the card see where the note came from.
 */
const TAG_LENGTH = 8;
const TAG_PATTERN = /\[Sufler ([0-9A-Za-z]{8})\]/g;

export function suflerTag(touchId: string): string {
  return touchId.slice(-TAG_LENGTH).toUpperCase();
}

/** "Звонок · Дозвонился: ждут КП [Sufler 7K3F9A2B]"; the labels come in the UI language. */
export function crmNoteText(parts: { kind: string; outcome: string; comment: string; touchId: string }): string {
  const head = parts.outcome === '' ? parts.kind : `${parts.kind} · ${parts.outcome}`;
  const comment = parts.comment.trim();
  return `${comment === '' ? head : `${head}: ${comment}`} [Sufler ${suflerTag(parts.touchId)}]`;
}

/** Every Sufler tag in a text, upper-cased. */
export function suflerTagsIn(text: string): string[] {
  return [...text.matchAll(TAG_PATTERN)].map((m) => (m[1] ?? '').toUpperCase());
}
