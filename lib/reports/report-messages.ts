import { z } from 'zod';
import { ReportKindSchema, ReportResponseSchema, ReportScopeResponseSchema } from '../wire/reports';

/**
 * The dashboard asks the background for reports: the background holds the server address and
 * the token, so they never reach a page. Filters are checked here and again by the server.
 */
export const ReportFiltersSchema = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  team: z.string().regex(/^\d{1,18}$/).nullable(),
  manager: z.string().regex(/^\d{1,18}$/).nullable(),
  lang: z.enum(['ru', 'en']),
});
export type ReportFilters = z.infer<typeof ReportFiltersSchema>;

export const ReportRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reports:scope') }),
  z.object({ type: z.literal('reports:get'), kind: ReportKindSchema, filters: ReportFiltersSchema }),
  z.object({ type: z.literal('reports:csv'), kind: ReportKindSchema, table: z.string().max(32), filters: ReportFiltersSchema }),
]);
export type ReportRequest = z.infer<typeof ReportRequestSchema>;

/** Why a report could not be shown; the dashboard words each code in ru/en. */
export const REPORT_ERROR_CODES = ['not_configured', 'offline', 'timeout', 'unauthorized', 'forbidden', 'bad_request', 'server', 'bad_response'] as const;
export const ReportErrorSchema = z.object({ code: z.enum(REPORT_ERROR_CODES), message: z.string() });
export type ReportError = z.infer<typeof ReportErrorSchema>;

const fail = z.object({ ok: z.literal(false), error: ReportErrorSchema });
export const ScopeAnswerSchema = z.union([z.object({ ok: z.literal(true), scope: ReportScopeResponseSchema }), fail]);
export const ReportAnswerSchema = z.union([z.object({ ok: z.literal(true), report: ReportResponseSchema }), fail]);
export const CsvAnswerSchema = z.union([z.object({ ok: z.literal(true), csv: z.string(), filename: z.string() }), fail]);
export type ScopeAnswer = z.infer<typeof ScopeAnswerSchema>;
export type ReportAnswer = z.infer<typeof ReportAnswerSchema>;
export type CsvAnswer = z.infer<typeof CsvAnswerSchema>;
