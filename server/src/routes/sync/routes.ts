import { PullQuerySchema, PullResponseSchema, PushRequestSchema, PushResponseSchema } from '../../../../lib/wire/sync';
import { refuseDataErrors } from '../../sync/data-error';
import { pullChanges } from '../../sync/pull-changes';
import { pushItems } from '../../sync/push-items';
import { callerOf, type RouteDeps, type ZodApp } from '../types';

export function registerSyncRoutes(app: ZodApp, { db }: RouteDeps): void {
  app.post(
    '/api/sync/push',
    { schema: { body: PushRequestSchema, response: { 200: PushResponseSchema } } },
    async (request) => ({ results: await refuseDataErrors('the push', () => pushItems(db, callerOf(request), request.body, Date.now())) }),
  );

  app.get(
    '/api/sync/pull',
    { schema: { querystring: PullQuerySchema, response: { 200: PullResponseSchema } } },
    async (request) => refuseDataErrors('the pull query', () => pullChanges(db, callerOf(request), request.query)),
  );
}
