import { describe, expect, it } from 'vitest';
import { createOpenNotifier, OPEN_NOTICES_KEY } from '../../../lib/background/open-notifier';
import { recordClientSeen } from '../../../lib/db/client-store';
import { clientKey } from '../../../lib/context/client-context';
import { openNotice } from '../../../lib/mail/open-notice';
import { sseReader } from '../../../lib/mail/sse-events';
import { freshDatabase, sampleContext, sampleTouch } from '../db/sample-records';
import { MemoryStorage } from '../sync/live-server';

describe('the event stream reader', () => {
  it('reads events split anywhere across chunks, and skips comments and retry lines', () => {
    const read = sseReader();
    expect(read('retry: 5000\n: connected\n\nevent: email_open\nda')).toEqual([]);
    expect(read('ta: {"a":1}\r\n\r\n: ping\n\nevent: other\ndata: x\ndata: y\n\n')).toEqual([
      { event: 'email_open', data: '{"a":1}' },
      { event: 'other', data: 'x\ny' },
    ]);
  });

  it('drops a line that never ends instead of growing without bound', () => {
    const read = sseReader(1000);
    expect(read(`data: ${'x'.repeat(5000)}`)).toEqual([]);
    expect(read('\n\nevent: email_open\ndata: ok\n\n')).toEqual([{ event: 'email_open', data: 'ok' }]);
  });
});

describe('the notification of an open', () => {
  it('names the client and the letter and gives the phone to call, in Russian and English', () => {
    const facts = { noticeId: 'T1', subject: 'КП на поставку', clientName: 'ООО «Вектор»', phone: '+7 900 000-00-00', cardUrl: 'https://x.amocrm.ru/leads/detail/1' };
    expect(openNotice(facts, 'ru')).toEqual({ id: 'sufler-open:T1', title: '«ООО «Вектор»» читает письмо', message: '«КП на поставку»\nПозвоните, пока читает: +7 900 000-00-00', url: facts.cardUrl });
    expect(openNotice({ ...facts, clientName: null, phone: null, cardUrl: null }, 'en')).toEqual({ id: 'sufler-open:T1', title: 'Your email was opened', message: '«КП на поставку»', url: null });
  });
});

describe('announcing opens', () => {
  async function setup() {
    const db = freshDatabase();
    const local = new MemoryStorage();
    const shown: { id: string; title: string; message: string }[] = [];
    let now = 1_000_000;
    const context = sampleContext({ url: 'https://acme.amocrm.ru/leads/detail/7' });
    await recordClientSeen(db, context, now);
    const notifier = createOpenNotifier({
      db,
      local,
      notifications: { create: async (id, o) => (shown.push({ id, title: o.title, message: o.message }), id) },
      iconUrl: 'icon.png',
      now: () => now,
      lang: async () => 'ru',
    });
    const open = (id: string, at: number) => db.touches.put(sampleTouch({ id, clientKey: clientKey(context), kind: 'email_open', outcome: 'done', comment: 'КП', at }));
    return { db, local, shown, notifier, open, setNow: (n: number) => (now = n) };
  }

  it('starts after the history a first sync brings, then announces each new open once', async () => {
    const { shown, notifier, open } = await setup();
    await open('01JD00000000000000000000A1', 999_000);
    await notifier.check();
    expect(shown).toEqual([]);
    await open('01JD00000000000000000000A2', 1_000_500);
    await Promise.all([notifier.check(), notifier.check()]);
    await notifier.check();
    expect(shown.map((s) => s.id)).toEqual(['sufler-open:01JD00000000000000000000A2']);
    expect(shown[0]!.message).toContain('+7 900 000-00-00');
    expect(await notifier.cardFor(shown[0]!.id)).toBe('https://acme.amocrm.ru/leads/detail/7');
    expect(await notifier.cardFor('someone-else')).toBeNull();
  });

  it('after a restart (a new notifier on the same storage) shows an open made meanwhile once, never an old one again', async () => {
    const first = await setup();
    await first.notifier.check();
    await first.open('01JD00000000000000000000B1', 1_000_100);
    await first.notifier.check();
    const again = createOpenNotifier({ db: first.db, local: first.local, notifications: { create: async (id) => (first.shown.push({ id, title: '', message: '' }), id) }, iconUrl: '', now: () => 2_000_000, lang: async () => 'en' });
    await first.open('01JD00000000000000000000B2', 1_500_000);
    await again.check();
    await again.check();
    expect(first.shown.map((s) => s.id)).toEqual(['sufler-open:01JD00000000000000000000B1', 'sufler-open:01JD00000000000000000000B2']);
    expect(((await first.local.get(OPEN_NOTICES_KEY))[OPEN_NOTICES_KEY] as { shown: string[] }).shown).toHaveLength(2);
  });

  it('announces an open of a letter linked to no client from the event, once', async () => {
    const { shown, notifier } = await setup();
    await notifier.check();
    const event = { trackedEmailId: 'L1', subject: 'Hello', clientId: null, at: 5, class: 'person' as const, reason: 'r', opens: 1, touchId: null };
    await notifier.onEvent(event);
    await notifier.onEvent(event);
    await notifier.onEvent({ ...event, touchId: 'T9' });
    expect(shown).toEqual([{ id: 'sufler-open:L1:5', title: 'Письмо открыли', message: '«Hello»' }]);
  });
});
