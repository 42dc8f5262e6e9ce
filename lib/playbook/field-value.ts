import { isBlank } from './text-match';

/**
 * Is a CRM field's value really filled for its type? "1" typed into a date field is not a
 * date; an unticked checkbox is empty; a select still showing its placeholder is empty.
 * Pure and small: the checklist calls it for every required field on every page change.
 */
export const VALUE_TYPES = ['text', 'date', 'phone', 'email', 'number', 'checkbox', 'select'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** The CRM's own field types (amoCRM, Kommo and the generic reader) mapped to what we check. */
const PAGE_TYPES: Record<string, ValueType> = {
  date: 'date',
  date_time: 'date',
  birthday: 'date',
  numeric: 'number',
  number: 'number',
  price: 'number',
  checkbox: 'checkbox',
  select: 'select',
  multiselect: 'select',
  radio: 'select',
  tel: 'phone',
  phone: 'phone',
  email: 'email',
};

/**
 * The type to check a value by: the page's own when it says something specific (a checkbox is
 * a checkbox whatever the playbook expected), else what the playbook declares for the field.
 */
export function effectiveType(pageType: string | undefined, declared: ValueType | undefined): ValueType {
  const fromPage = pageType === undefined ? undefined : PAGE_TYPES[pageType.toLowerCase()];
  return fromPage ?? declared ?? 'text';
}

const TICKED = new Set(['1', 'true', 'on', 'yes', 'y', 'да', '✓', '✔']);
const SELECT_PLACEHOLDERS = new Set(['выбрать', 'выберите', 'не выбрано', 'select', 'choose', 'not selected', '—', '-', '…']);

function validDate(day: number, month: number, year: number): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MONTHS = /(янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** dd.mm.yyyy (also / and -), yyyy-mm-dd, or a day, a month word and a year ("2 декабря 2025"). */
export function looksLikeDate(value: string): boolean {
  const v = value.trim();
  let m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:[ T,]+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(v);
  if (m) {
    const year = Number(m[3]) < 100 ? 2000 + Number(m[3]) : Number(m[3]);
    return validDate(Number(m[1]), Number(m[2]), year);
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(v);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return /\d{1,2}/.test(v) && MONTHS.test(v) && /\d{4}/.test(v);
}

export function looksLikePhone(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  return /^[\d\s()+\-.]+$/.test(value.trim()) && digits.length >= 5 && digits.length <= 15;
}

export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

export function looksLikeNumber(value: string): boolean {
  return /^[-+]?\d[\d\s\u00a0]*(?:[.,]\d+)?(?:\s*[^\d\s]{1,4})?$/.test(value.trim());
}

export type ValueCheck =
  | { filled: true; shown: string }
  /** bad: the field holds something that is not a value of its type ("1" in a date). */
  | { filled: false; bad: string | null };

/** Checks one value by type; a ticked checkbox reads '1' (the panel shows it as yes). */
export function checkValue(raw: string, type: ValueType): ValueCheck {
  const value = raw.trim();
  if (isBlank(value)) return { filled: false, bad: null };
  switch (type) {
    case 'checkbox':
      return TICKED.has(value.toLowerCase()) ? { filled: true, shown: '1' } : { filled: false, bad: null };
    case 'select':
      return SELECT_PLACEHOLDERS.has(value.toLowerCase()) ? { filled: false, bad: null } : { filled: true, shown: value };
    case 'date':
      return looksLikeDate(value) ? { filled: true, shown: value } : { filled: false, bad: value };
    case 'phone':
      return looksLikePhone(value) ? { filled: true, shown: value } : { filled: false, bad: value };
    case 'email':
      return looksLikeEmail(value) ? { filled: true, shown: value } : { filled: false, bad: value };
    case 'number':
      return looksLikeNumber(value) ? { filled: true, shown: value } : { filled: false, bad: value };
    case 'text':
      return { filled: true, shown: value };
  }
}
