/**
 * Addresses from a header-style list as webmails send them in form fields:
 * `"Иван Петров" <ivan@romashka.test>, buh@romashka.test; Olga <olga@vesna.test>`.
 * Commas and semicolons inside quotes or angle brackets do not split. Lowercased, deduplicated,
 * in order; a part without `@` is dropped. Bounded: at most 500 addresses are read.
 */
const MAX_ADDRESSES = 500;

export function addressesFromList(list: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (const ch of list) {
    if (ch === '"' && !angle) quoted = !quoted;
    else if (ch === '<' && !quoted) angle = true;
    else if (ch === '>' && !quoted) angle = false;
    if ((ch === ',' || ch === ';') && !quoted && !angle) {
      parts.push(current);
      current = '';
      if (parts.length >= MAX_ADDRESSES) break;
    } else current += ch;
  }
  parts.push(current);
  const out = new Set<string>();
  for (const part of parts) {
    const bracket = /<([^<>]*)>\s*$/.exec(part);
    const address = (bracket ? bracket[1]! : part.replace(/"[^"]*"/g, '')).trim().toLowerCase();
    if (/^[^\s@<>",;]+@[^\s@<>",;]+$/.test(address)) out.add(address);
    if (out.size >= MAX_ADDRESSES) break;
  }
  return [...out];
}
