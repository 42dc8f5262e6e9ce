import { addressesFromList } from '../address-list';
import { appendToHtml } from '../append-to-html';
import { readFormFields, replaceFormField } from '../form-body';
import type { MailAdapter, OutgoingLetter } from '../mail-adapter';
import { YANDEX_MAIL_HOSTS } from './yandex-hosts';

/*
 * Yandex Mail's send, from captures of the real web client (SOURCES.md, read 2026-12-02):
 * - `POST /web-api/do-send/liza1?_send=true`, form-urlencoded (LoadRunner v19.8.1 of 2019 and
 *   v191.1.0 of 2023, a Cypress route, a REST-assured test, a 2026 fetch observer that sees the
 *   body as a string or URLSearchParams); a draft save is the same form to `?_save=true`, with
 *   `nosend=yes`;
 * - `send` holds the letter (HTML when `ttype=html`), `subj` the subject, `to`/`cc`/`bcc` header-style
 *   lists (`"Name" <addr>, …`), `message_id` or `overwrite` the draft being sent, `send_time` a
 *   scheduled time (empty for now).
 */
const SEND_PATH = /\/web-api\/do-send\/[A-Za-z0-9_.-]+(?:\?|#|$)/;
const FIELDS = ['send', 'subj', 'to', 'cc', 'bcc', 'ttype', 'nosend', 'send_time', 'message_id', 'overwrite'] as const;

function queryParams(url: string): URLSearchParams {
  const q = url.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : url.slice(q + 1).split('#')[0]);
}

function read(body: string): OutgoingLetter | null {
  const f = readFormFields(body, FIELDS);
  if (f === null) return null;
  const html = f.get('send');
  // A plain-text letter cannot carry an image; a draft save is not a send.
  if (html === undefined || f.get('ttype') !== 'html' || f.get('nosend') === 'yes') return null;
  const letter: OutgoingLetter = {
    messageId: f.get('message_id') || f.get('overwrite') || '',
    to: addressesFromList(f.get('to') ?? ''),
    cc: addressesFromList(f.get('cc') ?? ''),
    bcc: addressesFromList(f.get('bcc') ?? ''),
    subject: f.get('subj') ?? '',
    html,
  };
  if ((f.get('send_time') ?? '').trim() !== '') letter.scheduled = true;
  return letter;
}

export const yandexMail: MailAdapter = {
  id: 'yandex',
  hosts: YANDEX_MAIL_HOSTS,
  bodyEncoding: { kind: 'form', contentType: 'application/x-www-form-urlencoded; charset=UTF-8' },
  isSendRequest(url) {
    if (typeof url !== 'string' || !SEND_PATH.test(url)) return false;
    const params = queryParams(url);
    return params.get('_save') !== 'true';
  },
  readSendRequest: (body) => read(body),
  addPixelToSendRequest(body, pixelHtml) {
    if (read(body) === null) return null;
    return replaceFormField(body, 'send', (html) => appendToHtml(html, pixelHtml));
  },
};
