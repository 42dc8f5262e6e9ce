import { describe, expect, it } from 'vitest';
import { defaultCallbackAt, fromLocalInputValue, toLocalInputValue } from '../../../lib/reminders/callback-time';

describe('the callback time field', () => {
  it('defaults to tomorrow at 10:00, in the evening and just after midnight alike', () => {
    const evening = new Date(2026, 11, 2, 23, 59).getTime();
    expect(defaultCallbackAt(evening)).toBe(new Date(2026, 11, 3, 10, 0).getTime());
    const earlyMorning = new Date(2026, 11, 3, 0, 5).getTime();
    expect(defaultCallbackAt(earlyMorning)).toBe(new Date(2026, 11, 4, 10, 0).getTime());
    // The last day of the year rolls into January.
    expect(defaultCallbackAt(new Date(2026, 11, 31, 15, 0).getTime())).toBe(new Date(2027, 0, 1, 10, 0).getTime());
  });

  it('writes and reads the input value as the same local minute', () => {
    const at = new Date(2026, 11, 3, 9, 7).getTime();
    expect(toLocalInputValue(at)).toBe('2026-12-03T09:07');
    expect(fromLocalInputValue('2026-12-03T09:07')).toBe(at);
    expect(fromLocalInputValue('2026-12-03T09:07:30')).toBe(new Date(2026, 11, 3, 9, 7, 30).getTime());
  });

  it('accepts a far-future date the input allows', () => {
    expect(fromLocalInputValue('9999-12-31T23:59')).toBe(new Date(9999, 11, 31, 23, 59).getTime());
  });

  it('refuses values that are not a real local time', () => {
    for (const value of ['', ' ', '2026-02-30T10:00', '2026-13-01T10:00', '2026-12-03T24:00', '1969-12-31T23:59', '2026-12-03', '2026-12-03T10:00\u0000', '\uD800', 'x'.repeat(1_000_000)]) {
      expect(fromLocalInputValue(value), JSON.stringify(value.slice(0, 20))).toBeNull();
    }
  });
});
