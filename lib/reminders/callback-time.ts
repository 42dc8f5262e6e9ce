/**
 * The callback time a manager picks in the panel, in the browser's local time. Plain
 * functions without zod: the docked panel's chunk imports them.
 */

/** The hour a callback defaults to on the next day: the start of a working morning. */
export const DEFAULT_CALLBACK_HOUR = 10;

/** Tomorrow at 10:00 local time, the usual "call me tomorrow". */
export function defaultCallbackAt(now: number): number {
  const day = new Date(now);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1, DEFAULT_CALLBACK_HOUR, 0, 0, 0).getTime();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The value of an <input type="datetime-local"> for a moment: "2026-12-03T10:00". */
export function toLocalInputValue(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/**
 * The moment a datetime-local value names, or null for anything that is not a real local
 * time (an empty field, "2026-02-30T10:00", a year before 1970).
 */
export function fromLocalInputValue(value: string): number | null {
  const m = LOCAL_INPUT.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => (part === undefined ? 0 : Number(part))) as [number, number, number, number, number, number];
  if (year < 1970) return null;
  const d = new Date(year, month - 1, day, hour, minute, second, 0);
  // Date rolls 30 February over into March: a value that does not round-trip is refused.
  if (d.getFullYear() !== year || d.getMonth() !== month - 1 || d.getDate() !== day || d.getHours() !== hour || d.getMinutes() !== minute) return null;
  return d.getTime();
}
