import type { ReportRow } from '../../../lib/wire/reports';

/** Excel reads a CSV as UTF-8 (and shows Cyrillic) only when it starts with a byte order mark. */
const BOM = '\uFEFF';

/**
 * One table as CSV (RFC 4180: CRLF, quotes doubled). Text that a spreadsheet would run as a
 * formula (=, +, -, @ first) is prefixed with an apostrophe: deal titles come from CRM cards.
 */
export function toCsv(columns: readonly string[], rows: readonly ReportRow[]): string {
  const lines = [columns.map(cell).join(','), ...rows.map((row) => columns.map((c) => cell(row[c] ?? null)).join(','))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
