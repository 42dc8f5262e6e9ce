/**
 * The time of a CRM feed item from the text the feed shows, in the browser's time zone:
 * "Сегодня 14:05", "Вчера 09:12", "Today 2:05 PM", "20.11.2025 14:05", "11/20/2025",
 * "2025-11-20 14:05". The date may come from the day separator above the item instead
 * (`dayHint`). Returns null for anything else: an item with no readable time is shown
 * but not counted, never placed at an invented time.
 */
const TODAY = /(?:^|\s)(сегодня|today)(?:\s|,|$)/i;
const YESTERDAY = /(?:^|\s)(вчера|yesterday)(?:\s|,|$)/i;
const DMY = /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)/;
const MDY = /(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?!\d)/;
const YMD = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const TIME = /(?<![\d.:/])(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?(?![\d])/i;

interface Day {
  y: number;
  m: number;
  d: number;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

function validDay(y: number, m: number, d: number): Day | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1970 || y > 9999) return null;
  const date = new Date(y, m - 1, d);
  return date.getMonth() === m - 1 ? { y, m, d } : null;
}

function dayOf(epochMs: number, offsetDays = 0): Day {
  const date = new Date(epochMs);
  date.setDate(date.getDate() + offsetDays);
  return { y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate() };
}

/** The calendar day a text names, or null. */
export function parseFeedDay(text: string, now: number): Day | null {
  if (TODAY.test(text)) return dayOf(now);
  if (YESTERDAY.test(text)) return dayOf(now, -1);
  const ymd = YMD.exec(text);
  if (ymd) return validDay(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const dmy = DMY.exec(text);
  if (dmy) return validDay(fullYear(dmy[3] ?? ''), Number(dmy[2]), Number(dmy[1]));
  const mdy = MDY.exec(text);
  if (mdy) return validDay(fullYear(mdy[3] ?? ''), Number(mdy[1]), Number(mdy[2]));
  return null;
}

function parseTime(text: string): { h: number; min: number } | null {
  const match = TIME.exec(text);
  if (!match) return null;
  let h = Number(match[1]);
  const min = Number(match[2]);
  const meridiem = match[3]?.toLowerCase().replace(/\./g, '');
  if (meridiem === 'pm' && h < 12) h += 12;
  if (meridiem === 'am' && h === 12) h = 0;
  return h < 24 && min < 60 ? { h, min } : null;
}

export function parseFeedDate(text: string, now: number, dayHint: string | null = null): number | null {
  const day = parseFeedDay(text, now) ?? (dayHint === null ? null : parseFeedDay(dayHint, now));
  if (day === null) return null;
  const time = parseTime(text.replace(DMY, ' ').replace(MDY, ' ').replace(YMD, ' '));
  return new Date(day.y, day.m - 1, day.d, time?.h ?? 0, time?.min ?? 0).getTime();
}
