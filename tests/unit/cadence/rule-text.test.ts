import { describe, expect, it } from 'vitest';
import { describeNorm } from '../../../lib/cadence/rule-text';

describe('describeNorm', () => {
  it('states a key client norm in both languages', () => {
    expect(describeNorm({ touchEveryDays: 15, countingKinds: ['call', 'meeting', 'direct_mail'], meetingEveryDays: 90 })).toEqual({
      ru: 'Звонок, встреча или бумажное письмо — не реже раза в 15 дней; встреча — не реже раза в 90 дней',
      en: 'A call, a meeting or a paper letter at least every 15 days; a meeting at least every 90 days',
    });
  });

  it('agrees the Russian noun with the number of days', () => {
    const ru = (n: number) => describeNorm({ touchEveryDays: n, countingKinds: ['call'] }).ru;
    expect(ru(3)).toBe('Звонок — не реже раза в 3 дня');
    expect(ru(21)).toBe('Звонок — не реже раза в 21 день');
    expect(ru(11)).toBe('Звонок — не реже раза в 11 дней');
    expect(ru(1)).toBe('Звонок — каждый день');
  });
});
