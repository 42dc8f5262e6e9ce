import { createHash } from 'node:crypto';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode, ErrorDetail } from '../../lib/wire/errors';
import { findCaller, type Caller } from './auth/caller';
import { bearerToken, hashToken } from './auth/token';
import type { Db } from './db/database';
import { HttpError } from './http-error';
import { registerHealthRoutes } from './routes/health/routes';
import { registerMeRoutes } from './routes/me/routes';
import { registerPlaybookRoutes } from './routes/playbooks/routes';
import { registerReportRoutes } from './routes/reports/routes';
import { registerSyncRoutes } from './routes/sync/routes';
import type { ZodApp } from './routes/types';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

export interface AppOptions {
  db: Db;
  /** HMAC key for token hashes. */
  secret: string;
  /** Requests per token (per IP without one) per window. */
  rateLimit?: { max: number; timeWindowMs: number };
  /** Largest request body in bytes (1 MiB: a full push batch is well under it). */
  bodyLimit?: number;
  logger?: boolean;
}

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[A-Za-z0-9._-]+$/;

/** The HTTP app without listening, so tests drive it with app.inject or on a free port. */
export async function buildApp(options: AppOptions): Promise<ZodApp> {
  const { db, secret } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('caller', null);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) return sendError(reply, error.statusCode, error.code, error.message, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const details: ErrorDetail[] = error.validation.map((v) => ({
        path: [where, ...v.instancePath.split('/').filter((p) => p !== '')].join('.'),
        message: v.message ?? 'invalid',
      }));
      return sendError(reply, 400, 'bad_request', 'the request does not match its schema', details);
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error(error);
      return sendError(reply, 500, 'internal', 'internal error');
    }
    return sendError(reply, status, codeForStatus(status), error.message);
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'not_found', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`));

  await app.register(helmet);
  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin !== undefined && EXTENSION_ORIGIN.test(origin)),
  });
  await app.register(rateLimit, {
    max: options.rateLimit?.max ?? 600,
    timeWindow: options.rateLimit?.timeWindowMs ?? 60_000,
    // Per token, so one team behind one NAT address does not share a budget.
    keyGenerator: (request) => {
      const token = bearerToken(request.headers.authorization);
      return token === null ? `ip:${request.ip}` : `t:${createHash('sha256').update(token).digest('base64url')}`;
    },
    errorResponseBuilder: (_request, context) => new HttpError(429, 'rate_limited', `too many requests; retry in ${context.after}`),
  });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = bearerToken(request.headers.authorization);
    if (token === null) throw new HttpError(401, 'unauthorized', 'missing or malformed bearer token');
    const caller = await findCaller(db, hashToken(secret, token));
    if (caller === null) throw new HttpError(401, 'unauthorized', 'unknown or revoked token');
    request.caller = caller;
  });

  const deps = { db };
  registerHealthRoutes(app, deps);
  registerMeRoutes(app);
  registerSyncRoutes(app, deps);
  registerPlaybookRoutes(app, deps);
  registerReportRoutes(app, deps);
  return app;
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 429:
      return 'rate_limited';
    default:
      return 'bad_request';
  }
}

function sendError(reply: FastifyReply, status: number, code: ErrorCode, message: string, details?: ErrorDetail[]): FastifyReply {
  const body: ErrorBody = { error: details === undefined ? { code, message } : { code, message, details } };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}
