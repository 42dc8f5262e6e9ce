import type { ClientContext } from '../context/client-context';
import { isStrictLookups } from './dom-lookup';
import type { CardReader } from './types';

/** A site's card reader: the whole card, or (given a cache and the changed nodes) only what changed. */
export type CardRead<Cache> = (
  doc: Document,
  url: URL,
  pageData: unknown,
  cache?: Cache,
  changed?: ReadonlySet<Node> | null,
) => ClientContext | null;

/*
 * What every site adapter's entry points share, made safe for the host page: a page we do not
 * understand is not a card we can show, so errors become null — except in strict test mode,
 * where the SelectorError names the anchor that drifted. Adapters call these from arrow
 * functions in their object literal, so an adapter nothing looks up stays out of the bundle.
 */

export function guardedRead<Cache>(readCard: CardRead<Cache>, doc: Document, url: URL, pageData: unknown): ClientContext | null {
  try {
    return readCard(doc, url, pageData);
  } catch (error) {
    if (isStrictLookups()) throw error;
    return null;
  }
}

export function guardedIncrementalReader<Cache>(readCard: CardRead<Cache>, newCache: () => Cache): CardReader {
  let cache = newCache();
  let lastUrl = '';
  return (doc, url, pageData, changed) => {
    try {
      // Another card (an in-app switch) is read whole.
      const sameUrl = url.href === lastUrl;
      lastUrl = url.href;
      return readCard(doc, url, pageData, cache, sameUrl ? changed : null);
    } catch (error) {
      cache = newCache();
      if (isStrictLookups()) throw error;
      return null;
    }
  };
}

export function guardedLocate(locate: (doc: Document, key: string) => HTMLElement | null, doc: Document, key: string): HTMLElement | null {
  try {
    return locate(doc, key);
  } catch {
    return null;
  }
}
