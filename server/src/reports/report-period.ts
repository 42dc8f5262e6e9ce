import type { ReportQuery } from '../../../lib/wire/reports';

const DAY_MS = 86_400_000;

/** A report's inclusive days and the epoch-ms bounds [startMs, endMs) of those days in UTC. */
export interface ReportPeriod {
  from: string;
  to: string;
  startMs: number;
  endMs: number;
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The asked period; a missing end is today, a missing start 29 days before the end. */
export function reportPeriod(query: Pick<ReportQuery, 'from' | 'to'>, now: number): ReportPeriod {
  const to = query.to ?? (query.from !== undefined && query.from > isoDay(now) ? query.from : isoDay(now));
  const from = query.from ?? isoDay(Date.parse(to) - 29 * DAY_MS);
  return { from, to, startMs: Date.parse(from), endMs: Date.parse(to) + DAY_MS };
}
