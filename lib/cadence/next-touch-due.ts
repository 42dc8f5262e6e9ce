import type { Touch } from '../touches/touch';
import type { TouchNorm } from '../playbook/schema';
import { countsAsTouch, isHeldMeeting, latestAt } from './counting-touch';

export const DAY_MS = 86_400_000;

export interface CadenceState {
  /** Latest touch that counts toward the norm. */
  lastTouchAt: number | null;
  /** Latest meeting that took place; null without a meeting norm or without such a meeting. */
  lastMeetingAt: number | null;
  /** Which part of the norm sets nextDueAt: any touch, or a meeting. */
  dueFor: 'touch' | 'meeting';
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
  let lastMeetingAt: number | null = null;
  let dueFor: CadenceState['dueFor'] = 'touch';
  if (norm.meetingEveryDays !== undefined) {
    lastMeetingAt = latestAt(touches, isHeldMeeting);
    const meetingDue = dueAfter(lastMeetingAt, norm.meetingEveryDays, now);
    // On a tie the meeting is named: a meeting also settles the touch.
    if (meetingDue <= nextDueAt) {
      nextDueAt = meetingDue;
      dueFor = 'meeting';
    }
  }
  const days = overdueDays(nextDueAt, now);
  return { lastTouchAt, lastMeetingAt, dueFor, nextDueAt, overdue: days > 0, overdueDays: days };
}
