/**
 * The two lookup primitives every adapter uses. A selector is always a list of
 * alternatives (newest markup first, each commented where it is declared), so a host
 * redesign is handled by adding a variant, not by editing logic.
 *
 * - queryOrFail: for anchors the reader cannot do without, and for tests. A drifted
 *   selector then fails loudly with the adapter and the selectors named.
 * - queryOrNull: for parts that are absent on purpose (no rights, empty block, …).
 */
export class SelectorError extends Error {
  readonly adapterId: string;
  readonly selectors: readonly string[];

  constructor(adapterId: string, selectors: readonly string[]) {
    super(`[${adapterId}] no element matches any of: ${selectors.join(' | ')}`);
    this.name = 'SelectorError';
    this.adapterId = adapterId;
    this.selectors = selectors;
  }
}

/** First element matching the first alternative that matches anything; null on purpose. */
export function queryOrNull<E extends Element = HTMLElement>(
  root: ParentNode,
  selectors: readonly string[],
): E | null {
  for (const selector of selectors) {
    const found = root.querySelector<E>(selector);
    if (found) return found;
  }
  return null;
}

/** Like queryOrNull, but a missing element is an error naming the adapter and the selectors. */
export function queryOrFail<E extends Element = HTMLElement>(
  root: ParentNode,
  selectors: readonly string[],
  adapterId: string,
): E {
  const found = queryOrNull<E>(root, selectors);
  if (!found) throw new SelectorError(adapterId, selectors);
  return found;
}

let strictLookups = false;

/**
 * Runs fn in strict mode, for fixture tests: the anchors a reader requires are looked up with
 * queryOrFail, and adapters let errors out instead of reading "no card", so a drifted
 * selector fails the test with its own name. Off everywhere else (never in the host page).
 */
export function withStrictLookups<T>(fn: () => T): T {
  const previous = strictLookups;
  strictLookups = true;
  try {
    return fn();
  } finally {
    strictLookups = previous;
  }
}

export function isStrictLookups(): boolean {
  return strictLookups;
}

/** A required anchor: null when missing, or a SelectorError naming it in strict mode. */
export function queryAnchor<E extends Element = HTMLElement>(
  root: ParentNode,
  selectors: readonly string[],
  adapterId: string,
): E | null {
  return strictLookups ? queryOrFail<E>(root, selectors, adapterId) : queryOrNull<E>(root, selectors);
}

/** Every element matching the first alternative that matches anything (document order). */
export function queryAllOf<E extends Element = HTMLElement>(
  root: ParentNode,
  selectors: readonly string[],
): E[] {
  for (const selector of selectors) {
    const found = root.querySelectorAll<E>(selector);
    if (found.length > 0) return Array.from(found);
  }
  return [];
}

/** Collapses runs of whitespace (incl. non-breaking spaces) and trims; '' for nothing. */
export function normaliseSpace(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** The element's visible-ish text with whitespace normalised; '' for a missing element. */
export function textOf(el: Element | null | undefined): string {
  return normaliseSpace(el?.textContent);
}
