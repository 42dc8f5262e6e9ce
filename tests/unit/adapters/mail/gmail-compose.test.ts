// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGmailComposes } from '../../../../lib/adapters/mail/gmail/gmail-compose';

const load = (name: string): Document =>
  new DOMParser().parseFromString(readFileSync(join(__dirname, '../../../fixtures/mail/gmail', name), 'utf8'), 'text/html');

describe('Gmail compose windows (fixture modelled on gmail.js and InboxSDK selectors)', () => {
  it('finds every open compose: a new letter with chips and an inline reply with hidden fields', () => {
    const composes = readGmailComposes(load('2026-12-two-composes.html'));
    expect(composes.map(({ root: _root, sendButton: _button, ...rest }) => rest)).toEqual([
      { draftId: 'r-7777777777', subject: 'КП на поставку', to: ['ivan@romashka.test', 'buh@romashka.test'], cc: ['boss@romashka.test'], bcc: [] },
      { draftId: null, subject: 'Re: Счёт №15', to: ['olga@vesna.test'], cc: [], bcc: ['archive@acme.test'] },
    ]);
  });

  it('takes the send button, not the schedule-send split beside it', () => {
    const [fresh, reply] = readGmailComposes(load('2026-12-two-composes.html'));
    expect(fresh?.sendButton?.textContent).toBe('Отправить');
    expect(fresh?.sendButton?.getAttribute('aria-haspopup')).toBeNull();
    expect(reply?.sendButton?.textContent).toBe('Отправить');
  });

  it('reads nothing, and throws nothing, on a page without composes or with a broken one', () => {
    expect(readGmailComposes(new DOMParser().parseFromString('<div class="M9"><form></form></div><p>inbox</p>', 'text/html'))).toEqual([]);
    expect(readGmailComposes(new DOMParser().parseFromString('', 'text/html'))).toEqual([]);
  });
});
