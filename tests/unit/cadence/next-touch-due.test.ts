import { describe, expect, it } from 'vitest';
import { computeCadence, DAY_MS } from '../../../lib/cadence/next-touch-due';
import { countsAsTouch } from '../../../lib/cadence/counting-touch';
import type { TouchNorm } from '../../../lib/playbook/schema';
import { makeTouch, NOW } from '../playbook/fixtures';

const KEY: TouchNorm = { touchEveryDays: 15, countingKinds: ['call', 'meeting', 'direct_mail'] };
const KEY_WITH_MEETINGS: TouchNorm = { ...KEY, meetingEveryDays: 90 };
const NEW_LEAD: TouchNorm = { touchEveryDays: 3, countingKinds: ['call', 'meeting', 'email'] };

describe('which touches count', () => {
  it('counts only the kinds the norm lists, and never an unanswered call', () => {
    expect(countsAsTouch({ kind: 'call', outcome: 'reached' }, KEY.countingKinds)).toBe(true);
    expect(countsAsTouch({ kind: 'call', outcome: 'no_answer' }, KEY.countingKinds)).toBe(false);
    expect(countsAsTouch({ kind: 'direct_mail', outcome: 'sent' }, KEY.countingKinds)).toBe(true);
    expect(countsAsTouch({ kind: 'email', outcome: 'sent' }, KEY.countingKinds)).toBe(false);
    expect(countsAsTouch({ kind: 'note', outcome: 'done' }, KEY.countingKinds)).toBe(false);
  });
});

describe('what is due and why', () => {
  it('counts only a meeting that took place: a booked, declined or missed one does not', () => {
    const held = makeTouch({ kind: 'meeting', outcome: 'reached', at: NOW - 97 * DAY_MS });
    const booked = makeTouch({ kind: 'meeting', outcome: 'meeting_booked', at: NOW - DAY_MS });
    const declined = makeTouch({ kind: 'meeting', outcome: 'declined', at: NOW - DAY_MS });
    const call = makeTouch({ kind: 'call', outcome: 'reached', at: NOW - DAY_MS });
    const state = computeCadence(KEY_WITH_MEETINGS, [held, booked, declined, call], NOW);
    expect(state).toMatchObject({ lastMeetingAt: held.at, dueFor: 'meeting', overdue: true, overdueDays: 7 });
  });

  it('names the touch as due when calls are late and the meeting is not', () => {
    const held = makeTouch({ kind: 'meeting', outcome: 'reached', at: NOW - 10 * DAY_MS });
    const call = makeTouch({ kind: 'call', at: NOW - 30 * DAY_MS });
    // The meeting is itself a touch 10 days ago: the next touch is due in 5 days, the meeting in 80.
    expect(computeCadence(KEY_WITH_MEETINGS, [held, call], NOW)).toMatchObject({ dueFor: 'touch', nextDueAt: held.at + 15 * DAY_MS });
  });

  it('names the meeting on a tie and when none ever took place', () => {
    expect(computeCadence(KEY_WITH_MEETINGS, [], NOW)).toMatchObject({ dueFor: 'meeting', lastMeetingAt: null, nextDueAt: NOW });
  });
});

