import { z } from 'zod';
import { ReportKindSchema, ReportQuerySchema, ReportResponseSchema, ReportScopeResponseSchema } from '../../../../lib/wire/reports';
import { toCsv } from '../../reports/report-csv';
import { describeScope } from '../../reports/report-scope';
import { csvTable, runReport } from '../../reports/run-report';
import { callerOf, type RouteDeps, type ZodApp } from '../types';
import { registerDigestRoute } from './digest-route';

export function registerReportRoutes(app: ZodApp, deps: RouteDeps): void {
  const { db } = deps;
  registerDigestRoute(app, deps);
  app.get('/api/reports/scope', { schema: { response: { 200: ReportScopeResponseSchema } } }, async (request) =>
    describeScope(db, callerOf(request)),
  );

  app.get(
    '/api/reports/:kind',
    { schema: { params: z.object({ kind: ReportKindSchema }), querystring: ReportQuerySchema } },
    async (request, reply) => {
      const { kind } = request.params;
      const query = request.query;
      // Checked before the report runs, so a bad table name costs no query.
      const table = query.format === 'csv' ? csvTable(kind, query.table) : null;
      const report = await runReport(db, callerOf(request), kind, query);
      if (table === null) return reply.type('application/json; charset=utf-8').send(ReportResponseSchema.parse(report));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="sufler-${kind}-${table.name}-${report.from}-${report.to}.csv"`)
        .send(toCsv(table.columns, report.tables[table.name] ?? []));
    },
  );
}
