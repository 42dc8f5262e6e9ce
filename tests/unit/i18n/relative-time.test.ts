import { describe, expect, it } from 'vitest';
import { formatAgo, formatRelative } from '../../../lib/i18n/relative-time';

const NOW = Date.UTC(2026, 2, 10, 12);

describe('relative times', () => {
  it('never points a past moment into the future when clocks differ', () => {
    expect(formatAgo(NOW + 12_000, NOW, 'en')).toBe('just now');
    expect(formatAgo(NOW + 3_600_000, NOW, 'ru')).toBe('только что');
    expect(formatAgo(NOW - 5_000, NOW, 'en')).toBe('just now');
    expect(formatAgo(NOW - 97 * 86_400_000, NOW, 'en')).toBe('97 days ago');
    expect(formatAgo(NOW - 2 * 60_000, NOW, 'ru')).toBe('2 минуты назад');
  });

  it('still says "in …" for a real future moment (the next sync attempt)', () => {
    expect(formatRelative(NOW + 5 * 60_000, NOW, 'en')).toBe('in 5 minutes');
  });
});