describe('computeCadence', () => {
  it('makes the first touch due now, and not yet late, when there is no history', () => {
    expect(computeCadence(NEW_LEAD, [], NOW)).toEqual({ lastTouchAt: null, lastMeetingAt: null, dueFor: 'touch', nextDueAt: NOW, overdue: false, overdueDays: 0 });
  });

  it('keeps a key client on time up to 15 days after the last call and late from then on', () => {
    const call = makeTouch({ kind: 'call', at: NOW - 15 * DAY_MS });
    expect(computeCadence(KEY, [call], NOW)).toEqual({ lastTouchAt: call.at, lastMeetingAt: null, dueFor: 'touch', nextDueAt: NOW, overdue: false, overdueDays: 0 });
    const older = makeTouch({ kind: 'call', at: NOW - 16 * DAY_MS });
    expect(computeCadence(KEY, [older], NOW)).toMatchObject({ nextDueAt: NOW - DAY_MS, overdue: true, overdueDays: 1 });
  });

  it('is due, not late, exactly at the due moment and late one millisecond after', () => {
    const call = makeTouch({ at: NOW - 3 * DAY_MS });
    expect(computeCadence(NEW_LEAD, [call], NOW)).toMatchObject({ overdue: false, overdueDays: 0 });
    expect(computeCadence(NEW_LEAD, [call], NOW + 1)).toMatchObject({ overdue: true, overdueDays: 1 });
  });

  it('counts whole days late, a started day as one', () => {
    const call = makeTouch({ at: NOW - 20 * DAY_MS });
    expect(computeCadence(KEY, [call], NOW).overdueDays).toBe(5);
    expect(computeCadence(KEY, [call], NOW + DAY_MS / 2).overdueDays).toBe(6);
  });

  it('ignores unanswered calls when finding the last touch', () => {
    const reached = makeTouch({ kind: 'call', outcome: 'reached', at: NOW - 10 * DAY_MS });
    const missed = makeTouch({ kind: 'call', outcome: 'no_answer', at: NOW - DAY_MS });
    expect(computeCadence(NEW_LEAD, [reached, missed], NOW)).toMatchObject({ lastTouchAt: reached.at, overdue: true, overdueDays: 7 });
  });

  it('ignores notes and email opens, and emails for a key client', () => {
    const call = makeTouch({ kind: 'call', at: NOW - 30 * DAY_MS });
    const later = [
      makeTouch({ kind: 'note', outcome: 'done', at: NOW - DAY_MS }),
      makeTouch({ kind: 'email_open', outcome: 'done', at: NOW - DAY_MS }),
      makeTouch({ kind: 'email', outcome: 'sent', at: NOW - DAY_MS }),
    ];
    expect(computeCadence(KEY, [call, ...later], NOW).lastTouchAt).toBe(call.at);
  });

  it('counts a paper letter as a touch for a key client', () => {
    const letter = makeTouch({ kind: 'direct_mail', outcome: 'sent', at: NOW - 2 * DAY_MS });
    expect(computeCadence(KEY, [makeTouch({ at: NOW - 40 * DAY_MS }), letter], NOW)).toMatchObject({ lastTouchAt: letter.at, overdue: false });
  });

  it('takes the latest touch whatever the order of the list', () => {
    const a = makeTouch({ at: NOW - 2 * DAY_MS });
    const b = makeTouch({ at: NOW - 9 * DAY_MS });
    expect(computeCadence(KEY, [a, b], NOW).lastTouchAt).toBe(a.at);
    expect(computeCadence(KEY, [b, a], NOW).lastTouchAt).toBe(a.at);
  });

  it('makes a meeting due by the meeting norm even when calls are on time', () => {
    const meeting = makeTouch({ kind: 'meeting', at: NOW - 100 * DAY_MS });
    const call = makeTouch({ kind: 'call', at: NOW - 2 * DAY_MS });
    expect(computeCadence(KEY_WITH_MEETINGS, [meeting, call], NOW)).toMatchObject({
      lastTouchAt: call.at,
      nextDueAt: meeting.at + 90 * DAY_MS,
      overdue: true,
      overdueDays: 10,
    });
  });

  it('does not count a declined meeting as held', () => {
    const held = makeTouch({ kind: 'meeting', outcome: 'reached', at: NOW - 80 * DAY_MS });
    const declined = makeTouch({ kind: 'meeting', outcome: 'declined', at: NOW - 5 * DAY_MS });
    expect(computeCadence(KEY_WITH_MEETINGS, [held, declined], NOW).nextDueAt).toBe(held.at + 90 * DAY_MS);
  });
});
