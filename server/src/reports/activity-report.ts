import { z } from 'zod';
import type { Playbook } from '../../../lib/playbook/schema';
import type { ReportRow } from '../../../lib/wire/reports';
import type { Queryable } from '../db/database';
import { activityMinimums } from './activity-norms';
import type { ReportPeriod } from './report-period';
import type { ReportScope } from './report-scope';
import { scopeParams, scopeSql } from './report-sql';

const DayRow = z.object({
  manager_id: z.string(),
  manager: z.string(),
  day: z.string(),
  calls: z.number(),
  meetings: z.number(),
  emails: z.number(),
  opens: z.number(),
  letters: z.number(),
});
type DayCounts = z.infer<typeof DayRow>;
const METRICS = ['calls', 'meetings', 'emails', 'opens', 'letters'] as const;

/** Monday of the ISO week a day falls in. */
export function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

const isWeekday = (day: string): boolean => {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
};

/**
 * Activity per manager per day and per week against the playbook's minimums: calls, meetings,
 * emails sent, email opens and paper letters, counted from synced touches (UTC days) through
 * their daily rollup `touch_day_counts` (migration 007), so a month is a few thousand rows. Every
 * manager in scope gets a row for every day, so a day with no calls shows as a zero below norm.
 * Daily norms apply Monday to Friday; a week is below norm when its total is, and a week cut
 * by the period's edge is measured as it stands.
 */
export async function activityReport(db: Queryable, scope: ReportScope, period: ReportPeriod, playbook: Playbook): Promise<Record<string, ReportRow[]>> {
  const rows = await db.query(
    `WITH people AS (
       SELECT u.id, u.email FROM users u
        WHERE u.org_id = $1::bigint AND ($2::bigint IS NULL OR u.team_id = $2::bigint)
          AND (($3::bigint IS NULL AND u.role = 'manager') OR u.id = $3::bigint)),
     days AS (SELECT d::date AS day FROM generate_series($4::date, $5::date, interval '1 day') AS d),
     counts AS (
       SELECT t.user_id, t.day,
              (sum(t.n) FILTER (WHERE t.kind = 'call'))::int AS calls,
              (sum(t.n) FILTER (WHERE t.kind = 'meeting'))::int AS meetings,
              (sum(t.n) FILTER (WHERE t.kind = 'email'))::int AS emails,
              (sum(t.n) FILTER (WHERE t.kind = 'email_open'))::int AS opens,
              (sum(t.n) FILTER (WHERE t.kind = 'direct_mail'))::int AS letters
         FROM touch_day_counts t
        WHERE ${scopeSql('t')} AND t.day BETWEEN $4::date AND $5::date
        GROUP BY 1, 2)
     SELECT p.id::text AS manager_id, p.email AS manager, d.day::text AS day,
            coalesce(c.calls, 0) AS calls, coalesce(c.meetings, 0) AS meetings, coalesce(c.emails, 0) AS emails,
            coalesce(c.opens, 0) AS opens, coalesce(c.letters, 0) AS letters
       FROM people p CROSS JOIN days d LEFT JOIN counts c ON c.user_id = p.id AND c.day = d.day
      ORDER BY p.email, d.day`,
    [...scopeParams(scope), period.from, period.to],
  );
  const norms = activityMinimums(playbook);
  const below = (c: Pick<DayCounts, 'calls' | 'meetings'>, n: { calls: number | null; meetings: number | null }): string =>
    (['calls', 'meetings'] as const).filter((m) => n[m] !== null && c[m] < (n[m] ?? 0)).join(', ');

  const byDay: ReportRow[] = [];
  const weeks = new Map<string, ReportRow & DayCounts>();
  const managers = new Map<string, ReportRow>();
  for (const raw of rows) {
    const r = DayRow.parse(raw);
    const dayBelow = isWeekday(r.day) ? below(r, norms.day) : '';
    byDay.push({ ...r, calls_norm: norms.day.calls, meetings_norm: norms.day.meetings, below_norm: dayBelow });
    const weekKey = `${r.manager_id}|${weekOf(r.day)}`;
    const week = weeks.get(weekKey) ?? { ...r, day: weekOf(r.day), calls: 0, meetings: 0, emails: 0, opens: 0, letters: 0 };
    const total = managers.get(r.manager_id) ?? { manager_id: r.manager_id, manager: r.manager, calls: 0, meetings: 0, emails: 0, opens: 0, letters: 0, days_below_norm: 0, weeks_below_norm: 0 };
    for (const m of METRICS) {
      week[m] += r[m];
      total[m] = Number(total[m]) + r[m];
    }
    if (dayBelow !== '') total.days_below_norm = Number(total.days_below_norm) + 1;
    weeks.set(weekKey, week);
    managers.set(r.manager_id, total);
  }
  const byWeek: ReportRow[] = [...weeks.values()].map(({ day, ...w }) => {
    const weekBelow = below(w, norms.week);
    if (weekBelow !== '') {
      const total = managers.get(w.manager_id);
      if (total !== undefined) total.weeks_below_norm = Number(total.weeks_below_norm) + 1;
    }
    return { ...w, week: day, calls_norm: norms.week.calls, meetings_norm: norms.week.meetings, below_norm: weekBelow };
  });
  return { byManager: [...managers.values()], byDay, byWeek };
}
