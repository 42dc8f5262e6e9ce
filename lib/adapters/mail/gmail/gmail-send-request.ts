import type { MailAdapter, OutgoingLetter } from '../mail-adapter';

/*
 * Gmail's compose data layer (the 2022-09 format, still current per the research notes of
 * 2026-12-01; source: InboxSDK sync-compose-processor-20220909.ts @ a8a6fe2, gmail.js @ b7dfdab):
 * - the request is `POST …/sync/u/<n>/i/s` with a JSON array body;
 * - `body[1][0]` lists thread updates; each is `[?, thread]` with `thread[0] = 'thread-…'`;
 * - the message sits at one of `thread[1][2][0][4][0]`, `thread[1][1][0]`, `thread[1][13][0]`;
 * - in a message: [0] `msg-…` id, [2]/[3]/[4] to/cc/bcc as `[?, address, name]`, [7] subject,
 *   [8][1][0][1] the HTML, [10] smart labels: `^pfg` marks a send, `^r` + `^r_bt` a draft save.
 */
const SEND_URL = /\/sync\/u\/\d+\/i\/s(?:\?|$)/;
const SEND_LABEL = '^pfg';
const DRAFT_LABELS = ['^r', '^r_bt'];

type Json = unknown;

function at(value: Json, ...path: number[]): Json {
  let v = value;
  for (const i of path) {
    if (!Array.isArray(v)) return undefined;
    v = v[i];
  }
  return v;
}

function addresses(list: Json): string[] | null {
  if (list === null || list === undefined) return [];
  if (!Array.isArray(list)) return null;
  return list.flatMap((c) => (Array.isArray(c) && typeof c[1] === 'string' && c[1] !== '' ? [c[1]] : []));
}

/** The message array being sent in this request, or null. */
function sentMessage(request: Json): unknown[] | null {
  const updates = at(request, 1, 0);
  if (!Array.isArray(updates)) return null;
  for (const wrapper of updates) {
    const thread = at(wrapper, 1);
    if (!Array.isArray(thread) || typeof thread[0] !== 'string' || !thread[0].startsWith('thread-')) continue;
    for (const msg of [at(thread, 1, 2, 0, 4, 0), at(thread, 1, 1, 0), at(thread, 1, 13, 0)]) {
      if (!Array.isArray(msg) || typeof msg[0] !== 'string' || !msg[0].startsWith('msg-')) continue;
      const labels = Array.isArray(msg[10]) ? msg[10] : [];
      if (DRAFT_LABELS.every((l) => labels.includes(l))) continue;
      if (labels.includes(SEND_LABEL) && typeof at(msg, 8, 1, 0, 1) === 'string') return msg;
    }
  }
  return null;
}

function parse(body: string): Json {
  try {
    return JSON.parse(body) as Json;
  } catch {
    return undefined;
  }
}

function letterOf(msg: unknown[]): OutgoingLetter | null {
  const to = addresses(msg[2]);
  const cc = addresses(msg[3]);
  const bcc = addresses(msg[4]);
  const html = at(msg, 8, 1, 0, 1);
  if (to === null || cc === null || bcc === null || typeof html !== 'string') return null;
  return { messageId: String(msg[0]), to, cc, bcc, subject: typeof msg[7] === 'string' ? msg[7] : '', html };
}

export const gmailMail: MailAdapter = {
  id: 'gmail',
  hosts: ['mail.google.com'],
  isSendRequest: (url) => SEND_URL.test(url),
  readSendRequest(body) {
    const msg = sentMessage(parse(body));
    return msg === null ? null : letterOf(msg);
  },
  addPixelToSendRequest(body, pixelHtml) {
    const request = parse(body);
    const msg = sentMessage(request);
    const part = msg === null ? undefined : at(msg, 8, 1, 0);
    if (!Array.isArray(part) || typeof part[1] !== 'string') return null;
    // At the end of the HTML: after the signature, where nothing the sender typed follows it.
    part[1] = `${part[1]}${pixelHtml}`;
    return JSON.stringify(request);
  },
};
