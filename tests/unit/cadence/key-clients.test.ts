import { describe, expect, it } from 'vitest';
import { cardUrl, isKeySegment, KEY_CLIENT_LIMIT, keyClientsView, selectKeyClients, type KeyClientSource } from '../../../lib/cadence/key-clients';
import type { RevenueSegment } from '../../../lib/cadence/segment-match';
import { clientKey } from '../../../lib/context/client-context';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import type { ParetoClass } from '../../../lib/segments/pareto-classes';
import type { Touch } from '../../../lib/touches/touch';
import { field, makeContext, makeTouch, NOW } from '../playbook/fixtures';

// NOW is 2026-03-02 12:00 UTC; every date below is at 12:00 UTC too.
const at = (month: number, day: number) => Date.UTC(2026, month - 1, day, 12, 0, 0);

function client(crmId: string, name: string, extra: Partial<Parameters<typeof makeContext>[0]> = {}): KeyClientSource {
  const context = makeContext({ crmId, name, url: `https://acme.amocrm.ru/leads/detail/${crmId}`, stage: null, stageId: null, ...extra });
  return { key: clientKey(context), name, crmId, context };
}

const revenue = (cls: ParetoClass): RevenueSegment => ({ class: cls, reason: { ru: `${cls}: по выручке`, en: `${cls}: by revenue` } });

function build(entries: { c: KeyClientSource; cls?: ParetoClass; touches?: Partial<Touch>[] }[], now = NOW) {
  const classes = new Map(entries.flatMap((e) => (e.cls ? [[e.c.key, revenue(e.cls)] as const] : [])));
  const touches = new Map(entries.map((e) => [e.c.key, (e.touches ?? []).map((t) => makeTouch({ clientKey: e.c.key, ...t }))]));
  const candidates = selectKeyClients(DEFAULT_PLAYBOOK, entries.map((e) => e.c), (key) => classes.get(key) ?? null);
  return keyClientsView(candidates, (key) => touches.get(key) ?? [], now);
}

const alpha = client('1', 'Альфа');
const beta = client('2', 'Бета');
const gamma = client('3', 'Гамма', { fields: [field('Сегмент', 'Ключевой')] });
const delta = client('4', 'Дельта', { fields: [field('Сегмент', 'Ключевой')] });
const epsilon = client('5', 'Эпсилон');
const zeta = client('6', 'Дзета', { stage: 'Переговоры' });
const eta = client('7', 'Эта', { fields: [field('Сегмент', 'Средний')] });
const theta = client('8', 'Тета', { fields: [field('Сегмент', 'Средний')] });

const SEEDED = [
  // A: last call Feb 1, so the touch was due Feb 16 (15 days): 14 days late on Mar 2. The meeting
  // of Jan 15 is due Apr 15. The unanswered call yesterday is an attempt and changes nothing.
  { c: alpha, cls: 'a' as const, touches: [{ kind: 'call' as const, at: at(2, 1) }, { kind: 'meeting' as const, outcome: 'reached' as const, at: at(1, 15) }, { kind: 'call' as const, outcome: 'no_answer' as const, at: at(3, 1) }] },
  // Top: a call Feb 25 (touch due Mar 12), but the last meeting Jan 20 is due monthly: Feb 19, 11 days late.
  { c: beta, cls: 'top' as const, touches: [{ kind: 'call' as const, at: at(2, 25) }, { kind: 'meeting' as const, outcome: 'reached' as const, at: at(1, 20) }] },
  // The CRM says "Ключевой", no revenue class, no touch yet: a meeting is due now, not late.
  { c: gamma, touches: [] },
  // Class A, but the CRM's "Ключевой" picks the key norm; a paper letter Feb 20 counts: due Mar 7.
  { c: delta, cls: 'a' as const, touches: [{ kind: 'direct_mail' as const, outcome: 'sent' as const, at: at(2, 20) }, { kind: 'meeting' as const, outcome: 'reached' as const, at: at(1, 1) }] },
  // B, an open deal, and C with the CRM's "Средний": none of them is key.
  { c: epsilon, cls: 'b' as const, touches: [] },
  { c: zeta, touches: [] },
  { c: eta, cls: 'c' as const, touches: [] },
  // Class A though the CRM says "Средний": key by revenue, on the CRM's own (regular, 30 days) norm.
  // Last email Jan 1, due Jan 31: 28 days to Feb 28 and 2 more, 30 days late.
  { c: theta, cls: 'a' as const, touches: [{ kind: 'email' as const, outcome: 'sent' as const, at: at(1, 1) }] },
];

