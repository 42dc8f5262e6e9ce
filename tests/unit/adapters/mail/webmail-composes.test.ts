// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSendShortcut, type MailCompose } from '../../../../lib/adapters/mail/mail-compose';
import { readMailruComposes } from '../../../../lib/adapters/mail/mailru/mailru-compose';
import { isMailruSentFolderUrl, readMailruOpenLetters } from '../../../../lib/adapters/mail/mailru/mailru-open-letter';
import { ownOpenLetters } from '../../../../lib/adapters/mail/open-letter';
import { readOutlookComposes } from '../../../../lib/adapters/mail/outlook/outlook-compose';
import { isOutlookSentFolderUrl, readOutlookOpenLetters } from '../../../../lib/adapters/mail/outlook/outlook-open-letter';
import { readYandexComposes } from '../../../../lib/adapters/mail/yandex/yandex-compose';
import { isYandexSentFolderUrl, readYandexOpenLetters } from '../../../../lib/adapters/mail/yandex/yandex-open-letter';

const page = (path: string): Document =>
  new DOMParser().parseFromString(readFileSync(join(__dirname, '../../../fixtures/pages/mail', path), 'utf8'), 'text/html');
const fields = (c: MailCompose) => ({ composeId: c.composeId, subject: c.subject, to: c.to, cc: c.cc, bcc: c.bcc, send: c.sendButton !== null });
const MY_PIXEL = 'https://sufler.example/t/SeNdEr01LetterPart0123456789abcdefghijklmn.gif';
const own = { addresses: [], pixelPrefix: 'https://sufler.example/t/SeNdEr01' };

describe('compose windows, several open at once, in either UI language', () => {
  it('Yandex: a compose, a quick reply and a forward popup; the sender chip and typed text are not recipients', () => {
    expect(readYandexComposes(page('yandex/2026-12-02-composes.html')).map(fields)).toEqual([
      { composeId: null, subject: 'КП на поставку', to: ['ivan@romashka.test', 'buh@romashka.test'], cc: ['boss@romashka.test'], bcc: [], send: true },
      { composeId: null, subject: 'Re: Счёт №15', to: ['olga@vesna.test'], cc: [], bcc: ['archive@acme.test'], send: true },
      { composeId: null, subject: 'Fwd: договор', to: [], cc: [], bcc: [], send: true },
    ]);
  });

  it('Mail.ru: a new letter and an inline reply, by name / data-test-id / data-type only', () => {
    expect(readMailruComposes(page('mailru/2026-12-02-composes.html')).map(fields)).toEqual([
      { composeId: null, subject: 'КП на поставку', to: ['ivan@romashka.test', 'buh@romashka.test'], cc: ['boss@romashka.test'], bcc: [], send: true },
      { composeId: null, subject: 'Re: Счёт №15', to: ['olga@vesna.test'], cc: [], bcc: ['archive@acme.test'], send: true },
    ]);
  });

  it('Outlook: an English popped-out letter and a Russian inline reply, by id suffix and chip aria-label', () => {
    const composes = readOutlookComposes(page('outlook/2026-12-02-composes.html'));
    expect(composes.map(fields)).toEqual([
      { composeId: 'MSG_15127c3b5a0', subject: 'КП на поставку / proposal', to: ['ivan@romashka.test', 'buh@romashka.test'], cc: ['boss@romashka.test'], bcc: [], send: true },
      { composeId: 'MSG_9f00aa11b2c', subject: 'RE: Счёт №15', to: ['olga@vesna.test'], cc: [], bcc: ['archive@acme.test'], send: true },
    ]);
    expect(composes[0]!.sendButton!.getAttribute('aria-haspopup')).toBeNull();
  });

  it('catches the send shortcut, Ctrl+Enter or Cmd+Enter only', () => {
    expect(isSendShortcut({ key: 'Enter', ctrlKey: true, metaKey: false })).toBe(true);
    expect(isSendShortcut({ key: 'Enter', ctrlKey: false, metaKey: true })).toBe(true);
    expect(isSendShortcut({ key: 'Enter', ctrlKey: false, metaKey: false })).toBe(false);
    expect(isSendShortcut({ key: 'Enter', ctrlKey: true, metaKey: false, shiftKey: true })).toBe(false);
  });

  it('reads nothing, and throws nothing, on empty or broken pages', () => {
    const broken = new DOMParser().parseFromString('<input name="subject"><input name="Subject"><div role="group" id="_TO"></div><div role="group" id="x_TO"></div>', 'text/html');
    for (const read of [readYandexComposes, readMailruComposes, readOutlookComposes]) {
      expect(read(broken)).toEqual([]);
      expect(read(new DOMParser().parseFromString('', 'text/html'))).toEqual([]);
    }
  });
});

describe('an opened sent letter (for sender-view reports)', () => {
  it('Yandex: the thread’s letters, with the own reply found by its pixel and by its sender', () => {
    const letters = readYandexOpenLetters(page('yandex/2026-12-02-sent-thread.html'));
    expect(letters.map((l) => ({ from: l.from, subject: l.subject }))).toEqual([
      { from: 'olga@vesna.test', subject: 'Re: Счёт №15' },
      { from: 'seller@acme.test', subject: 'Re: Счёт №15' },
    ]);
    expect(letters[1]!.imageUrls).toEqual([MY_PIXEL]);
    expect(ownOpenLetters(letters, own)).toEqual([letters[1]]);
    expect(ownOpenLetters(letters, { addresses: ['SELLER@acme.test'], pixelPrefix: null })).toEqual([letters[1]]);
    expect(isYandexSentFolderUrl('https://mail.yandex.ru/?uid=1#sent')).toBe(true);
    expect(isYandexSentFolderUrl('https://mail.yandex.ru/?uid=1#inbox')).toBe(false);
  });

  it('Mail.ru: the own letter in a thread by its base64-proxied pixel', () => {
    const letters = readMailruOpenLetters(page('mailru/2026-12-02-sent-thread.html'));
    expect(letters.map((l) => l.from)).toEqual(['seller@mail.ru', 'ivan@romashka.test']);
    expect(letters[0]!.subject).toBe('КП на поставку');
    expect(ownOpenLetters(letters, own)).toEqual([letters[0]]);
    expect(isMailruSentFolderUrl('https://e.mail.ru/sent/0:17000000001234567890:0/')).toBe(true);
    expect(isMailruSentFolderUrl('https://e.mail.ru/inbox/')).toBe(false);
  });

  it('Outlook: the own letter by originalsrc, whatever the UI language', () => {
    const letters = readOutlookOpenLetters(page('outlook/2026-12-02-sent-thread.html'));
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ from: null, subject: 'КП на поставку / proposal', imageUrls: [MY_PIXEL] });
    expect(ownOpenLetters(letters, own)).toHaveLength(1);
    expect(ownOpenLetters(letters, { addresses: [], pixelPrefix: 'https://sufler.example/t/OtHeR999' })).toEqual([]);
    expect(isOutlookSentFolderUrl('https://outlook.live.com/mail/0/sentitems/id/AAQk')).toBe(true);
    expect(isOutlookSentFolderUrl('https://outlook.office.com/mail/inbox')).toBe(false);
  });

  it('the compose pages show no open sent letter of ours', () => {
    expect(ownOpenLetters(readYandexOpenLetters(page('yandex/2026-12-02-composes.html')), own)).toEqual([]);
    expect(ownOpenLetters(readOutlookOpenLetters(page('outlook/2026-12-02-composes.html')), own)).toEqual([]);
  });
});
