import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bodyFromHeader, type MailAdapter } from '../../../../lib/adapters/mail/mail-adapter';
import { mailruMail } from '../../../../lib/adapters/mail/mailru/mailru-send-request';
import { outlookMail } from '../../../../lib/adapters/mail/outlook/outlook-send-request';
import { pixelMarkup } from '../../../../lib/adapters/mail/pixel-markup';
import { yandexMail } from '../../../../lib/adapters/mail/yandex/yandex-send-request';

const fixture = (path: string): string => readFileSync(new URL(`../../../fixtures/mail/${path}`, import.meta.url), 'utf8');
const PIXEL = pixelMarkup('https://sufler.example/t/AbCdEfGh0123456789abcdefghijklmnopqrstuv.gif');
const count = (text: string, part: string): number => text.split(part).length - 1;

/** The body with the pixel added must equal the original everywhere except the one place the HTML grew. */
function onlyHtmlChanged(adapter: MailAdapter, body: string): void {
  const after = adapter.addPixelToSendRequest(body, PIXEL);
  expect(after).not.toBeNull();
  const before = adapter.readSendRequest(body)!;
  const sent = adapter.readSendRequest(after!)!;
  expect(count(sent.html, PIXEL)).toBe(1);
  expect({ ...sent, html: sent.html.replace(PIXEL, '') }).toEqual(before);
  // Adding again (a retried request) keeps one pixel.
  expect(count(adapter.readSendRequest(adapter.addPixelToSendRequest(after!, PIXEL)!)!.html, PIXEL)).toBe(1);
}

describe('Yandex Mail send request (form fields as in the 2019 and 2023 captures)', () => {
  it('recognises the send on every zone, not the draft save', () => {
    expect(yandexMail.isSendRequest('https://mail.yandex.ru/web-api/do-send/liza1?_send=true')).toBe(true);
    expect(yandexMail.isSendRequest('https://mail.yandex.com.tr/web-api/do-send/liza1?_send=true')).toBe(true);
    expect(yandexMail.isSendRequest('/web-api/do-send/liza1?_send=true')).toBe(true);
    expect(yandexMail.isSendRequest('https://mail.yandex.ru/web-api/do-send/liza1?_save=true')).toBe(false);
    expect(yandexMail.isSendRequest('https://mail.yandex.ru/web-api/models/liza1?_m=messages')).toBe(false);
    expect(yandexMail.hosts).toEqual(expect.arrayContaining(['mail.yandex.ru', 'mail.yandex.com', 'mail.yandex.kz', 'mail.yandex.by', 'mail.yandex.com.tr']));
  });

  it('reads recipients from header-style lists, the subject and the HTML', () => {
    expect(yandexMail.readSendRequest(fixture('yandex/send-request.txt'))).toEqual({
      messageId: '188306759419428879',
      to: ['ivan@romashka.test', 'buh@romashka.test'],
      cc: ['boss@romashka.test'],
      bcc: ['archive@acme.test'],
      subject: 'КП на поставку / proposal',
      html: expect.stringContaining('Высылаю КП'),
    });
  });

  it('adds the pixel once to the `send` field; every other byte of the body stays', () => {
    const body = fixture('yandex/send-request.txt');
    onlyHtmlChanged(yandexMail, body);
    const after = yandexMail.addPixelToSendRequest(body, PIXEL)!;
    const [head, tail] = body.split(/&send=[^&]*/);
    expect(after.startsWith(head!)).toBe(true);
    expect(after.endsWith(tail!)).toBe(true);
  });

  it('leaves a draft save and a plain-text letter alone', () => {
    for (const name of ['yandex/draft-save-request.txt', 'yandex/send-plain-text-request.txt']) {
      expect(yandexMail.readSendRequest(fixture(name))).toBeNull();
      expect(yandexMail.addPixelToSendRequest(fixture(name), PIXEL)).toBeNull();
    }
  });

  it('marks a scheduled letter', () => {
    const body = fixture('yandex/send-request.txt').replace('send_time=', 'send_time=1796000000');
    expect(yandexMail.readSendRequest(body)?.scheduled).toBe(true);
  });
});

