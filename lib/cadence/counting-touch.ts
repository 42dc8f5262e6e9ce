import type { Touch, TouchKind } from '../touches/touch';

/**
 * Which logged touches count toward a client's touch norm. Only the kinds the segment's norm
 * lists count (notes and email opens are the manager's own bookkeeping and the client's reading,
 * not contact), and an unanswered call is an attempt, not a touch.
 */
export function countsAsTouch(touch: Pick<Touch, 'kind' | 'outcome'>, countingKinds: readonly TouchKind[]): boolean {
  return countingKinds.includes(touch.kind) && touch.outcome !== 'no_answer';
}

/** Time of the latest touch that passes `counts`, or null when none does. */
export function latestAt(touches: readonly Touch[], counts: (touch: Touch) => boolean): number | null {
  let latest: number | null = null;
  for (const touch of touches) {
    if (counts(touch) && (latest === null || touch.at > latest)) latest = touch.at;
  }
  return latest;
}

/**
 * A meeting that did take place ("Meeting held"). A meeting only booked, declined or missed
 * does not: the meeting norm asks for people who met, not for entries in a calendar.
 */
export function isHeldMeeting(touch: Pick<Touch, 'kind' | 'outcome'>): boolean {
  return touch.kind === 'meeting' && touch.outcome === 'reached';
}
