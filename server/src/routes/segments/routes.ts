import { PinSegmentRequestSchema, RecomputeResponseSchema, SegmentsQuerySchema, SegmentsResponseSchema, ClientSegmentSchema } from '../../../../lib/wire/segments';
import { HttpError } from '../../http-error';
import { listSegments, pinSegment } from '../../segments/client-segments';
import { recomputeSegments } from '../../segments/recompute-segments';
import { callerOf, type RouteDeps, type ZodApp } from '../types';

export function registerSegmentRoutes(app: ZodApp, { db }: RouteDeps): void {
  app.get('/api/clients/segments', { schema: { querystring: SegmentsQuerySchema, response: { 200: SegmentsResponseSchema } } }, async (request) =>
    listSegments(db, callerOf(request), request.query),
  );

  app.put('/api/clients/segments/pin', { schema: { body: PinSegmentRequestSchema, response: { 200: ClientSegmentSchema } } }, async (request) =>
    pinSegment(db, callerOf(request), request.body.clientKey, request.body.class, Date.now()),
  );

  app.post('/api/segments/recompute', { schema: { response: { 200: RecomputeResponseSchema } } }, async (request) => {
    const caller = callerOf(request);
    if (caller.role === 'manager') throw new HttpError(403, 'forbidden', 'only a head or an admin recomputes segments');
    return recomputeSegments(db, caller.orgId, Date.now());
  });
}
