import { z } from 'zod';
import type { ReportRow } from '../../../lib/wire/reports';
import type { Queryable } from '../db/database';
import { weekOf } from './activity-report';
import type { ReportPeriod } from './report-period';
import type { ReportScope } from './report-scope';
import { percent, scopeParams, scopeSql } from './report-sql';

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
 * A rate is the next step's count over this step's, in percent, null without a base. Both halves
 * read rollups kept on insert (migration 007): touches per day and each person's first snapshot
 * of a deal at each stage; a deal seen first by two people in scope counts at the earlier day.
 */
export async function conversionsReport(db: Queryable, scope: ReportScope, period: ReportPeriod): Promise<Record<string, ReportRow[]>> {
  const rows = await db.query(
    `SELECT date_trunc('week', t.day)::date::text AS week,
            CASE t.kind WHEN 'call' THEN 'calls' ELSE 'meetings' END AS step, sum(t.n)::int AS n
       FROM touch_day_counts t
      WHERE ${scopeSql('t')} AND t.day BETWEEN $4::date AND $5::date AND t.kind IN ('call', 'meeting')
      GROUP BY 1, 2
     UNION ALL
     SELECT date_trunc('week', f.day)::date::text, CASE f.step WHEN 'won' THEN 'won' WHEN $6 THEN 'proposals' ELSE 'negotiations' END,
            count(DISTINCT f.client_key)::int
       FROM deal_stage_firsts f
      WHERE ${scopeSql('f')} AND f.step IN ('won', $6, $7) AND f.day BETWEEN $4::date AND $5::date
        AND NOT EXISTS (SELECT 1 FROM deal_stage_firsts e
                         WHERE e.org_id = f.org_id AND e.client_key = f.client_key AND e.step = f.step
                           AND ($2::bigint IS NULL OR e.team_id = $2::bigint) AND ($3::bigint IS NULL OR e.user_id = $3::bigint)
                           AND e.day < f.day)
      GROUP BY 1, 2`,
    [...scopeParams(scope), period.from, period.to, PROPOSAL_STAGE, NEGOTIATION_STAGE],
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
