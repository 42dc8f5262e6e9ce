/** Who sent a runtime message or opened a port, as the browser reports it. */
export interface SenderLike {
  id?: string | undefined;
  url?: string | undefined;
  origin?: string | undefined;
  tab?: { id?: number } | undefined;
}

export interface OwnExtension {
  /** runtime.id */
  id: string;
  /** runtime.getURL('') without the trailing slash: chrome-extension://<id>, moz-extension://<uuid>. */
  origin: string;
}

/**
 * True only for the extension's own pages: the panel (also when docked in a CRM tab), the side
 * panel, the popup, the options page. A content script carries our id too, but its url is the
 * CRM page's, so it cannot configure sync, read the sync status or log in another tab's name.
 */
export function isExtensionPageSender(sender: SenderLike | undefined, own: OwnExtension): boolean {
  if (sender === undefined || sender.id !== own.id) return false;
  const prefix = `${own.origin}/`;
  if (sender.url === undefined || !sender.url.startsWith(prefix)) return false;
  // Chrome also reports the origin; when it does, it must agree.
  return sender.origin === undefined || sender.origin === own.origin;
}
