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
  /**
   * True when the webmail will send the letter later (Yandex `send_time`, Mail.ru `send_date`):
   * the pixel is in it, but "sent" is not now. Absent for a letter sent now.
   */
  scheduled?: boolean;
}

/**
 * How a send request's body is written. The page may hand the body over as a string, or (form
 * webmails) as URLSearchParams or FormData; the hook turns those into the string form first
 * (`form-body.ts`) and sends the modified body back as that string with `contentType`.
 */
export interface SendBodyEncoding {
  kind: 'json' | 'form';
  /** The Content-Type to send a modified body with when the page gave a non-string body. */
  contentType: string;
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
  /** How the body is written; absent means a JSON string (Gmail). */
  readonly bodyEncoding?: SendBodyEncoding;
  /**
   * A request header that may carry the whole body, URL-encoded, while the request body is empty
   * (OWA's `X-OWA-UrlPostData`). The hook then reads the body from it (`bodyFromHeader`), and
   * sends a modified body as the request body with the header removed.
   */
  readonly bodyHeader?: string;
}

/** The body a `bodyHeader` carries, or null when it cannot be decoded. Never throws. */
export function bodyFromHeader(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
