import type { ClientContext } from '../context/client-context';
import { isStrictLookups } from './dom-lookup';
import type { SiteAdapter } from './types';

/** A site's card reader: the whole card, or (given a cache and the changed nodes) only what changed. */
export type CardRead<Cache> = (
  doc: Document,
  url: URL,
  pageData: unknown,
  cache?: Cache,
  changed?: ReadonlySet<Node> | null,
) => ClientContext | null;

/**
 * The three entry points every site adapter shares, made safe for the host page: a page we do
 * not understand is not a card we can show, so errors become null — except in strict test mode,
 * where the SelectorError names the anchor that drifted.
 */
export function guardedReaders<Cache>(
  readCard: CardRead<Cache>,
  newCache: () => Cache,
  locate: (doc: Document, key: string) => HTMLElement | null,
): Pick<SiteAdapter, 'read' | 'createReader' | 'locateField'> {
  return {
    read(doc, url, pageData) {
      try {
        return readCard(doc, url, pageData);
      } catch (error) {
        if (isStrictLookups()) throw error;
        return null;
      }
    },
    createReader() {
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
    },
    locateField(doc, key) {
      try {
        return locate(doc, key);
      } catch {
        return null;
      }
    },
  };
}
