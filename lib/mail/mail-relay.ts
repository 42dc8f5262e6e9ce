import { CHANNEL_TAG, fromSameWindow, isSendQuestion, type SendAnswer } from './page-channel';

/** What the relay needs of the extension API (the content script's own `browser`). */
export interface RelayApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

type RelayWindow = Pick<Window, 'addEventListener' | 'postMessage' | 'document'>;

function pixelOf(answer: unknown): string | null {
  const pixel = (answer as { pixelHtml?: unknown } | null)?.pixelHtml;
  return typeof pixel === 'string' ? pixel : null;
}

/**
 * The webmail tab's isolated content script: passes each letter the page-world hook is about
 * to send to the background (which decides on tracking, issues the token and logs the touch)
 * and hands the answer back. Any failure answers "no pixel", so the letter still goes out.
 */
export function startMailRelay(win: RelayWindow, signal: AbortSignal, api: RelayApi, site: string): void {
  win.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (!fromSameWindow(event, win) || !isSendQuestion(event.data) || event.data.site !== site) return;
      const { ask, from, letter } = event.data;
      const reply = (pixelHtml: string | null): void => {
        const answer: SendAnswer = { tag: CHANNEL_TAG, kind: 'send-answer', ask, pixelHtml };
        win.postMessage(answer, '*');
      };
      api.runtime
        .sendMessage({ type: 'mail:send', site, from, letter })
        .then((answer) => reply(pixelOf(answer)))
        .catch(() => reply(null));
    },
    { signal },
  );
}
