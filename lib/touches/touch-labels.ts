import type { MessageKey } from '../i18n/messages';
import { isMessageKey } from '../i18n/messages';
import { MANUAL_TOUCH_KINDS, type TouchKind, type TouchOutcome } from './touch-kinds';

export type ManualTouchKind = (typeof MANUAL_TOUCH_KINDS)[number];

/**
 * Outcomes that make sense for each kind a manager logs by hand, most common first.
 * A letter is "sent" (and maybe answered); a paper letter is sent or delivered; a call
 * can miss; a note just records something.
 */
export const OUTCOMES_BY_KIND: Record<ManualTouchKind, readonly TouchOutcome[]> = {
  call: ['reached', 'no_answer', 'callback', 'meeting_booked', 'declined'],
  meeting: ['reached', 'meeting_booked', 'declined'],
  email: ['sent', 'reached', 'meeting_booked', 'declined'],
  direct_mail: ['sent', 'reached'],
  note: ['done'],
};

export function kindLabelKey(kind: TouchKind): MessageKey {
  return `touch.kind.${kind}`;
}

/** "reached" reads differently per kind (reached the client, meeting held, delivered). */
export function outcomeLabelKey(kind: TouchKind, outcome: TouchOutcome): MessageKey {
  const specific = `touch.outcome.${outcome}.${kind}`;
  return isMessageKey(specific) ? specific : `touch.outcome.${outcome}`;
}
