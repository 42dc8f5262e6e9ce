import { useMemo, useState } from 'react';
import type { MessageKey } from '../../lib/i18n/messages';
import type { Translator } from '../../lib/i18n/translate';
import { nextOrder, sortRows, type SortOrder } from '../../lib/reports/sort-rows';
import type { ReportCell, ReportRow } from '../../lib/wire/reports';

export interface ReportTableProps {
  caption: string;
  columns: readonly string[];
  rows: readonly ReportRow[];
  t: Translator;
  locale: string;
  /** Offers the table as CSV from the server. */
  onCsv?: () => void;
}

/** One report table: a header button per column sorts it (Enter or Space from the keyboard). */
export function ReportTable({ caption, columns, rows, t, locale, onCsv }: ReportTableProps) {
  const [order, setOrder] = useState<SortOrder | null>(null);
  const sorted = useMemo(() => sortRows(rows, order, locale), [rows, order, locale]);
  const number = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }), [locale]);
  // A column of numbers is right-aligned, its header too, so figures line up under their name.
  const numeric = useMemo(() => new Set(columns.filter((c) => rows.some((r) => typeof r[c] === 'number'))), [columns, rows]);

  const cell = (column: string, value: ReportCell | undefined) => {
    if (value === null || value === undefined || value === '') return <span className="sf-muted">—</span>;
    if (column === 'url' && typeof value === 'string' && /^https?:\/\//i.test(value)) {
      return (
        <a href={value} target="_blank" rel="noopener noreferrer">
          {t('dashboard.openCard')}
        </a>
      );
    }
    return typeof value === 'number' ? number.format(value) : value;
  };

  return (
    <section className="sf-report-table">
      <div className="sf-report-table__head">
        <h3>{caption}</h3>
        {onCsv !== undefined && (
          <button type="button" className="sf-btn sf-btn--ghost" onClick={onCsv}>
            {t('dashboard.csv')}
          </button>
        )}
      </div>
      <div className="sf-report-table__scroll">
        <table>
          <caption className="sf-visually-hidden">
            {caption}. {t('dashboard.sortHint')}
          </caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th
                  key={column}
                  scope="col"
                  className={numeric.has(column) ? 'sf-num' : `sf-col-${column}`}
                  aria-sort={order?.column === column ? (order.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" onClick={() => setOrder((current) => nextOrder(current, column))}>
                    {t(`dashboard.col.${column}` as MessageKey)}
                    <span aria-hidden="true" className="sf-sort-mark">
                      {order?.column === column ? (order.direction === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="sf-muted">
                  {t('dashboard.empty')}
                </td>
              </tr>
            ) : (
              sorted.map((row, i) => (
                <tr key={i}>
                  {columns.map((column) => (
                    <td key={column} className={typeof row[column] === 'number' ? 'sf-num' : undefined}>
                      {cell(column, row[column])}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
