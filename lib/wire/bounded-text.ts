import { z } from 'zod';

/**
 * NUL, or a UTF-16 surrogate without its partner. PostgreSQL's jsonb refuses both (SQLSTATE
 * 22P05), so one such character used to fail a whole push batch with a 500; a string that
 * carries one is refused where it enters instead, naming its path.
 */
const ILL_FORMED = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isWellFormedText(value: string): boolean {
  return !ILL_FORMED.test(value);
}

/**
 * Text taken from a page that must be stored whatever it holds (a letter's subject): NUL and
 * lone surrogates become U+FFFD, and it is cut to `max` units without splitting a pair.
 */
export function toStorableText(value: string, max: number): string {
  let text = value.replace(/\u0000/g, '\ufffd').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  if (text.length > max) text = text.slice(0, /[\ud800-\udbff]/.test(text[max - 1] ?? '') ? max - 1 : max);
  return text;
}

export const ILL_FORMED_MESSAGE = 'contains a NUL character or a lone surrogate';

/**
 * A string every shared schema uses: at most `max` UTF-16 units (checked first, so a huge
 * string costs one length comparison) and well-formed text the database can store.
 */
export function boundedText(max: number, min = 0): z.ZodString {
  let schema = z.string().max(max, `longer than ${max} characters`);
  if (min > 0) schema = schema.min(min, min === 1 ? 'must not be empty' : `shorter than ${min} characters`);
  return schema.refine(isWellFormedText, ILL_FORMED_MESSAGE);
}

/**
 * The limits, in one place so the extension, the server and the docs agree. Lengths are in
 * UTF-16 units (what JavaScript's `length` counts).
 */
export const TEXT_LIMITS = {
  /** A ULID, a device id, a playbook id. */
  id: 64,
  /** clientKey(): source:account:entity:crmId. */
  clientKey: 512,
  /** A touch's comment, a script line, an objection's answer. */
  longText: 4000,
  /** A name: a client, a stage, a field label, a playbook. */
  name: 500,
  /** A short label: a CRM stage name, a field alias, a segment value. */
  label: 255,
} as const;

/** Latest epoch ms a date may carry anywhere (the end of JavaScript's Date range). */
export const MAX_EPOCH_MS = 8_640_000_000_000_000;

/** How far ahead of the server's clock a device's date may be (a little clock drift). */
export const MAX_CLOCK_AHEAD_MS = 10 * 60_000;
