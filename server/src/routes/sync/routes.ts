import { PullQuerySchema, PullResponseSchema, PushRequestSchema, PushResponseSchema } from '../../../../lib/wire/sync';
import { pullChanges } from '../../sync/pull-changes';
import { pushItems } from '../../sync/push-items';
import { callerOf, type RouteDeps, type ZodApp } from '../types';

export function registerSyncRoutes(app: ZodApp, { db }: RouteDeps): void {
  app.post(
    '/api/sync/push',
    { schema: { body: PushRequestSchema, response: { 200: PushResponseSchema } } },
    async (request) => ({ results: await pushItems(db, callerOf(request), request.body) }),
  );

  app.get(
    '/api/sync/pull',
    { schema: { querystring: PullQuerySchema, response: { 200: PullResponseSchema } } },
    async (request) => pullChanges(db, callerOf(request), request.query),
  );
}
