/** The first retry waits up to this long; each failure doubles the ceiling. */
export const BACKOFF_BASE_MS = 2_000;
/** However many failures, a retry is never more than this far away. */
export const BACKOFF_CAP_MS = 5 * 60_000;

/**
 * How long to wait before retry number `attempt` (1 for the first failure). Full jitter: a
 * uniform pick in [0, min(cap, base·2^(attempt−1))), so many browsers that lost the same
 * server do not all come back in the same second.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random, baseMs = BACKOFF_BASE_MS, capMs = BACKOFF_CAP_MS): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // 2^30 already passes any sane cap; the clamp keeps the power finite.
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(exponent, 30));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}
