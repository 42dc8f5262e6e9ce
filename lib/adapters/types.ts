import type { ClientContext } from '../context/client-context';

/**
 * A site adapter is a pure reader: given the page (and what the page's own JavaScript
 * handed over, if anything) it returns the client context, or null when the page shows
 * no client card. No side effects, no timers; it never throws (bad markup → null).
 */
export interface SiteAdapter {
  id: string;
  label: string;
  /**
   * Example URLs by page kind; the registry test checks each matches as declared. selfHosted:
   * a CRM on a company's own domain, enabled per origin later, so not in the manifest's hosts.
   */
  examples: { url: string; card: boolean; selfHosted?: boolean }[];
  /** Does this adapter handle pages at this URL at all? */
  matches(url: URL): boolean;
  /** Is this URL a client card (as opposed to a list, settings, …)? */
  isCard(url: URL): boolean;
  read(doc: Document, url: URL, pageData?: unknown): ClientContext | null;
  /**
   * A reader for one page that may remember what it read: given the nodes changed since
   * its last call (null: everything may have changed) it re-reads only what they touch.
   * Same result as read(); the content script's watcher uses it.
   */
  createReader(): CardReader;
  /** The element to outline for a PageField.key, or null when it is not on the page. */
  locateField(doc: Document, key: string): HTMLElement | null;
  /**
   * The card's own event feed (alternatives, first match wins): the docked panel pushes the
   * page aside only while this stays readable beside it (lib/content/panel-room.ts).
   */
  feedSelectors?: readonly string[];
}

export type CardReader = (doc: Document, url: URL, pageData: unknown, changed: ReadonlySet<Node> | null) => ClientContext | null;
