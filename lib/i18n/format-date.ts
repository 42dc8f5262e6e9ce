import type { Lang } from './lang';
import { intlLocale } from './translate';

/** Date and time in the UI language, e.g. "12 мар. 2026 г., 14:05" / "Mar 12, 2026, 2:05 PM". */
export function formatDateTime(epochMs: number, lang: Lang): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

/** A day, without the time: due dates are days. */
export function formatDate(epochMs: number, lang: Lang): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium' }).format(epochMs);
}
