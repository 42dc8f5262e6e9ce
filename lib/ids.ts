import { monotonicFactory } from 'ulid';

/**
 * Record ids are made on the device (ULID: time-ordered, unique without a server), so a
 * sync push that is retried, or a panel request resent after a reconnect, is harmless.
 * Monotonic: two ids made in the same millisecond still sort in the order they were made.
 */
const nextUlid = monotonicFactory();

export function newId(now: number = Date.now()): string {
  return nextUlid(now);
}
