import { REPORT_TABLES, type ReportKind, type ReportQuery, type ReportResponse, type ReportRow } from '../../../lib/wire/reports';
import type { Caller } from '../auth/caller';
import type { Queryable } from '../db/database';
import { HttpError } from '../http-error';
import { activityReport } from './activity-report';
import { complianceReport } from './compliance-report';
import { conversionsReport } from './conversions-report';
import { monthlyReport } from './monthly-report';
import { orgPlaybook } from './org-playbook';
import { overdueReport } from './overdue-report';
import { reportPeriod } from './report-period';
import { resolveScope } from './report-scope';

/** Runs one report for the caller, scoped to what they may see. */
export async function runReport(db: Queryable, caller: Caller, kind: ReportKind, query: ReportQuery, now: number = Date.now()): Promise<ReportResponse> {
  const scope = await resolveScope(db, caller, query);
  const period = reportPeriod(query, now);
  let tables: Record<string, ReportRow[]>;
  switch (kind) {
    case 'compliance':
      tables = await complianceReport(db, scope, period, await orgPlaybook(db, scope.orgId), query.lang);
      break;
    case 'activity':
      tables = await activityReport(db, scope, period, await orgPlaybook(db, scope.orgId));
      break;
    case 'conversions':
      tables = await conversionsReport(db, scope, period);
      break;
    case 'overdue':
      tables = await overdueReport(db, scope, period, await orgPlaybook(db, scope.orgId), query.lang, now);
      break;
    case 'monthly':
      tables = await monthlyReport(db, scope, period);
      break;
  }
  return { kind, from: period.from, to: period.to, scope: { team: scope.teamId, manager: scope.userId }, tables };
}

/** The table a CSV request names, or the report's first; an unknown name is a 400 naming it. */
export function csvTable(kind: ReportKind, table: string | undefined): { name: string; columns: readonly string[] } {
  const tables: Record<string, readonly string[]> = REPORT_TABLES[kind];
  const name = table ?? Object.keys(tables)[0] ?? '';
  const columns = tables[name];
  if (columns === undefined) {
    throw new HttpError(400, 'bad_request', `unknown table "${name}" for ${kind}`, [
      { path: 'querystring.table', message: `expected one of ${Object.keys(tables).join(', ')}` },
    ]);
  }
  return { name, columns };
}
