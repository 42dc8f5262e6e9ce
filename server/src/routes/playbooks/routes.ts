import { parsePlaybook } from '../../../../lib/playbook/parse-playbook';
import {
  CurrentPlaybookResponseSchema,
  PublishPlaybookRequestSchema,
  PublishPlaybookResponseSchema,
} from '../../../../lib/wire/playbooks';
import { HttpError } from '../../http-error';
import { currentPlaybook, publishPlaybook } from '../../playbooks/playbook-versions';
import { refuseDataErrors } from '../../sync/data-error';
import { callerOf, type RouteDeps, type ZodApp } from '../types';

export function registerPlaybookRoutes(app: ZodApp, { db }: RouteDeps): void {
  app.get('/api/playbooks/current', { schema: { response: { 200: CurrentPlaybookResponseSchema } } }, async (request) => ({
    current: await currentPlaybook(db, callerOf(request).orgId),
  }));

  app.post(
    '/api/playbooks',
    { schema: { body: PublishPlaybookRequestSchema, response: { 201: PublishPlaybookResponseSchema } } },
    async (request, reply) => {
      const caller = callerOf(request);
      if (caller.role === 'manager') throw new HttpError(403, 'forbidden', 'only a head or an admin publishes playbooks');
      // The same check the extension runs on import, so a published playbook always loads.
      const parsed = parsePlaybook(request.body.playbook);
      if (!parsed.ok) {
        throw new HttpError(
          400,
          'bad_request',
          'the playbook does not pass its schema',
          parsed.errors.map((line) => {
            const cut = line.indexOf(': ');
            return cut < 0 ? { path: 'body.playbook', message: line } : { path: `body.playbook.${line.slice(0, cut)}`, message: line.slice(cut + 2) };
          }),
        );
      }
      const published = await refuseDataErrors('the playbook', () => publishPlaybook(db, caller, parsed.playbook));
      return reply.code(201).send(published);
    },
  );
}