describe('Mail.ru send request (form with JSON fields, as in the 2023 captures)', () => {
  it('recognises send and scheduled send, with or without the k8s prefix, and nothing else', () => {
    expect(mailruMail.isSendRequest('https://e.mail.ru/api/v1/messages/send')).toBe(true);
    expect(mailruMail.isSendRequest('https://e.mail.ru/api/v1/k8s/messages/send?logid=1')).toBe(true);
    expect(mailruMail.isSendRequest('/api/v1/messages/schedule')).toBe(true);
    expect(mailruMail.isSendRequest('https://e.mail.ru/api/v1/messages/draft')).toBe(false);
    expect(mailruMail.isSendRequest('https://e.mail.ru/api/v1/messages/attaches/add')).toBe(false);
    expect(mailruMail.isSendRequest('https://e.mail.ru/api/v1/messages/sendx')).toBe(false);
  });

  it('reads correspondents, subject and HTML', () => {
    expect(mailruMail.readSendRequest(fixture('mailru/send-reply-request.txt'))).toEqual({
      messageId: 'd98Aa2B79CfB89Bf59fF5Fa77793C463',
      to: ['olga@vesna.test'],
      cc: [],
      bcc: ['archive@acme.test'],
      subject: 'Re: Счёт №15',
      html: expect.stringContaining('счёт во вложении'),
    });
    expect(mailruMail.readSendRequest(fixture('mailru/send-scheduled-request.txt'))?.scheduled).toBe(true);
  });

  it('adds the pixel once to the HTML part only; the text part and other fields stay', () => {
    const body = fixture('mailru/send-reply-request.txt');
    onlyHtmlChanged(mailruMail, body);
    const after = new URLSearchParams(mailruMail.addPixelToSendRequest(body, PIXEL)!);
    const original = new URLSearchParams(body);
    for (const [name, value] of original) if (name !== 'body') expect(after.get(name)).toBe(value);
    expect(JSON.parse(after.get('body')!).text).toBe(JSON.parse(original.get('body')!).text);
  });
});

describe('Outlook on the web send request (OWA CreateItem / UpdateItem JSON)', () => {
  it('recognises CreateItem and UpdateItem on every OWA path form, not other actions', () => {
    expect(outlookMail.isSendRequest('https://outlook.live.com/owa/0/service.svc?action=CreateItem&app=Mail&n=63')).toBe(true);
    expect(outlookMail.isSendRequest('/owa/service.svc?action=UpdateItem&app=Mail')).toBe(true);
    expect(outlookMail.isSendRequest('https://mail.example.ru/owa/service.svc?action=CreateItem&ID=-37&AC=1')).toBe(true);
    expect(outlookMail.isSendRequest('https://outlook.office.com/owa/service.svc?action=FindConversation')).toBe(false);
    expect(outlookMail.isSendRequest('https://outlook.office.com/owa/service.svc?action=CreateItemX')).toBe(false);
  });

  it('reads a new letter, a reply (NewBodyContent) and a saved draft being sent', () => {
    expect(outlookMail.readSendRequest(fixture('outlook/create-send-request.json'))).toEqual({
      messageId: '',
      to: ['ivan@romashka.test', 'buh@romashka.test'],
      cc: ['boss@romashka.test'],
      bcc: [],
      subject: 'КП на поставку / proposal',
      html: expect.stringContaining('Высылаю КП'),
    });
    expect(outlookMail.readSendRequest(fixture('outlook/create-reply-send-request.json'))).toMatchObject({ to: ['olga@vesna.test'], bcc: ['archive@acme.test'], subject: 'RE: Счёт №15' });
    expect(outlookMail.readSendRequest(fixture('outlook/update-send-request.json'))).toMatchObject({ messageId: 'AAMkAGI2TG93AAA=', to: ['ivan@romashka.test'], subject: 'Fwd: договор' });
  });

  it('puts the pixel once before </body> and changes nothing else', () => {
    for (const name of ['outlook/create-send-request.json', 'outlook/create-reply-send-request.json', 'outlook/update-send-request.json']) {
      const body = fixture(name);
      onlyHtmlChanged(outlookMail, body);
      const after = JSON.parse(outlookMail.addPixelToSendRequest(body, PIXEL)!) as unknown;
      const html = outlookMail.readSendRequest(JSON.stringify(after))!.html;
      if (html.includes('</body>')) expect(html.indexOf(PIXEL)).toBeLessThan(html.indexOf('</body>'));
      expect(JSON.stringify(after).replace(JSON.stringify(PIXEL).slice(1, -1), '')).toBe(JSON.stringify(JSON.parse(body)));
    }
  });

  it('leaves a draft save (SaveOnly) and an update without a body alone', () => {
    expect(outlookMail.readSendRequest(fixture('outlook/create-draft-request.json'))).toBeNull();
    const noBody = JSON.parse(fixture('outlook/update-send-request.json')) as { Body: { ItemChanges: { Updates: unknown[] }[] } };
    noBody.Body.ItemChanges[0]!.Updates.pop();
    expect(outlookMail.addPixelToSendRequest(JSON.stringify(noBody), PIXEL)).toBeNull();
  });

  it('reads a body carried URL-encoded in X-OWA-UrlPostData', () => {
    const header = encodeURIComponent(fixture('outlook/create-send-request.json'));
    expect(outlookMail.bodyHeader).toBe('x-owa-urlpostdata');
    expect(outlookMail.readSendRequest(bodyFromHeader(header)!)?.to).toEqual(['ivan@romashka.test', 'buh@romashka.test']);
    expect(bodyFromHeader('%E0%A4%A')).toBeNull();
    expect(bodyFromHeader('')).toBeNull();
  });
});

