import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gmailMail } from '../../../../lib/adapters/mail/gmail/gmail-send-request';
import { pixelMarkup } from '../../../../lib/adapters/mail/pixel-markup';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/mail/gmail/${name}`, import.meta.url), 'utf8');
const PIXEL_URL = 'https://sufler.example/t/AbCdEfGh0123456789abcdefghijklmnopqrstuv.gif';

describe('Gmail send request (fixture modelled on the 2022-09 data layer)', () => {
  it('recognises the send endpoint of any signed-in account, not other sync calls', () => {
    expect(gmailMail.isSendRequest('https://mail.google.com/sync/u/0/i/s?hl=ru&c=12')).toBe(true);
    expect(gmailMail.isSendRequest('https://mail.google.com/sync/u/3/i/s')).toBe(true);
    expect(gmailMail.isSendRequest('https://mail.google.com/sync/u/0/i/bv?hl=ru')).toBe(false);
    expect(gmailMail.isSendRequest('https://mail.google.com/sync/u/0/i/fd')).toBe(false);
  });

  it('reads recipients, subject and HTML of the letter being sent', () => {
    expect(gmailMail.readSendRequest(fixture('send-request.json'))).toEqual({
      messageId: 'msg-a:r-4242424242424242424',
      to: ['ivan@romashka.test', 'buh@romashka.test'],
      cc: ['boss@romashka.test'],
      bcc: [],
      subject: 'КП на поставку / proposal',
      html: expect.stringContaining('Высылаю КП'),
    });
  });

  it('adds the pixel to the HTML that is sent, and changes nothing else', () => {
    const before = JSON.parse(fixture('send-request.json')) as unknown;
    const after = gmailMail.addPixelToSendRequest(fixture('send-request.json'), pixelMarkup(PIXEL_URL));
    expect(after).not.toBeNull();
    const sent = gmailMail.readSendRequest(after!);
    expect(sent?.html.endsWith(pixelMarkup(PIXEL_URL))).toBe(true);
    expect(sent?.html).toContain(`src="${PIXEL_URL}"`);
    expect(sent?.html.startsWith(gmailMail.readSendRequest(fixture('send-request.json'))!.html)).toBe(true);
    // Put the original HTML back: the rest of the request is exactly as Gmail built it.
    const restored = JSON.parse(after!) as unknown[];
    const msg = (((restored[1] as unknown[])[0] as unknown[])[0] as unknown[])[1] as unknown[];
    const message = ((((msg[1] as unknown[])[2] as unknown[])[0] as unknown[])[4] as unknown[])[0] as unknown[];
    ((((message[8] as unknown[])[1] as unknown[])[0]) as unknown[])[1] = gmailMail.readSendRequest(fixture('send-request.json'))!.html;
    expect(restored).toEqual(before);
  });

  it('leaves a draft save alone: no pixel in drafts', () => {
    expect(gmailMail.readSendRequest(fixture('draft-save-request.json'))).toBeNull();
    expect(gmailMail.addPixelToSendRequest(fixture('draft-save-request.json'), pixelMarkup(PIXEL_URL))).toBeNull();
  });

  it('returns null for anything it cannot read, never throws', () => {
    for (const body of ['', 'not json', '[]', '{}', 'null', '[1,[[[null,["thread-x",null]]]]]', '[1,[[[null,["thread-x",[null,[["msg-a",null,null,null,null,null,null,"s",null,null,["^pfg"]]]]]]]]]', JSON.stringify([1, [[[null, ['nothread', [null, []]]]]]])]) {
      expect(gmailMail.readSendRequest(body)).toBeNull();
      expect(gmailMail.addPixelToSendRequest(body, '<img>')).toBeNull();
    }
  });

  it('escapes the pixel URL so it cannot break out of the attribute', () => {
    expect(pixelMarkup('https://x.test/t/a.gif?"><script>')).not.toContain('"><script>');
  });
});
