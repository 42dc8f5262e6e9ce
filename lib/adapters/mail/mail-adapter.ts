/**
 * A webmail is not a CRM card: its adapter reads letters being sent, not a record on screen.
 * Adapters are pure (strings in, values out), so they are tested on fixtures without a browser;
 * the page-world hook that sees the send request calls them.
 */
export interface OutgoingLetter {
  /** The webmail's own id of the message (Gmail: `msg-a:r…`). */
  messageId: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  html: string;
}

export interface MailAdapter {
  readonly id: string;
  /** Hosts whose pages the adapter serves (content-script matches are built from these). */
  readonly hosts: readonly string[];
  /** True for the request that sends a letter (not a draft save). */
  isSendRequest(url: string): boolean;
  /** The letter a send request carries, or null when the body is not a send or cannot be read. */
  readSendRequest(body: string): OutgoingLetter | null;
  /**
   * The same request body with `pixelHtml` appended to the letter's HTML, or null when the
   * body cannot be read (then the letter goes out untouched). Nothing else changes.
   */
  addPixelToSendRequest(body: string, pixelHtml: string): string | null;
}
