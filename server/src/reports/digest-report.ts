import type { DigestQuery, DigestResponse } from '../../../lib/wire/digest';
import type { Caller } from '../auth/caller';
import type { Queryable } from '../db/database';
import { HttpError } from '../http-error';
import { activityReport } from './activity-report';
import { complianceReport } from './compliance-report';
import { orgPlaybook } from './org-playbook';
import { overdueReport } from './overdue-report';
import { reportPeriod } from './report-period';
import { resolveScope } from './report-scope';

const DAY_MS = 86_400_000;
/** The latest day a digest may be asked for: tomorrow in UTC is already today at UTC+14. */
const AHEAD_MS = 14 * 3_600_000;

/**
 * One day's violations for a head (their team) or an admin (the organisation, or one team),
 * made of the existing reports run over that single day: activity's days below norm, the
 * compliance report's deals with gaps, and the overdue report as of the day's end. The server
 * keeps no team time zone, so the day is a UTC day (a deal's viewed day is the manager's own,
 * as their snapshot recorded it); the answer says so in `timeZone`.
 */
export async function digestReport(db: Queryable, caller: Caller, query: DigestQuery, now: number = Date.now()): Promise<DigestResponse> {
  if (caller.role === 'manager') throw new HttpError(403, 'forbidden', 'the daily digest is for heads and admins');
  const date = query.date ?? new Date(now).toISOString().slice(0, 10);
  if (Date.parse(date) > now + AHEAD_MS) {
    throw new HttpError(400, 'bad_request', 'the digest covers a day that has begun', [{ path: 'querystring.date', message: 'must not be in the future' }]);
  }
  const scope = await resolveScope(db, caller, { team: query.team });
  const period = reportPeriod({ from: date, to: date }, now);
  const playbook = await orgPlaybook(db, scope.orgId);
  const [activity, compliance, overdue] = [
    await activityReport(db, scope, period, playbook),
    await complianceReport(db, scope, period, playbook, query.lang),
    await overdueReport(db, scope, period, playbook, query.lang, Math.min(now, Date.parse(date) + DAY_MS)),
  ];
  return {
    date,
    timeZone: 'UTC',
    scope: { team: scope.teamId },
    tables: {
      belowNorm: (activity.byDay ?? []).filter((r) => r.below_norm !== ''),
      gaps: compliance.gaps ?? [],
      overdue: overdue.clients ?? [],
    },
  };
}
