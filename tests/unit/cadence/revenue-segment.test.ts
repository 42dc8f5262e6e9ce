import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { evaluate } from '../../../lib/playbook/engine';
import { parsePlaybook } from '../../../lib/playbook/parse-playbook';
import type { Touch } from '../../../lib/touches/touch';
import { makeContext } from '../playbook/fixtures';

const NOW = Date.UTC(2026, 5, 10, 12, 0);
const DAY = 86_400_000;
const TOP = { class: 'top' as const, reason: { ru: 'A+ (самые ценные): 6 % выручки, место 4 из 212', en: 'A+ (most valuable): 6 % of revenue, rank 4 of 212' } };
const A = { class: 'a' as const, reason: { ru: 'A: 2 % выручки, место 9 из 212', en: 'A: 2 % of revenue, rank 9 of 212' } };

function touch(kind: Touch['kind'], daysAgo: number, outcome: Touch['outcome'] = 'reached'): Touch {
  return { id: `01JD0000000000000000000${String(daysAgo).padStart(3, '0')}`, clientKey: 'k', kind, outcome, comment: '', at: NOW - daysAgo * DAY, stageId: null };
}

describe('segments by revenue in the panel model', () => {
  // A deal at negotiation: without a segment it is an open deal (every 3 days).
  const context = makeContext({ stage: 'Переговоры', fields: [] });
  // A call 10 days ago and a meeting held 40 days ago; a paper letter 2 days ago.
  const touches = [touch('call', 10), touch('meeting', 40), touch('direct_mail', 2)];

  it('gives the most valuable a meeting a month: held 40 days ago, so due 30 days after it and 10 days late', () => {
    const { cadence } = evaluate(DEFAULT_PLAYBOOK, context, touches, NOW, TOP);
    expect(cadence.segment.id).toBe('revenue_top');
    expect(cadence).toMatchObject({ dueFor: 'meeting', nextDueAt: NOW - 10 * DAY, overdue: true, overdueDays: 10, lastTouchAt: NOW - 2 * DAY });
    expect(cadence.revenueSegment?.en).toBe('A+ (most valuable): 6 % of revenue, rank 4 of 212');
    expect(cadence.reason?.ru).toBe('По выручке команды — A+ (самые ценные): 6 % выручки, место 4 из 212');
  });

  it('gives class A a meeting a quarter: the meeting 40 days ago holds until day 90; the paper letter 2 days ago holds the touch until day 13', () => {
    const { cadence } = evaluate(DEFAULT_PLAYBOOK, context, touches, NOW, A);
    expect(cadence.segment.id).toBe('revenue_a');
    // Touch due: 2 + 15 → 13 days ahead; meeting due: 90 − 40 → 50 days ahead; the touch comes first.
    expect(cadence).toMatchObject({ dueFor: 'touch', nextDueAt: NOW + 13 * DAY, overdue: false, overdueDays: 0 });
  });

  it('lets the CRM’s own segment win: a card that says “Средний” keeps the stage’s norm and shows no revenue line', () => {
    const withCrm = makeContext({ stage: 'Переговоры', fields: [{ key: 'cf:1', label: 'Сегмент', value: 'Средний' }] });
    const { cadence } = evaluate(DEFAULT_PLAYBOOK, withCrm, touches, NOW, TOP);
    expect(cadence.segment.id).toBe('new_lead');
    expect(cadence.crmSegment).toBe('Средний');
    expect(cadence.revenueSegment).toBeNull();
    const key = makeContext({ stage: 'Переговоры', fields: [{ key: 'cf:1', label: 'Сегмент', value: 'Ключевой' }] });
    expect(evaluate(DEFAULT_PLAYBOOK, key, touches, NOW, TOP).cadence.segment.id).toBe('key');
  });

  it('treats B, C and no segment as before', () => {
    for (const revenue of [{ ...A, class: 'b' as const }, { ...A, class: 'c' as const }, null]) {
      expect(evaluate(DEFAULT_PLAYBOOK, context, touches, NOW, revenue).cadence.segment.id).toBe('new_lead');
    }
  });

  it('refuses a revenue rule with an unknown class or none', () => {
    const bad = (classes: unknown) => ({ ...DEFAULT_PLAYBOOK, segments: [{ id: 'x', name: { ru: 'x', en: 'x' }, match: { by: 'pareto', classes }, norm: { touchEveryDays: 1, countingKinds: ['call'] } }, ...DEFAULT_PLAYBOOK.segments] });
    expect(parsePlaybook(bad(['vip'])).ok).toBe(false);
    expect(parsePlaybook(bad([])).ok).toBe(false);
    expect(parsePlaybook(bad(['a', 'top'])).ok).toBe(true);
  });
});
