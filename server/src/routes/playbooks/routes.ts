import { parsePlaybook } from '../../../../lib/playbook/parse-playbook';
import type { Playbook } from '../../../../lib/playbook/schema';
import {
  CurrentPlaybookResponseSchema,
  PlaybookDraftResponseSchema,
  PlaybookVersionListSchema,
  PlaybookVersionParamsSchema,
  PlaybookVersionSchema,
  PublishPlaybookRequestSchema,
  PublishPlaybookResponseSchema,
} from '../../../../lib/wire/playbooks';
import type { Caller } from '../../auth/caller';
import { HttpError } from '../../http-error';
import {
  currentPlaybook,
  listPlaybookVersions,
  playbookVersion,
  publishPlaybook,
  readPlaybookDraft,
  savePlaybookDraft,
} from '../../playbooks/playbook-versions';
import { refuseDataErrors } from '../../sync/data-error';
import { callerOf, type RouteDeps, type ZodApp } from '../types';

/** Publishing, history and the draft are a head's or an admin's; managers only pull the current one. */
function headOrAdmin(caller: Caller, what: string): Caller {
  if (caller.role === 'manager') throw new HttpError(403, 'forbidden', `only a head or an admin ${what}`);
  return caller;
}

/** The same check the extension runs on import, so a stored playbook always loads. */
function checked(playbook: unknown, at: string): Playbook {
  const parsed = parsePlaybook(playbook);
  if (parsed.ok) return parsed.playbook;
  throw new HttpError(
    400,
    'bad_request',
    'the playbook does not pass its schema',
    parsed.errors.map((line) => {
      const cut = line.indexOf(': ');
      return cut < 0 ? { path: at, message: line } : { path: `${at}.${line.slice(0, cut)}`, message: line.slice(cut + 2) };
    }),
  );
}

export function registerPlaybookRoutes(app: ZodApp, { db }: RouteDeps): void {
  app.get('/api/playbooks/current', { schema: { response: { 200: CurrentPlaybookResponseSchema } } }, async (request) => ({
    current: await currentPlaybook(db, callerOf(request).orgId),
  }));

  app.post(
    '/api/playbooks',
    { schema: { body: PublishPlaybookRequestSchema, response: { 201: PublishPlaybookResponseSchema } } },
    async (request, reply) => {
      const caller = headOrAdmin(callerOf(request), 'publishes playbooks');
      const playbook = checked(request.body.playbook, 'body.playbook');
      const published = await refuseDataErrors('the playbook', () => publishPlaybook(db, caller, playbook));
      return reply.code(201).send(published);
    },
  );

  app.get('/api/playbooks/versions', { schema: { response: { 200: PlaybookVersionListSchema } } }, async (request) => {
    const caller = headOrAdmin(callerOf(request), 'reads the playbook history');
    return { versions: await listPlaybookVersions(db, caller.orgId) };
  });

  app.get(
    '/api/playbooks/versions/:version',
    { schema: { params: PlaybookVersionParamsSchema, response: { 200: PlaybookVersionSchema } } },
    async (request) => {
      const caller = headOrAdmin(callerOf(request), 'reads the playbook history');
      const found = await playbookVersion(db, caller.orgId, request.params.version);
      if (found === null) throw new HttpError(404, 'not_found', `no playbook version ${request.params.version}`);
      return found;
    },
  );

  app.post(
    '/api/playbooks/versions/:version/rollback',
    { schema: { params: PlaybookVersionParamsSchema, response: { 201: PublishPlaybookResponseSchema } } },
    async (request, reply) => {
      const caller = headOrAdmin(callerOf(request), 'rolls the playbook back');
      const found = await playbookVersion(db, caller.orgId, request.params.version);
      if (found === null) throw new HttpError(404, 'not_found', `no playbook version ${request.params.version}`);
      // Judged by today's schema: a version the extension would no longer load is not restored.
      const playbook = checked(found.playbook, `version ${found.version}`);
      const published = await publishPlaybook(db, caller, playbook, found.version);
      return reply.code(201).send(published);
    },
  );

  app.get('/api/playbooks/draft', { schema: { response: { 200: PlaybookDraftResponseSchema } } }, async (request) => {
    const caller = headOrAdmin(callerOf(request), 'edits the playbook');
    return { draft: await readPlaybookDraft(db, caller.orgId) };
  });

  app.put(
    '/api/playbooks/draft',
    { schema: { body: PublishPlaybookRequestSchema, response: { 200: PlaybookDraftResponseSchema } } },
    async (request) => {
      const caller = headOrAdmin(callerOf(request), 'edits the playbook');
      const playbook = checked(request.body.playbook, 'body.playbook');
      return { draft: await refuseDataErrors('the playbook', () => savePlaybookDraft(db, caller, playbook)) };
    },
  );
}
