import type { Touch } from '../touches/touch';
import type { TouchNorm } from '../playbook/schema';
import { countsAsTouch, isHeldMeeting, latestAt } from './counting-touch';

export const DAY_MS = 86_400_000;

export interface CadenceState {
  /** Latest touch that counts toward the norm. */
  lastTouchAt: number | null;
  /** When the next touch (or meeting, whichever comes first) is due. */
  nextDueAt: number;
  /** True only once the due moment has passed; exactly at it the touch is due, not late. */
  overdue: boolean;
  /** Days late, a started day counted whole, so overdue ⇔ overdueDays ≥ 1. */
  overdueDays: number;
}

/**
 * When the next touch is due after the last one. With no history we cannot know how long the
 * client has waited (the CRM card gives no creation date), so the touch is due now: the panel
 * shows it as due today, never as late by an invented number of days.
 */
export function dueAfter(last: number | null, everyDays: number, now: number): number {
  return last === null ? now : last + everyDays * DAY_MS;
}

export function overdueDays(dueAt: number, now: number): number {
  return now > dueAt ? Math.ceil((now - dueAt) / DAY_MS) : 0;
}

/**
 * Applies a segment's norm to a client's touches at `now`. Touches logged after `now` (a clock
 * skewed between devices) still count as the latest touch. With a meeting norm, the next due
 * moment is the earlier of the touch due and the meeting due.
 */
export function computeCadence(norm: TouchNorm, touches: readonly Touch[], now: number): CadenceState {
  const lastTouchAt = latestAt(touches, (t) => countsAsTouch(t, norm.countingKinds));
  let nextDueAt = dueAfter(lastTouchAt, norm.touchEveryDays, now);
  if (norm.meetingEveryDays !== undefined) {
    const lastMeetingAt = latestAt(touches, isHeldMeeting);
    nextDueAt = Math.min(nextDueAt, dueAfter(lastMeetingAt, norm.meetingEveryDays, now));
  }
  const days = overdueDays(nextDueAt, now);
  return { lastTouchAt, nextDueAt, overdue: days > 0, overdueDays: days };
}
