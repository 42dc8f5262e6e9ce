import { formBodyFromEntries } from '../adapters/mail/form-body';
import type { MailAdapter, OutgoingLetter } from '../adapters/mail/mail-adapter';
import { CHANNEL_TAG, fromSameWindow, isSendAnswer, type SendQuestion } from './page-channel';

/**
 * How long a send waits for the pixel. Past this the letter goes out untouched: a slow or
 * absent team server may cost a letter its tracking, never its delivery.
 */
export const ANSWER_TIMEOUT_MS = 5000;

export type HookWindow = Pick<Window, 'document' | 'fetch' | 'postMessage' | 'addEventListener' | 'removeEventListener' | 'setTimeout' | 'clearTimeout'> & {
  XMLHttpRequest: typeof XMLHttpRequest;
};

interface OpenedRequest {
  method: string;
  url: string;
  async: boolean;
}

/** Runs `f`; any exception means "not ours" (null), since a bug of ours must not stop a send. */
function safely<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

/** An id no other script in the page can guess, so it cannot answer in our name. */
function questionId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Asks the content script for the pixel of one letter; null on a timeout or a refusal. */
function askForPixel(win: HookWindow, site: string, from: string | null, letter: OutgoingLetter): Promise<string | null> {
  const ask = questionId();
  return new Promise((resolve) => {
    const done = (pixel: string | null): void => {
      win.removeEventListener('message', onMessage);
      win.clearTimeout(timer);
      resolve(pixel);
    };
    const onMessage = (event: MessageEvent): void => {
      if (fromSameWindow(event, win) && isSendAnswer(event.data, ask)) done(event.data.pixelHtml);
    };
    const timer = win.setTimeout(() => done(null), ANSWER_TIMEOUT_MS);
    win.addEventListener('message', onMessage);
    const { messageId, to, cc, bcc, subject } = letter;
    // A new letter may have no id yet (Outlook's CreateItem): the question's own id stands in.
    const question: SendQuestion = { tag: CHANNEL_TAG, kind: 'send', ask, site, from, letter: { messageId: messageId === '' ? `new-${ask}` : messageId, to, cc, bcc, subject } };
    win.postMessage(question, '*');
  });
}

/** The request body with the pixel, or the body unchanged when there is none or it cannot be placed. */
/** The text to send instead of the page's body, or null to send the page's body unchanged. */
async function bodyToSend(win: HookWindow, hook: SendHookOptions, held: HeldSend): Promise<string | null> {
  const { adapter } = hook;
  const pixel = await askForPixel(win, adapter.id, safely(() => hook.sender()), held.letter);
  if (pixel === null) return null;
  return safely(() => adapter.addPixelToSendRequest(held.text, pixel));
}

/**
 * A request body as text: a string as it is; for a form webmail, URLSearchParams or FormData
 * of text fields in their urlencoded form (`converted`: sending the text instead needs the
 * adapter's Content-Type). Null for anything else (a file upload, a stream).
 */
function bodyText(adapter: MailAdapter, body: unknown): { text: string; converted: boolean } | null {
  if (typeof body === 'string') return { text: body, converted: false };
  if (adapter.bodyEncoding?.kind !== 'form') return null;
  if (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) return { text: body.toString(), converted: true };
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    const entries = [...body.entries()];
    if (!entries.every(([, v]) => typeof v === 'string')) return null;
    return { text: formBodyFromEntries(entries as [string, string][]), converted: true };
  }
  return null;
}

interface HeldSend {
  letter: OutgoingLetter;
  text: string;
  converted: boolean;
}

/** The letter a request sends, or null for any other request (a draft save, a read, an upload). */
function letterSent(adapter: MailAdapter, method: string, url: string, body: unknown): HeldSend | null {
  if (method.toUpperCase() !== 'POST' || safely(() => adapter.isSendRequest(url)) !== true) return null;
  const text = safely(() => bodyText(adapter, body));
  if (text === null) return null;
  const letter = safely(() => adapter.readSendRequest(text.text));
  return letter === null ? null : { letter, ...text };
}

/**
 * Wraps the page's XMLHttpRequest and fetch so that a request sending a letter is held until
 * the pixel is known, then goes out with the pixel in its HTML (the research notes: a pixel in
 * the compose DOM is fetched while composing and may be dropped on send). Every other request
 * passes straight through. Runs in the page's world, before the webmail's own code; returns
 * a function that takes the wrappers out again.
 */
export interface SendHookOptions {
  adapter: MailAdapter;
  /** The signed-in mailbox, read from the page's own state when the send happens. */
  sender: () => string | null;
}

export function installSendHook(win: HookWindow, hook: SendHookOptions): () => void {
  const { adapter } = hook;
  const proto = win.XMLHttpRequest.prototype;
  const originalOpen = proto.open;
  const originalSend = proto.send;
  const originalFetch = win.fetch;
  const opened = new WeakMap<XMLHttpRequest, OpenedRequest>();

  proto.open = function open(this: XMLHttpRequest, ...args: unknown[]) {
    const [method, url, async] = args;
    opened.set(this, { method: String(method), url: String(url), async: async !== false });
    return (originalOpen as (...a: unknown[]) => void).apply(this, args);
  } as typeof proto.open;

  proto.send = function send(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const request = opened.get(this);
    const held = request === undefined || !request.async ? null : letterSent(adapter, request.method, request.url, body);
    if (held === null) return originalSend.call(this, body);
    void bodyToSend(win, hook, held).then((text) => {
      try {
        if (text !== null && held.converted) this.setRequestHeader('content-type', adapter.bodyEncoding!.contentType);
        originalSend.call(this, text ?? body);
      } catch {
        // Aborted by the webmail while we waited: nothing to send.
      }
    });
  };

  win.fetch = function fetch(input: RequestInfo | URL, init?: RequestInit) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET');
    const held = letterSent(adapter, method, url, init?.body);
    if (held === null) return originalFetch.call(win, input, init);
    return bodyToSend(win, hook, held).then((text) => {
      if (text === null) return originalFetch.call(win, input, init);
      const headers = new Headers(init?.headers);
      if (held.converted) headers.set('content-type', adapter.bodyEncoding!.contentType);
      return originalFetch.call(win, input, { ...init, headers, body: text });
    });
  } as typeof win.fetch;

  return () => {
    proto.open = originalOpen;
    proto.send = originalSend;
    win.fetch = originalFetch;
  };
}
