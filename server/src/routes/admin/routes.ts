import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AccountError } from '../../accounts/accounts';
import { AdminScopeError, runAdminCommand, type AdminScope } from '../../admin-commands';
import { HttpError } from '../../http-error';
import type { RouteDeps, ZodApp } from '../types';

/** The admin CLI's words, e.g. `["token", "issue", "anna@example.com", "--expires", "30d"]`. */
export const AdminRunRequestSchema = z.object({ args: z.array(z.string().max(1000)).min(1).max(20) });
export const AdminRunResponseSchema = z.object({ lines: z.array(z.string()) });

/** The operator may do everything; an organisation's admin acts inside that organisation. */
function scopeOf(request: FastifyRequest): AdminScope {
  if (request.operator) return null;
  const caller = request.caller;
  if (caller === null) throw new HttpError(401, 'unauthorized', 'missing bearer token');
  if (caller.role !== 'admin') throw new HttpError(403, 'forbidden', 'admin commands need an admin token');
  return { orgId: caller.orgId, orgName: caller.orgName };
}

/**
 * The admin API: the same commands as `npm run admin`, so they run while the server holds the
 * database (the CLI sends them here when a server is running, see admin.ts).
 */
export function registerAdminRoutes(app: ZodApp, { db, secret }: RouteDeps & { secret: string }): void {
  app.post(
    '/api/admin/run',
    { schema: { body: AdminRunRequestSchema, response: { 200: AdminRunResponseSchema } } },
    async (request) => {
      const scope = scopeOf(request);
      try {
        return { lines: await runAdminCommand(db, secret, request.body.args, scope) };
      } catch (err) {
        if (err instanceof AdminScopeError) throw new HttpError(403, 'forbidden', err.message);
        if (err instanceof AccountError) throw new HttpError(400, 'bad_request', err.message);
        throw err;
      }
    },
  );

  // The whole database, every organisation's: for the operator only.
  app.get('/api/admin/backup', async (request, reply) => {
    if (!request.operator) throw new HttpError(403, 'forbidden', 'a backup is taken by the server operator (npm run backup on the server machine)');
    if (db.dumpDataDir === undefined) {
      throw new HttpError(409, 'conflict', 'this server runs on PostgreSQL: back it up with pg_dump (see server/README.md)');
    }
    const tarball = await db.dumpDataDir();
    return reply.type('application/gzip').header('cache-control', 'no-store').send(Buffer.from(tarball));
  });
}
