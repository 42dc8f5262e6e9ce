import type { ReportKind, ReportResponse } from '../wire/reports';

export interface ChartSeries {
  /** Message key suffix of the series name, a column name. */
  column: string;
  values: (number | null)[];
}
export interface ChartData {
  /** Which dashboard.chart.* title to show. */
  title: 'fillRate' | 'activity' | 'conversions' | 'revenue';
  labels: string[];
  series: ChartSeries[];
}

/** The trend each report draws, or null when it has none (overdue is a list). */
export function chartFor(kind: ReportKind, report: ReportResponse): ChartData | null {
  const column = (table: string, name: string): (number | null)[] =>
    (report.tables[table] ?? []).map((row) => (typeof row[name] === 'number' ? (row[name] as number) : null));
  const labels = (table: string, name: string): string[] => (report.tables[table] ?? []).map((row) => String(row[name] ?? ''));
  switch (kind) {
    case 'compliance':
      return { title: 'fillRate', labels: labels('trend', 'day'), series: [{ column: 'fill_rate', values: column('trend', 'fill_rate') }] };
    case 'activity': {
      // The team's calls and meetings per day: the sum over its managers.
      const days = new Map<string, { calls: number; meetings: number }>();
      for (const row of report.tables.byDay ?? []) {
        const day = String(row.day);
        const sum = days.get(day) ?? { calls: 0, meetings: 0 };
        sum.calls += Number(row.calls ?? 0);
        sum.meetings += Number(row.meetings ?? 0);
        days.set(day, sum);
      }
      return {
        title: 'activity',
        labels: [...days.keys()],
        series: [
          { column: 'calls', values: [...days.values()].map((d) => d.calls) },
          { column: 'meetings', values: [...days.values()].map((d) => d.meetings) },
        ],
      };
    }
    case 'conversions':
      return {
        title: 'conversions',
        labels: labels('byWeek', 'week'),
        series: [
          { column: 'calls', values: column('byWeek', 'calls') },
          { column: 'meetings', values: column('byWeek', 'meetings') },
        ],
      };
    case 'monthly':
      return { title: 'revenue', labels: labels('byMonth', 'month'), series: [{ column: 'revenue', values: column('byMonth', 'revenue') }] };
    case 'overdue':
      return null;
  }
}
