/**
 * An id for a feed item the page gives none: a short hash of what it says, so the same
 * item read twice gets the same id and two different ones (almost surely) do not.
 */
export function contentId(kind: string, dateText: string, text: string): string {
  const source = `${kind}\u0000${dateText}\u0000${text}`;
  // FNV-1a, 32 bits, twice with different seeds: 64 bits are plenty for one card's feed.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < source.length; i += 1) {
    const c = source.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `h:${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}
