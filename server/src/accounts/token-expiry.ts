/**
 * `--expires` for `token issue`: a span from now (`12h`, `30d`, `8w`) or a date
 * (`2027-01-31`, end of that day UTC, or a full ISO time). Throws on anything else, on a time
 * in the past and beyond ten years, so a typo never issues a token that is dead or immortal.
 */
const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;
const MAX_MS = 10 * 366 * 86_400_000;

export function parseExpiry(text: string, now: Date): Date {
  const span = /^(\d{1,5})([hdw])$/.exec(text.trim());
  let at: Date;
  if (span !== null) {
    at = new Date(now.getTime() + Number(span[1]) * UNIT_MS[span[2] as keyof typeof UNIT_MS]);
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) {
    at = new Date(`${text.trim()}T23:59:59.999Z`);
  } else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(text.trim())) {
    at = new Date(text.trim());
  } else {
    throw new RangeError(`--expires "${text}": use a span like 12h, 30d, 8w or a date like 2027-01-31`);
  }
  if (Number.isNaN(at.getTime())) throw new RangeError(`--expires "${text}" is not a real date`);
  if (at.getTime() <= now.getTime()) throw new RangeError(`--expires "${text}" is in the past`);
  if (at.getTime() - now.getTime() > MAX_MS) throw new RangeError(`--expires "${text}" is more than ten years away`);
  return at;
}
