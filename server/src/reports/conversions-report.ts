import { z } from 'zod';
import type { ReportRow } from '../../../lib/wire/reports';
import type { Queryable } from '../db/database';
import { weekOf } from './activity-report';
import type { ReportPeriod } from './report-period';
import type { ReportScope } from './report-scope';
import { percent, scopeParams, scopeSql, utcDaySql } from './report-sql';

/** Playbook stage ids of the funnel steps between meetings and a won deal (the default playbook's). */
export const PROPOSAL_STAGE = 'proposal_sent';
export const NEGOTIATION_STAGE = 'negotiation';

const Row = z.object({ week: z.string(), step: z.string(), n: z.number() });
const STEPS = ['calls', 'meetings', 'proposals', 'negotiations', 'won'] as const;
type Step = (typeof STEPS)[number];

/**
 * Weekly conversions: calls → meetings → proposals → negotiations → won. Calls and meetings are
 * touches logged that week; proposals, negotiations and wins are deals that FIRST reached that
 * stage (as the manager's snapshots saw it) that week, so a deal viewed daily counts once.
 * A rate is the next step's count over this step's, in percent, null without a base.
 */
export async function conversionsReport(db: Queryable, scope: ReportScope, period: ReportPeriod): Promise<Record<string, ReportRow[]>> {
  const rows = await db.query(
    `SELECT date_trunc('week', ${utcDaySql('t.at_ms')})::date::text AS week,
            CASE t.kind WHEN 'call' THEN 'calls' ELSE 'meetings' END AS step, count(*)::int AS n
       FROM touches t
      WHERE ${scopeSql('t')} AND NOT t.deleted AND t.at_ms >= $4::bigint AND t.at_ms < $5::bigint AND t.kind IN ('call', 'meeting')
      GROUP BY 1, 2
     UNION ALL
     SELECT date_trunc('week', f.first_day)::date::text, f.step, count(*)::int
       FROM (SELECT c.client_key,
                    CASE WHEN c.terminal = 'won' THEN 'won' WHEN c.stage_id = $6 THEN 'proposals' ELSE 'negotiations' END AS step,
                    min(c.day) AS first_day
               FROM compliance_snapshots c
              WHERE ${scopeSql('c')} AND (c.terminal = 'won' OR c.stage_id IN ($6, $7))
              GROUP BY 1, 2) f
      WHERE f.first_day BETWEEN $8::date AND $9::date
      GROUP BY 1, 2`,
    [...scopeParams(scope), period.startMs, period.endMs, PROPOSAL_STAGE, NEGOTIATION_STAGE, period.from, period.to],
  );
  const weeks = new Map<string, Record<Step, number>>();
  for (let day = weekOf(period.from); day <= period.to; day = new Date(Date.parse(day) + 7 * 86_400_000).toISOString().slice(0, 10)) {
    weeks.set(day, { calls: 0, meetings: 0, proposals: 0, negotiations: 0, won: 0 });
  }
  const total: Record<Step, number> = { calls: 0, meetings: 0, proposals: 0, negotiations: 0, won: 0 };
  for (const raw of rows) {
    const r = Row.parse(raw);
    const week = weeks.get(r.week);
    const step = r.step as Step;
    if (week === undefined || !STEPS.includes(step)) continue;
    week[step] += r.n;
    total[step] += r.n;
  }
  const rates = (c: Record<Step, number>): ReportRow => ({
    ...c,
    calls_to_meetings: percent(c.meetings, c.calls),
    meetings_to_proposals: percent(c.proposals, c.meetings),
    proposals_to_negotiations: percent(c.negotiations, c.proposals),
    negotiations_to_won: percent(c.won, c.negotiations),
  });
  return {
    byWeek: [...weeks.entries()].map(([week, counts]) => ({ week, ...rates(counts) })),
    total: [rates(total)],
  };
}
