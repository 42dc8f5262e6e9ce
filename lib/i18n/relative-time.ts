import type { Lang } from './lang';
import { intlLocale } from './translate';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "2 minutes ago" / "через 30 секунд" in the UI language, for sync times: a person wants to
 * know how fresh the data is, not the exact clock time (that goes in the title).
 */
export function formatRelative(at: number, now: number, lang: Lang): string {
  const format = new Intl.RelativeTimeFormat(intlLocale(lang), { numeric: 'auto' });
  const diff = at - now;
  const abs = Math.abs(diff);
  // Under ten seconds either way reads as "now": clocks of the worker and the page drift a little.
  if (abs < 10_000) return format.format(0, 'second');
  if (abs < MINUTE) return format.format(Math.round(diff / 1000), 'second');
  if (abs < HOUR) return format.format(Math.round(diff / MINUTE), 'minute');
  if (abs < DAY) return format.format(Math.round(diff / HOUR), 'hour');
  return format.format(Math.round(diff / DAY), 'day');
}

const JUST_NOW: Record<Lang, string> = { ru: 'только что', en: 'just now' };

/**
 * For moments that have passed ("last synced", "the last meeting"): never "in 12 seconds".
 * Clocks of devices and the server differ, so a moment a little ahead of now is "just now".
 */
export function formatAgo(at: number, now: number, lang: Lang): string {
  if (now - at < 10_000) return JUST_NOW[lang];
  return formatRelative(at, now, lang);
}
