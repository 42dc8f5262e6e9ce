import { z } from 'zod';
import type { RouteDeps, ZodApp } from '../types';

export function registerHealthRoutes(app: ZodApp, { db }: RouteDeps): void {
  app.get(
    '/healthz',
    { schema: { response: { 200: z.object({ ok: z.literal(true), db: z.string() }) } } },
    async () => {
      // A real round trip, so a load balancer stops sending requests when the database is gone.
      await db.query('SELECT 1');
      return { ok: true as const, db: db.kind };
    },
  );
}
