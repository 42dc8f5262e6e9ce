import {
  CreatedTrackedEmailSchema,
  CreateTrackedEmailSchema,
  SenderViewResultSchema,
  SenderViewSchema,
  TrackedEmailParamsSchema,
  TrackedEmailSchema,
} from '../../../../lib/wire/tracking';
import { HitRecorder, type RecorderOptions } from '../../tracking/hit-recorder';
import { OpenEvents } from '../../tracking/open-events';
import { SenderAddresses } from '../../tracking/sender-addresses';
import { addSenderView, createTrackedEmail, getTrackedEmail } from '../../tracking/tracked-emails';
import { callerOf, type RouteDeps, type ZodApp } from '../types';
import { registerOpenEventStream } from './event-stream';
import { registerPixelRoute } from './pixel-route';

export interface TrackingDeps extends RouteDeps {
  secret: string;
  /** Where pixel URLs point; by default the address the API was called at. */
  pixelBaseUrl?: string;
  recorder?: RecorderOptions;
}

/**
 * Email tracking: the API under /api/tracked-emails, the open event stream and the pixel.
 * Returns the recorder so a benchmark can read its counters.
 */
export function registerTrackingRoutes(app: ZodApp, deps: TrackingDeps): HitRecorder {
  const { db, secret } = deps;
  const events = new OpenEvents();
  const recorder = new HitRecorder(db, { ...deps.recorder, onOpen: (userId, event) => events.publish(userId, event) });
  const addresses = new SenderAddresses(db, secret);
  app.addHook('onClose', async () => recorder.close());

  // The addresses a user's own requests come from, for the "probably the sender" rule; noted
  // before the handler (one write per user and address per 10 minutes), so it is never late.
  app.addHook('preHandler', async (request) => {
    if (request.caller === null) return;
    await addresses.seen(request.caller.userId, request.ip).catch((error: unknown) => request.log.warn({ error }, 'could not note the sender address'));
  });

  app.post(
    '/api/tracked-emails',
    { schema: { body: CreateTrackedEmailSchema, response: { 200: CreatedTrackedEmailSchema } } },
    async (request) => createTrackedEmail(db, secret, callerOf(request), request.body, deps.pixelBaseUrl ?? `${request.protocol}://${request.host}`),
  );

  app.get(
    '/api/tracked-emails/:id',
    { schema: { params: TrackedEmailParamsSchema, response: { 200: TrackedEmailSchema } } },
    async (request) => getTrackedEmail(db, callerOf(request), request.params.id),
  );

  app.post(
    '/api/tracked-emails/:id/sender-views',
    { schema: { params: TrackedEmailParamsSchema, body: SenderViewSchema, response: { 200: SenderViewResultSchema } } },
    async (request) => addSenderView(db, callerOf(request), request.params.id, request.body.at),
  );

  registerOpenEventStream(app, events);
  registerPixelRoute(app, { recorder, secret });
  return recorder;
}
