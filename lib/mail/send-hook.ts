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
    const question: SendQuestion = { tag: CHANNEL_TAG, kind: 'send', ask, site, from, letter: { messageId, to, cc, bcc, subject } };
    win.postMessage(question, '*');
  });
}

/** The request body with the pixel, or the body unchanged when there is none or it cannot be placed. */
async function bodyToSend(win: HookWindow, hook: SendHookOptions, body: string, letter: OutgoingLetter): Promise<string> {
  const { adapter } = hook;
  const pixel = await askForPixel(win, adapter.id, safely(() => hook.sender()), letter);
  if (pixel === null) return body;
  return safely(() => adapter.addPixelToSendRequest(body, pixel)) ?? body;
}

/** The letter a request sends, or null for any other request (a draft save, a read, a non-string body). */
function letterSent(adapter: MailAdapter, method: string, url: string, body: unknown): OutgoingLetter | null {
  if (method.toUpperCase() !== 'POST' || typeof body !== 'string' || safely(() => adapter.isSendRequest(url)) !== true) return null;
  return safely(() => adapter.readSendRequest(body));
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
    const letter = request === undefined || !request.async ? null : letterSent(adapter, request.method, request.url, body);
    if (letter === null) return originalSend.call(this, body);
    void bodyToSend(win, hook, body as string, letter).then((finalBody) => {
      try {
        originalSend.call(this, finalBody);
      } catch {
        // Aborted by the webmail while we waited: nothing to send.
      }
    });
  };

  win.fetch = function fetch(input: RequestInfo | URL, init?: RequestInit) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET');
    const letter = letterSent(adapter, method, url, init?.body);
    if (letter === null) return originalFetch.call(win, input, init);
    return bodyToSend(win, hook, init!.body as string, letter).then((body) => originalFetch.call(win, input, { ...init, body }));
  } as typeof win.fetch;

  return () => {
    proto.open = originalOpen;
    proto.send = originalSend;
    win.fetch = originalFetch;
  };
}
