import { addressesFromList } from '../address-list';
import { appendToHtml } from '../append-to-html';
import { readFormFields, replaceFormField } from '../form-body';
import type { MailAdapter, OutgoingLetter } from '../mail-adapter';

/*
 * Mail.ru's send, from captures of the web client (octavius; SOURCES.md, read 2026-12-02):
 * - `POST https://e.mail.ru/api/v1/messages/send` (LoadRunner, build release-fmail-19981, 2023-03)
 *   or `/api/v1/k8s/messages/send` (build release-fmail-21883, 2023-09), form-urlencoded;
 *   `/api/v1/messages/schedule` sends later (desktop client notes, 2026);
 * - `body` is JSON `{"html": …, "text": …}`, `correspondents` JSON `{"to", "cc", "bcc"}` with
 *   header-style lists (`Name <addr>`), `subject`, `id` the compose's id, `send_date` a scheduled
 *   time, `delay_for_cancellation=true` (the letter can still be undone for a few seconds);
 * - a draft save goes elsewhere (its URL is not in the captures), so only the URLs above count.
 */
const SEND_PATH = /\/api\/v1\/(?:k8s\/)?messages\/(?:send|schedule)(?:\?|#|$)/;
const FIELDS = ['body', 'correspondents', 'subject', 'id', 'send_date'] as const;

type Json = Record<string, unknown>;

function parseObject(text: string | undefined): Json | null {
  if (text === undefined) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

function list(value: unknown): string[] {
  return typeof value === 'string' ? addressesFromList(value) : [];
}

function read(body: string): OutgoingLetter | null {
  const f = readFormFields(body, FIELDS);
  if (f === null) return null;
  const content = parseObject(f.get('body'));
  const people = parseObject(f.get('correspondents'));
  if (content === null || people === null || typeof content.html !== 'string') return null;
  const letter: OutgoingLetter = {
    messageId: f.get('id') ?? '',
    to: list(people.to),
    cc: list(people.cc),
    bcc: list(people.bcc),
    subject: f.get('subject') ?? '',
    html: content.html,
  };
  if ((f.get('send_date') ?? '').trim() !== '') letter.scheduled = true;
  return letter;
}

export const mailruMail: MailAdapter = {
  id: 'mailru',
  hosts: ['e.mail.ru'],
  bodyEncoding: { kind: 'form', contentType: 'application/x-www-form-urlencoded; charset=UTF-8' },
  isSendRequest: (url) => typeof url === 'string' && SEND_PATH.test(url),
  readSendRequest: (body) => read(body),
  addPixelToSendRequest(body, pixelHtml) {
    if (read(body) === null) return null;
    return replaceFormField(body, 'body', (text) => {
      const content = parseObject(text);
      if (content === null || typeof content.html !== 'string') return null;
      // Only the HTML part changes; `text` (the plain alternative) keeps no image.
      return JSON.stringify({ ...content, html: appendToHtml(content.html, pixelHtml) });
    });
  },
};
