import { DIGEST_TABLES, DigestQuerySchema, DigestResponseSchema } from '../../../../lib/wire/digest';
import { digestReport } from '../../reports/digest-report';
import { toCsv } from '../../reports/report-csv';
import { callerOf, type RouteDeps, type ZodApp } from '../types';

/** GET /api/reports/digest: one day's violations, JSON or one table as CSV (static path: wins over /:kind). */
export function registerDigestRoute(app: ZodApp, { db }: RouteDeps): void {
  app.get('/api/reports/digest', { schema: { querystring: DigestQuerySchema } }, async (request, reply) => {
    const query = request.query;
    const digest = await digestReport(db, callerOf(request), query);
    if (query.format === 'json') return reply.type('application/json; charset=utf-8').send(DigestResponseSchema.parse(digest));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="sufler-digest-${query.table}-${digest.date}.csv"`)
      .send(toCsv(DIGEST_TABLES[query.table], digest.tables[query.table]));
  });
}