describe('every webmail: malformed and hostile bodies', () => {
  const adapters = [yandexMail, mailruMail, outlookMail];
  const big = 'x'.repeat(1024 * 1024);

  it('returns null for anything it cannot read, never throws', () => {
    const bodies = ['', 'not a form', '{', '[]', 'null', '%', 'send=%E0%A4%A&ttype=html', 'send=a&send=b&ttype=html', 'body=%7B&correspondents=%7B%7D', 'body=%22x%22&correspondents=%7B%7D',
      '{"__type":"CreateItemJsonRequest:#Exchange","Body":{"MessageDisposition":"SendAndSaveCopy","Items":[{"Body":{"BodyType":"Text","Value":"x"}}]}}',
      '{"__type":"CreateItemJsonRequest:#Exchange","Body":{"MessageDisposition":"SendAndSaveCopy","Items":[1,2]}}', big];
    for (const adapter of adapters) {
      for (const body of bodies) {
        expect(() => adapter.readSendRequest(body)).not.toThrow();
        expect(adapter.readSendRequest(body)).toBeNull();
        expect(adapter.addPixelToSendRequest(body, PIXEL)).toBeNull();
      }
      expect(adapter.readSendRequest(undefined as unknown as string)).toBeNull();
      expect(adapter.isSendRequest(undefined as unknown as string)).toBe(false);
    }
  });

  it('carries NUL, lone surrogates and a 1 MB letter through without throwing', () => {
    const hostile = `a\u0000b\uD800c\uDFFF${big}`;
    const yandex = fixture('yandex/send-request.txt').replace(/subj=[^&]*/, `subj=${encodeURIComponent('x\u0000y')}`);
    const withBigHtml = yandexMail.addPixelToSendRequest(yandex, hostile);
    expect(withBigHtml).not.toBeNull();
    expect(yandexMail.readSendRequest(withBigHtml!)?.subject).toBe('x\u0000y');
    expect(yandexMail.readSendRequest(withBigHtml!)?.html.length).toBeGreaterThan(1024 * 1024);
    const owa = JSON.parse(fixture('outlook/create-send-request.json')) as { Body: { Items: { Subject: string }[] } };
    owa.Body.Items[0]!.Subject = 'x\u0000\uD800';
    expect(outlookMail.readSendRequest(JSON.stringify(owa))?.subject).toBe('x\u0000\uD800');
    expect(outlookMail.addPixelToSendRequest(JSON.stringify(owa), hostile)).not.toBeNull();
    expect(mailruMail.addPixelToSendRequest(fixture('mailru/send-reply-request.txt'), hostile)).not.toBeNull();
  });
});
