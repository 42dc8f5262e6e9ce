import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyReply, type FastifyServerFactory } from 'fastify';
import { hasZodFastifySchemaValidationErrors, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode, ErrorDetail } from '../../lib/wire/errors';
import { findCaller, type Caller } from './auth/caller';
import { FailedAuthLimiter } from './auth/failed-auth-limiter';
import { fromThisMachine, isOperator } from './auth/operator-key';
import { bearerToken, hashToken } from './auth/token';
import type { Db } from './db/database';
import { describeServerError, itemIdsOf } from './error-log';
import { HttpError } from './http-error';
import { registerAdminRoutes } from './routes/admin/routes';
import { registerHealthRoutes } from './routes/health/routes';
import { registerMeRoutes } from './routes/me/routes';
import { registerPlaybookRoutes } from './routes/playbooks/routes';
import { registerReportRoutes } from './routes/reports/routes';
import { registerSegmentRoutes } from './routes/segments/routes';
import { registerSyncRoutes } from './routes/sync/routes';
import { registerTeamRoutes } from './routes/team/routes';
import { registerTrackingRoutes, type TrackingDeps } from './routes/tracking/routes';
import type { ZodApp } from './routes/types';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
    /** The server operator (admin CLI on this machine, see operator-key.ts), on /api/admin/ only. */
    operator: boolean;
  }
}

export interface AppOptions {
  db: Db;
  /** HMAC key for token hashes. */
  secret: string;
  /** Requests per authenticated token (per IP without one) per window. */
  rateLimit?: { max: number; timeWindowMs: number };
  /** Failed authentications per IP per window before that IP gets 429 without a lookup. */
  failedAuthLimit?: { max: number; timeWindowMs: number };
  /** Largest request body in bytes (1 MiB: a full push batch is well under it). */
  bodyLimit?: number;
  logger?: boolean | { stream: NodeJS.WritableStream };
  /** Answers a request before the app is ready (main.ts binds the port before opening the database). */
  serverFactory?: FastifyServerFactory;
  /** Email tracking: where pixel URLs point, the hit batching window. */
  tracking?: Omit<TrackingDeps, 'db' | 'secret'>;
}

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[A-Za-z0-9._-]+$/;

/** The HTTP app without listening, so tests drive it with app.inject or on a free port. */
export async function buildApp(options: AppOptions): Promise<ZodApp> {
  const { db, secret } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    ...(options.serverFactory === undefined ? {} : { serverFactory: options.serverFactory }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('caller', null);
  app.decorateRequest('operator', false);

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
      // The error's kind and the item ids only: SQL parameters and payloads hold customers' words.
      request.log.error({ failure: describeServerError(error), itemIds: itemIdsOf(request.body) }, 'request failed');
      return sendError(reply, 500, 'internal', 'internal error');
    }
    return sendError(reply, status, codeForStatus(status), error.message);
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'not_found', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`));

  await app.register(helmet);
  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin !== undefined && EXTENSION_ORIGIN.test(origin)),
    // The plugin allows GET, HEAD and POST only; the draft's PUT and the team page's PATCH and
    // DELETE come from the extension too, after a preflight.
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  });
  const failedAuth = new FailedAuthLimiter({
    maxFailures: options.failedAuthLimit?.max ?? 30,
    windowMs: options.failedAuthLimit?.timeWindowMs ?? 60_000,
  });
  // Authentication first (an onRequest hook of the app), so the per-route limiter below runs
  // after it and counts per token; failures are limited per IP here, before any lookup.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const token = bearerToken(request.headers.authorization);
    const tokenHash = token === null ? null : hashToken(secret, token);
    const waitMs = failedAuth.blockedFor(request.ip, tokenHash);
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      reply.header('retry-after', String(seconds));
      throw new HttpError(429, 'rate_limited', `too many failed authentications from this address; retry in ${seconds} s`);
    }
    const header = request.headers.authorization;
    if (header?.startsWith('Operator ') === true) {
      if (request.url.startsWith('/api/admin/') && fromThisMachine(request.socket) && isOperator(secret, header)) {
        request.operator = true;
        return;
      }
      failedAuth.recordFailure(request.ip);
      throw new HttpError(401, 'unauthorized', 'wrong operator key, or not from this machine');
    }
    if (tokenHash === null) {
      failedAuth.recordFailure(request.ip);
      throw new HttpError(401, 'unauthorized', 'missing or malformed bearer token');
    }
    const caller = await findCaller(db, tokenHash);
    if (caller === null || caller === 'expired') {
      failedAuth.recordFailure(request.ip);
      failedAuth.forgetToken(tokenHash);
      if (caller === 'expired') throw new HttpError(401, 'token_expired', 'the token has expired; ask an admin for a new one');
      throw new HttpError(401, 'unauthorized', 'unknown or revoked token');
    }
    failedAuth.recordSuccess(tokenHash);
    request.caller = caller;
  });

  await app.register(rateLimit, {
    max: options.rateLimit?.max ?? 600,
    timeWindow: options.rateLimit?.timeWindowMs ?? 60_000,
    // Per token (after auth), so one team behind one NAT address does not share a budget.
    keyGenerator: (request) => (request.caller === null ? `ip:${request.ip}` : `t:${request.caller.tokenId}`),
    errorResponseBuilder: (_request, context) => new HttpError(429, 'rate_limited', `too many requests; retry in ${context.after}`),
  });

  const deps = { db };
  registerHealthRoutes(app, deps);
  registerMeRoutes(app);
  registerSyncRoutes(app, deps);
  registerPlaybookRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerSegmentRoutes(app, deps);
  registerAdminRoutes(app, { db, secret });
  registerTeamRoutes(app, { db, secret });
  registerTrackingRoutes(app, { db, secret, ...options.tracking });
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
