import { z } from 'zod';
import { DaySchema } from './compliance';

/**
 * The sales head's reports (server/README.md, "Reports"). Every report answers the same shape:
 * named tables of flat rows, so one table component shows them and one writer makes CSV.
 */
export const REPORT_KINDS = ['compliance', 'activity', 'conversions', 'overdue', 'monthly'] as const;
export const ReportKindSchema = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKindSchema>;

/** The columns of every table of every report, in the order CSV and the dashboard show them. */
export const REPORT_TABLES = {
  compliance: {
    byManager: ['manager', 'deals', 'deals_with_gaps', 'required', 'filled', 'fill_rate'],
    byStage: ['stage', 'deals', 'deals_with_gaps', 'required', 'filled', 'fill_rate'],
    byField: ['field', 'required', 'missing', 'missing_rate'],
    gaps: ['title', 'url', 'stage', 'manager', 'responsible', 'missing', 'missing_fields', 'viewed_on'],
    trend: ['day', 'deals', 'deals_with_gaps', 'fill_rate'],
  },
  activity: {
    byManager: ['manager', 'calls', 'meetings', 'emails', 'opens', 'letters', 'days_below_norm', 'weeks_below_norm'],
    byDay: ['manager', 'day', 'calls', 'meetings', 'emails', 'opens', 'letters', 'calls_norm', 'meetings_norm', 'below_norm'],
    byWeek: ['manager', 'week', 'calls', 'meetings', 'emails', 'opens', 'letters', 'calls_norm', 'meetings_norm', 'below_norm'],
  },
  conversions: {
    byWeek: ['week', 'calls', 'meetings', 'proposals', 'negotiations', 'won', 'calls_to_meetings', 'meetings_to_proposals', 'proposals_to_negotiations', 'negotiations_to_won'],
    total: ['calls', 'meetings', 'proposals', 'negotiations', 'won', 'calls_to_meetings', 'meetings_to_proposals', 'proposals_to_negotiations', 'negotiations_to_won'],
  },
  overdue: {
    clients: ['title', 'url', 'segment', 'manager', 'responsible', 'last_touch', 'last_meeting', 'touch_overdue_days', 'meeting_overdue_days', 'days_overdue'],
  },
  monthly: {
    byMonth: ['month', 'deals_won', 'deals_with_amount', 'revenue', 'average_check'],
    byManager: ['month', 'manager', 'deals_won', 'revenue', 'average_check'],
    deals: ['won_on', 'title', 'url', 'manager', 'amount'],
  },
} as const satisfies Record<ReportKind, Record<string, readonly string[]>>;

export type ReportTableName<K extends ReportKind> = keyof (typeof REPORT_TABLES)[K] & string;

/** Longest period one request may cover, in days. */
export const MAX_REPORT_DAYS = 366;

const IdParam = z.string().regex(/^\d{1,18}$/, 'expected a numeric id');

/**
 * The query every report takes. `from`/`to` are inclusive days (the last 30 days to today when
 * left out); `team` and `manager` are ids from /api/reports/scope.
 */
export const ReportQuerySchema = z
  .object({
    from: DaySchema.optional(),
    to: DaySchema.optional(),
    team: IdParam.optional(),
    manager: IdParam.optional(),
    format: z.enum(['json', 'csv']).default('json'),
    /** Which table a CSV holds; the report's first table when left out. */
    table: z.string().max(32).optional(),
    /** Language of stage, field and segment names. */
    lang: z.enum(['ru', 'en']).default('ru'),
  })
  .superRefine((q, ctx) => {
    if (q.from !== undefined && q.to !== undefined) {
      if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${q.from})` });
      else if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1 > MAX_REPORT_DAYS) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: `the period may cover at most ${MAX_REPORT_DAYS} days` });
      }
    }
  });
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

export const ReportCellSchema = z.union([z.string(), z.number(), z.null()]);
export type ReportCell = z.infer<typeof ReportCellSchema>;
export const ReportRowSchema = z.record(z.string(), ReportCellSchema);
export type ReportRow = z.infer<typeof ReportRowSchema>;

export const ReportResponseSchema = z.object({
  kind: ReportKindSchema,
  from: z.string(),
  to: z.string(),
  /** What the figures cover: the team and manager ids applied (null: all the caller may see). */
  scope: z.object({ team: z.string().nullable(), manager: z.string().nullable() }),
  tables: z.record(z.string(), z.array(ReportRowSchema)),
});
export type ReportResponse = z.infer<typeof ReportResponseSchema>;

/** What the dashboard's filters offer the caller: only teams and people they may see. */
export const ReportScopeResponseSchema = z.object({
  role: z.enum(['manager', 'head', 'admin']),
  userId: z.string(),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  managers: z.array(z.object({ id: z.string(), email: z.string(), teamId: z.string().nullable() })),
});
export type ReportScopeResponse = z.infer<typeof ReportScopeResponseSchema>;
