/**
 * How the playbook's words are compared with what a CRM page shows. CRMs differ in case,
 * spacing, "ё"/"е" and decorations such as a trailing colon or the asterisk of a required
 * field, so both sides are reduced to one plain form before comparing.
 */

/** Lower case, 'ё' as 'е', whitespace (non-breaking included) collapsed and trimmed. */
export function normalizeText(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/** A field label as written beside a form input: "Телефон:" and "Бюджет *" name the same thing. */
export function normalizeLabel(s: string): string {
  return normalizeText(normalizeText(s).replace(/[\s:*]+$/, ''));
}

/** True when the page label names the same field as one of the aliases. */
export function labelMatches(label: string, aliases: readonly string[]): boolean {
  const wanted = normalizeLabel(label);
  if (wanted === '') return false;
  return aliases.some((alias) => normalizeLabel(alias) === wanted);
}

/** Whitespace-only counts as empty: a field holding a stray space is not filled in. */
export function isBlank(s: string | null | undefined): boolean {
  return s == null || s.trim() === '';
}
