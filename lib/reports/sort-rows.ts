import type { ReportCell, ReportRow } from '../wire/reports';

export interface SortOrder {
  column: string;
  direction: 'asc' | 'desc';
}

/** Empty cells last whichever way; numbers as numbers; text by the language's collation. */
export function sortRows(rows: readonly ReportRow[], order: SortOrder | null, locale: string): ReportRow[] {
  if (order === null) return [...rows];
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = order.direction === 'asc' ? 1 : -1;
  const compare = (a: ReportCell | undefined, b: ReportCell | undefined): number => {
    const aEmpty = a === null || a === undefined || a === '';
    const bEmpty = b === null || b === undefined || b === '';
    if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
    if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
    return sign * collator.compare(String(a), String(b));
  };
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => compare(x.row[order.column], y.row[order.column]) || x.index - y.index)
    .map((x) => x.row);
}

/** The next order when a column header is pressed: ascending, descending, ascending… */
export function nextOrder(current: SortOrder | null, column: string): SortOrder {
  if (current?.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: 'asc' };
}
