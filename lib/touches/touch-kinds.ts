/**
 * The kinds and outcomes of a touch as plain lists, without zod: the panel's views import
 * these, and the docked panel's chunk must not carry zod (its schemas live in ./touch.ts,
 * where the background parses what arrives).
 *
 * A touch is any contact with the client: a call, a meeting, a letter, a paper letter
 * (direct mail counts, per the key-client norms), a note, or an opened tracked email.
 */
export const TOUCH_KINDS = ['call', 'meeting', 'email', 'direct_mail', 'note', 'email_open'] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

/** Kinds a manager logs by hand from the panel (opens are logged by the tracker). */
export const MANUAL_TOUCH_KINDS = ['call', 'meeting', 'email', 'direct_mail', 'note'] as const satisfies readonly TouchKind[];

export const TOUCH_OUTCOMES = [
  'reached', // spoke with the client / meeting held / letter delivered
  'no_answer',
  'callback', // asked to call back later
  'meeting_booked',
  'declined',
  'sent', // letter or direct mail sent
  'done', // notes and anything else
] as const;
export type TouchOutcome = (typeof TOUCH_OUTCOMES)[number];
