/**
 * Text read off a CRM page made fit for the server: NULs dropped, lone surrogates replaced, cut
 * to `max` UTF-16 units without splitting a surrogate pair. A page may show anything; the
 * snapshot must still be accepted.
 */
export function storableText(raw: string, max: number): string {
  const clean = raw.replace(/\u0000/g, '').toWellFormed();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  // A high surrogate left at the end lost its pair.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