describe('my key clients', () => {
  it('lists the top, A and CRM-key clients, most overdue first, with what is due and how late', () => {
    const view = build(SEEDED);
    expect(view.total).toBe(5);
    expect(view.rows.map((r) => [r.name, r.segment.id, r.dueFor, r.nextDueAt, r.overdue, r.overdueDays])).toEqual([
      ['Тета', 'regular', 'touch', at(1, 31), true, 30],
      ['Альфа', 'revenue_a', 'touch', at(2, 16), true, 14],
      ['Бета', 'revenue_top', 'meeting', at(2, 19), true, 11],
      ['Гамма', 'key', 'meeting', NOW, false, 0],
      ['Дельта', 'key', 'touch', at(3, 7), false, 0],
    ]);
  });

  it('gives each row its CRM card, the CRM segment and the last counting touch', () => {
    const rows = build(SEEDED).rows;
    const delta = rows.find((r) => r.name === 'Дельта');
    expect(delta).toMatchObject({ url: 'https://acme.amocrm.ru/leads/detail/4', crmSegment: 'Ключевой', lastTouchAt: at(2, 20) });
    expect(rows.find((r) => r.name === 'Альфа')).toMatchObject({ crmSegment: null, lastTouchAt: at(2, 1) });
  });

  it('moves with the clock: a day later every late client is one day later', () => {
    const rows = build(SEEDED, NOW + 86_400_000).rows;
    expect(rows.slice(0, 3).map((r) => r.overdueDays)).toEqual([31, 15, 12]);
    // Гамма has no history: due "now" again, never late by invented days.
    expect(rows.find((r) => r.name === 'Гамма')).toMatchObject({ overdue: false, nextDueAt: NOW + 86_400_000 });
  });

  it('says there are none when no client is key', () => {
    expect(build([{ c: epsilon, cls: 'b' }, { c: zeta }, { c: eta, cls: 'c' }])).toEqual({ rows: [], total: 0 });
    expect(build([])).toEqual({ rows: [], total: 0 });
  });

  it('orders clients due at the same moment by name', () => {
    const rows = build([{ c: client('20', 'Яблоко'), cls: 'a' }, { c: client('21', 'Арбуз'), cls: 'a' }]).rows;
    expect(rows.map((r) => r.name)).toEqual(['Арбуз', 'Яблоко']);
  });

  it('keeps hostile cards harmless: no script link, an empty name shown as the CRM id', () => {
    const bad = client('666', '', { url: 'javascript:alert(1)' });
    const nul = client('667', 'A\u0000\ud800'.repeat(1000), { url: 'not a url' });
    const rows = build([{ c: bad, cls: 'top' }, { c: nul, cls: 'a' }]).rows;
    expect(rows.map((r) => [r.name.length > 0, r.url])).toEqual([[true, null], [true, null]]);
    expect(rows.find((r) => r.clientKey === bad.key)?.name).toBe('666');
    expect(cardUrl('https://x.kommo.com/leads/detail/1')).toBe('https://x.kommo.com/leads/detail/1');
  });

  it('counts a touch logged in the future (a skewed clock) as the latest', () => {
    const rows = build([{ c: alpha, cls: 'a', touches: [{ kind: 'call', at: NOW + 5 * 86_400_000 }, { kind: 'meeting', outcome: 'reached', at: at(2, 1) }] }]).rows;
    expect(rows[0]).toMatchObject({ overdue: false, nextDueAt: NOW + 20 * 86_400_000 });
  });

  it('sends at most KEY_CLIENT_LIMIT rows and says how many there are', () => {
    const many = Array.from({ length: KEY_CLIENT_LIMIT + 3 }, (_, i) => ({ c: client(String(1000 + i), `Клиент ${i}`), cls: 'a' as const }));
    const view = build(many);
    expect(view.rows).toHaveLength(KEY_CLIENT_LIMIT);
    expect(view.total).toBe(KEY_CLIENT_LIMIT + 3);
  });

  it('takes as key the revenue top and A segments and the CRM segments met in person', () => {
    expect(DEFAULT_PLAYBOOK.segments.filter(isKeySegment).map((s) => s.id)).toEqual(['top_key', 'key', 'revenue_top', 'revenue_a']);
  });
});
