import type { ServerResponse } from 'node:http';
import type { OpenEvents } from '../../tracking/open-events';
import { callerOf, type ZodApp } from '../types';

/** A comment line this often keeps proxies and the browser from closing an idle stream. */
const HEARTBEAT_MS = 20_000;

/**
 * `GET /api/events`: server-sent events for the caller, `event: email_open` with an
 * EmailOpenEvent as data, for each counted open of the caller's letters. Authenticated like
 * every /api route (Bearer header), so clients read it with fetch() rather than EventSource.
 * Missed events are not replayed: the open is a touch, which the next pull brings.
 */
export function registerOpenEventStream(app: ZodApp, events: OpenEvents): void {
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get('/api/events', async (request, reply) => {
    const caller = callerOf(request);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 5000\n: connected\n\n');
    open.add(res);
    const unsubscribe = events.subscribe(caller.userId, (event) => {
      res.write(`event: email_open\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    const stop = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
    };
    res.on('close', stop);
  });
}
