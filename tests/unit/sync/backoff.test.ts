import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelay } from '../../../lib/sync/backoff';

describe('backoffDelay', () => {
  it('doubles the ceiling with every failure, starting at the base', () => {
    const top = () => 0.999_999;
    expect(backoffDelay(1, top)).toBe(BACKOFF_BASE_MS - 1);
    expect(backoffDelay(2, top)).toBe(2 * BACKOFF_BASE_MS - 1);
    expect(backoffDelay(5, top)).toBe(16 * BACKOFF_BASE_MS - 1);
  });

  it('never waits longer than the cap, however many failures', () => {
    for (const attempt of [9, 10, 50, 1_000, Number.MAX_SAFE_INTEGER]) {
      expect(backoffDelay(attempt, () => 0.999_999)).toBeLessThan(BACKOFF_CAP_MS);
      expect(backoffDelay(attempt, () => 0.999_999)).toBeGreaterThan(BACKOFF_CAP_MS - 1_000);
    }
  });

  it('spreads retries over the whole window (full jitter)', () => {
    expect(backoffDelay(4, () => 0)).toBe(0);
    expect(backoffDelay(4, () => 0.5)).toBe(4 * BACKOFF_BASE_MS);
    expect(backoffDelay(4, () => 0.25)).toBe(2 * BACKOFF_BASE_MS);
  });

  it('stays within the window for a random source that misbehaves', () => {
    expect(backoffDelay(1, () => 7)).toBeLessThanOrEqual(BACKOFF_BASE_MS);
    expect(backoffDelay(1, () => -3)).toBe(0);
    expect(backoffDelay(0, () => 0.5)).toBe(BACKOFF_BASE_MS / 2);
  });
});
