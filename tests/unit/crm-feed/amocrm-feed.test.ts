// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AMOCRM_ADAPTER } from '../../../lib/adapters/amocrm';
import { mergeCrmHistory, feedAsTouches } from '../../../lib/crm-feed/merge-crm-history';
import { countsAsTouch } from '../../../lib/cadence/counting-touch';

const FEEDS = resolve(import.meta.dirname, '../../fixtures/feeds');
const load = (name: string): Document => new DOMParser().parseFromString(readFileSync(resolve(FEEDS, name), 'utf8'), 'text/html');
/** 2 Dec 2026, 16:00 local time: "today" and "yesterday" in the fixtures are read against it. */
const NOW = new Date(2026, 11, 2, 16, 0).getTime();
const at = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).getTime();

function readFeed(doc: Document) {
  const reader = AMOCRM_ADAPTER.createFeedReader!();
  return { reader, items: reader(doc, null, NOW) };
}

describe('amoCRM feed reader (Russian UI)', () => {
  it('reads notes, calls, letters and tasks with their times and leaves system events out', () => {
    const { items } = readFeed(load('2026-12-02-amocrm-feed-ru.html'));
    expect(items?.map((i) => [i.id, i.kind, i.outcome, i.at])).toEqual([
      ['amo:b2', 'call', 'no_answer', at(2025, 11, 18, 10, 15)], // time under the day separator
      ['amo:c3', 'call', 'reached', at(2025, 11, 20, 11, 30)],
      ['amo:d4', 'note', 'done', at(2025, 11, 20, 14, 5)],
      ['amo:e5', 'email', 'reached', at(2026, 12, 1, 9, 12)], // "Вчера", a letter from the client
      ['amo:555', 'meeting', 'reached', at(2026, 12, 2, 12, 0)], // a finished meeting task
      ['amo:f6', 'note', 'done', at(2026, 12, 2, 12, 30)],
      ['amo-task:777', 'task', 'planned', null], // an open task: "Завтра" is not a past time
    ]);
    const note = items?.find((i) => i.id === 'amo:d4');
    expect(note?.text).toBe('Созвонились, ждут финальное КП с монтажом.');
    expect(note?.author).toBe('Ирина Соколова');
  });

  it('reads again only what changed, with the same answer as a full read', () => {
    const doc = load('2026-12-02-amocrm-feed-ru.html');
    const { reader, items } = readFeed(doc);
    // A change outside the feed's list (typing in the composer) returns the same list as it was.
    const area = doc.querySelector('.feed-compose__message')!;
    area.textContent = 'печатаю';
    expect(reader(doc, new Set([area]), NOW)).toBe(items);
    const body = doc.querySelector('[data-id="d4"] .feed-note__body')!;
    body.textContent = 'Текст изменён \u0000 и \ud800 одиночный суррогат';
    const next = reader(doc, new Set([body.firstChild!]), NOW);
    expect(next).toEqual(AMOCRM_ADAPTER.createFeedReader!()(doc, null, NOW));
    expect(next?.find((i) => i.id === 'amo:d4')?.text).toContain('Текст изменён');
  });

  it('never throws on hostile markup and bounds what it hands over', () => {
    const doc = load('2026-12-02-amocrm-feed-ru.html');
    const list = doc.querySelector('.js-notes')!;
    const huge = 'я'.repeat(1_000_000);
    for (let i = 0; i < 300; i += 1) list.insertAdjacentHTML('beforeend', `<div class="feed-note-wrapper feed-note-wrapper-note"><div class="feed-note__date">99.99.9999 77:77</div><div class="feed-note__body">${i === 299 ? huge : `n${i}`}</div></div>`);
    const { items } = readFeed(doc);
    expect(items).toHaveLength(100);
    expect(items?.every((i) => i.text.length <= 1000)).toBe(true);
    // An impossible date falls back to the day separator above it, never to an invented day.
    expect(items?.find((i) => i.text.startsWith('n298'))?.at).toBe(at(2025, 11, 20, 0, 0));
    expect(AMOCRM_ADAPTER.createFeedReader!()(new DOMParser().parseFromString('<p>no card</p>', 'text/html'), null, NOW)).toBeNull();
  });

  it('fills the CRM’s own note composer, switching it to a note, without submitting', () => {
    const doc = load('2026-12-02-amocrm-feed-ru.html');
    let inputs = 0;
    doc.addEventListener('input', () => (inputs += 1));
    expect(AMOCRM_ADAPTER.fillNoteComposer!(doc, 'Звонок · Дозвонился [Sufler ABCDEFGH]')).toBe(true);
    expect(doc.querySelector('.feed-compose__message')?.textContent).toBe('Звонок · Дозвонился [Sufler ABCDEFGH]');
    expect(inputs).toBe(1);
    expect(AMOCRM_ADAPTER.fillNoteComposer!(new DOMParser().parseFromString('<p></p>', 'text/html'), 'x')).toBe(false);
  });
});

describe('amoCRM feed reader (Kommo, English UI)', () => {
  it('reads English times and a busy call as not reached', () => {
    const { items } = readFeed(load('2026-12-02-kommo-feed-en.html'));
    expect(items?.map((i) => [i.kind, i.outcome, i.at, i.author])).toEqual([
      ['call', 'no_answer', at(2025, 11, 20, 14, 5), 'Alex Morgan'],
      ['note', 'done', at(2026, 12, 1, 9, 12), null],
      ['email', 'sent', at(2026, 12, 2, 10, 0), null],
    ]);
  });
});

describe('the CRM’s history beside Sufler’s', () => {
  const touch = (id: string, comment: string, at: number) => ({ id, clientKey: 'k', kind: 'call' as const, outcome: 'reached' as const, comment, at, stageId: null });

  it('lists a touch Sufler wrote into the CRM once: by its tag, or by its comment near its time', () => {
    const { items } = readFeed(load('2026-12-02-amocrm-feed-ru.html'));
    const tagged = touch('01JDEADBEEF0000007K3F9A2B', 'договорились о встрече', at(2026, 12, 2, 12, 29));
    const pasted = touch('01JDEADBEEF00000000000001', 'Созвонились, ждут финальное КП с монтажом.', at(2025, 11, 20, 14, 0));
    const far = touch('01JDEADBEEF00000000000002', 'Созвонились, ждут финальное КП с монтажом.', at(2025, 10, 1, 9, 0));
    const merged = mergeCrmHistory([tagged, pasted, far], items!);
    expect(merged.inCrm.sort()).toEqual([pasted.id, tagged.id].sort());
    expect(merged.items.map((i) => i.id)).not.toContain('amo:f6');
    expect(merged.items.map((i) => i.id)).not.toContain('amo:d4');
  });

  it('counts the CRM’s calls, letters and meetings toward the norms, not its open tasks or missed calls', () => {
    const { items } = readFeed(load('2026-12-02-amocrm-feed-ru.html'));
    const counted = feedAsTouches(items!, 'k').filter((t) => countsAsTouch(t, ['call', 'meeting', 'email']));
    expect(counted.map((t) => t.id).sort()).toEqual(['crm:amo:555', 'crm:amo:c3', 'crm:amo:e5']);
  });
});
