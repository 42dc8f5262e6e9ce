import { appendToHtml } from '../append-to-html';
import type { MailAdapter, OutgoingLetter } from '../mail-adapter';
import { OUTLOOK_HOSTS } from './outlook-hosts';

/*
 * Outlook on the web sends through OWA's JSON service (SOURCES.md, read 2026-12-02):
 * - `POST /owa/[<n>/]service.svc?action=CreateItem…` (a compose never saved: header
 *   `X-OWA-ActionName: CreateMessageForComposeSend`) or `action=UpdateItem` (a saved draft:
 *   `UpdateMessageForComposeSend`), a fetch on outlook.live.com (a DLP hook, 2020s) and an XHR on
 *   older Exchange; `Body.MessageDisposition` is `SendAndSaveCopy` for a send, `SaveOnly` for a
 *   draft save;
 * - CreateItem: `Body.Items[0]` holds `Subject`, `To/Cc/BccRecipients[].EmailAddress` and the HTML
 *   in `Body.Value` (a new letter) or `NewBodyContent.Value` (a reply or forward, over the quote);
 * - UpdateItem: `Body.ItemChanges[0].Updates[]` are `SetItemField`s by `Path.FieldURI`
 *   (`ToRecipients`, `Subject`, `Body`, …) and `ItemId.Id` names the draft;
 * - small payloads may travel URL-encoded in the `X-OWA-UrlPostData` header with an empty body.
 */
const SEND_URL = /\/owa\/(?:\d+\/)?service\.svc\?(?:[^#]*&)?action=(?:CreateItem|UpdateItem)(?:&|#|$)/;
const SENDING = new Set(['SendAndSaveCopy', 'SendOnly']);
const ITEM_TYPES = new Set(['Message:#Exchange', 'ReplyToItem:#Exchange', 'ReplyAllToItem:#Exchange', 'ForwardItem:#Exchange']);

type Json = Record<string, unknown>;

const obj = (v: unknown): Json | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);

function parse(body: string): Json | null {
  if (typeof body !== 'string') return null;
  try {
    return obj(JSON.parse(body));
  } catch {
    return null;
  }
}

function addresses(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const out = new Set<string>();
  for (const r of list) {
    const entry = obj(r);
    const address = entry?.EmailAddress ?? obj(entry?.Mailbox)?.EmailAddress;
    if (typeof address === 'string' && address.includes('@')) out.add(address.trim().toLowerCase());
  }
  return [...out];
}

/** The HTML body holder of an item (`{BodyType: 'HTML', Value}`), or null. */
function htmlHolder(item: Json | null): Json | null {
  for (const key of ['Body', 'NewBodyContent']) {
    const holder = obj(item?.[key]);
    if (holder && holder.BodyType === 'HTML' && typeof holder.Value === 'string') return holder;
  }
  return null;
}

interface SendParts {
  letter: OutgoingLetter;
  /** The object whose `Value` is the letter's HTML, inside the parsed request. */
  holder: Json;
}

function createItem(request: Json): SendParts | null {
  const items = obj(request.Body)?.Items;
  if (!Array.isArray(items) || items.length !== 1) return null;
  const item = obj(items[0]);
  if (item === null || (typeof item.__type === 'string' && !ITEM_TYPES.has(item.__type))) return null;
  const holder = htmlHolder(item);
  if (holder === null) return null;
  return {
    holder,
    letter: {
      messageId: '',
      to: addresses(item.ToRecipients),
      cc: addresses(item.CcRecipients),
      bcc: addresses(item.BccRecipients),
      subject: typeof item.Subject === 'string' ? item.Subject : '',
      html: holder.Value as string,
    },
  };
}

function updateItem(request: Json): SendParts | null {
  const changes = obj(request.Body)?.ItemChanges;
  if (!Array.isArray(changes) || changes.length !== 1) return null;
  const change = obj(changes[0]);
  const updates = Array.isArray(change?.Updates) ? change.Updates : [];
  const field = (name: string): Json | null => {
    for (const u of updates) {
      const update = obj(u);
      if (update?.__type === 'SetItemField:#Exchange' && obj(update.Path)?.FieldURI === name) return obj(update.Item);
    }
    return null;
  };
  // Without the body among the changes there is no HTML to carry the pixel: the letter goes untouched.
  const holder = htmlHolder(field('Body')) ?? htmlHolder(field('NewBodyContent'));
  if (holder === null) return null;
  const id = obj(change?.ItemId)?.Id;
  const subject = field('Subject')?.Subject;
  return {
    holder,
    letter: {
      messageId: typeof id === 'string' ? id : '',
      to: addresses(field('ToRecipients')?.ToRecipients),
      cc: addresses(field('CcRecipients')?.CcRecipients),
      bcc: addresses(field('BccRecipients')?.BccRecipients),
      subject: typeof subject === 'string' ? subject : '',
      html: holder.Value as string,
    },
  };
}

function sendParts(request: Json | null): SendParts | null {
  const body = obj(request?.Body);
  if (request === null || body === null || typeof body.MessageDisposition !== 'string' || !SENDING.has(body.MessageDisposition)) return null;
  if (request.__type === 'CreateItemJsonRequest:#Exchange' || (request.__type === undefined && 'Items' in body)) return createItem(request);
  if (request.__type === 'UpdateItemJsonRequest:#Exchange' || (request.__type === undefined && 'ItemChanges' in body)) return updateItem(request);
  return null;
}

export const outlookMail: MailAdapter = {
  id: 'outlook',
  hosts: OUTLOOK_HOSTS,
  bodyEncoding: { kind: 'json', contentType: 'application/json; charset=utf-8' },
  bodyHeader: 'x-owa-urlpostdata',
  isSendRequest: (url) => typeof url === 'string' && SEND_URL.test(url),
  readSendRequest: (body) => sendParts(parse(body))?.letter ?? null,
  addPixelToSendRequest(body, pixelHtml) {
    const request = parse(body);
    const parts = sendParts(request);
    if (parts === null) return null;
    parts.holder.Value = appendToHtml(parts.letter.html, pixelHtml);
    return JSON.stringify(request);
  },
};
