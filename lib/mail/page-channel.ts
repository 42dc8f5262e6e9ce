/**
 * The page-world send hook and the isolated content script talk by window.postMessage, the one
 * channel both worlds share. Only what the page already holds crosses it (the letter Gmail is
 * sending, and the pixel that goes into that letter); the token and the server stay in the
 * background. Messages are tagged and checked by hand on arrival (no zod in page code).
 */
export const CHANNEL_TAG = 'sufler:mail';

/** The hook asks: may this letter carry a pixel, and which. */
export interface SendQuestion {
  tag: typeof CHANNEL_TAG;
  kind: 'send';
  /** Per question, so a late answer to an old question is never taken for a new one. */
  ask: string;
  site: string;
  /** The signed-in mailbox as the page knows it, or null: its own domain is never tracked. */
  from: string | null;
  letter: { messageId: string; to: string[]; cc: string[]; bcc: string[]; subject: string };
}

/** The content script answers: the markup to append, or null to send the letter untouched. */
export interface SendAnswer {
  tag: typeof CHANNEL_TAG;
  kind: 'send-answer';
  ask: string;
  pixelHtml: string | null;
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

export function isSendQuestion(data: unknown): data is SendQuestion {
  if (typeof data !== 'object' || data === null) return false;
  const q = data as Partial<SendQuestion>;
  const l = q.letter as Partial<SendQuestion['letter']> | undefined;
  return (
    q.tag === CHANNEL_TAG &&
    q.kind === 'send' &&
    typeof q.ask === 'string' &&
    typeof q.site === 'string' &&
    (q.from === null || typeof q.from === 'string') &&
    typeof l === 'object' &&
    l !== null &&
    typeof l.messageId === 'string' &&
    typeof l.subject === 'string' &&
    isStrings(l.to) &&
    isStrings(l.cc) &&
    isStrings(l.bcc)
  );
}

export function isSendAnswer(data: unknown, ask: string): data is SendAnswer {
  if (typeof data !== 'object' || data === null) return false;
  const a = data as Partial<SendAnswer>;
  return a.tag === CHANNEL_TAG && a.kind === 'send-answer' && a.ask === ask && (a.pixelHtml === null || typeof a.pixelHtml === 'string');
}

/**
 * Whether a message came from this very window (either world of it), not from a frame in the
 * page: compared by document, which both worlds share and no frame has.
 */
export function fromSameWindow(event: MessageEvent, win: Pick<Window, 'document'>): boolean {
  const source = event.source as { document?: unknown } | null;
  return source !== null && (source === (win as unknown) || source.document === win.document);
}
