import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Caller } from '../auth/caller';
import type { Db } from '../db/database';
import { HttpError } from '../http-error';

/** The Fastify instance every route module registers on: zod schemas, typed handlers. */
export type ZodApp = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export interface RouteDeps {
  db: Db;
}

/** The authenticated caller; the /api/* auth hook has run, so a missing one is a bug. */
export function callerOf(request: FastifyRequest): Caller {
  if (request.caller === null) throw new HttpError(401, 'unauthorized', 'missing bearer token');
  return request.caller;
}
