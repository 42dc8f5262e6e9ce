import type { ClientContext } from '../context/client-context';
import type { FeedReader } from '../crm-feed/feed-reader';

/**
 * A site adapter is a pure reader: given the page (and what the page's own JavaScript
 * handed over, if anything) it returns the client context, or null when the page shows
 * no client card. No side effects, no timers; it never throws (bad markup → null).
 */
export interface SiteAdapter {
  id: string;
  label: string;
  /**
   * Manifest match patterns of the hosts the user installed Sufler for. The manifest's
   * content_scripts, host_permissions and web_accessible_resources are built from these
   * (lib/adapters/site-manifest.ts); a self-hosted install is enabled per origin instead.
   */
  hosts: readonly string[];
  /**
   * Inject into every frame of these hosts, not only the top one: the site opens cards in an
   * iframe (Bitrix24's slider). The frame showing the card reads it; see cardInChildFrame.
   */
  allFrames?: boolean;
  /**
   * The site's page-world helper, lib/adapters/<id>/page-helper.ts, runs in the page's MAIN
   * world on these hosts only (data the site's own JavaScript holds).
   */
  pageHelper?: boolean;
  /**
   * The card shown on this page lives in a child frame (a slider over a list) whose own
   * content script reads it; the top frame then publishes nothing, so it does not blank the
   * child's card.
   */
  cardInChildFrame?(doc: Document, url: URL): boolean;
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
  /** A reader of the card's own event feed (notes, calls, letters, tasks); absent: not read. */
  createFeedReader?(): FeedReader;
  /**
   * Put text into the CRM's own note composer for the manager to confirm there (the CRM then
   * records the note natively); false when the page has no composer. Never submits.
   */
  fillNoteComposer?(doc: Document, text: string): boolean;
}

export type CardReader = (doc: Document, url: URL, pageData: unknown, changed: ReadonlySet<Node> | null) => ClientContext | null;
