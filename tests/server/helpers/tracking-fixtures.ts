import type { LightMyRequestResponse } from 'fastify';
import { CreatedTrackedEmailSchema, TrackedEmailSchema, type CreatedTrackedEmail, type CreateTrackedEmail, type TrackedEmail } from '../../../lib/wire/tracking';
import type { Db } from '../../../server/src/db/database';
import type { ZodApp } from '../../../server/src/routes/types';
import { newUlid } from './sync-fixtures';
import { auth } from './test-server';

// User agents as the research notes record them (sources beside the classifier's tests).
export const GMAIL_PROXY_UA = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';
export const DESKTOP_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

export function letter(overrides: Partial<CreateTrackedEmail> = {}): CreateTrackedEmail {
  return {
    id: newUlid(),
    subject: 'Коммерческое предложение / proposal',
    recipients: ['ivan@romashka.test'],
    sentAt: Date.now(),
    clientId: 'amocrm:acme.amocrm.ru:lead:1001',
    ...overrides,
  };
}

export async function track(app: ZodApp, token: string, body: CreateTrackedEmail): Promise<CreatedTrackedEmail> {
  const res = await app.inject({ method: 'POST', url: '/api/tracked-emails', headers: auth(token), payload: body });
  if (res.statusCode !== 200) throw new Error(`create answered ${res.statusCode}: ${res.body}`);
  return CreatedTrackedEmailSchema.parse(res.json());
}

export async function readTracked(app: ZodApp, token: string, id: string): Promise<TrackedEmail> {
  const res = await app.inject({ url: `/api/tracked-emails/${id}`, headers: auth(token) });
  if (res.statusCode !== 200) throw new Error(`read answered ${res.statusCode}: ${res.body}`);
  return TrackedEmailSchema.parse(res.json());
}

/** Moves a letter's send an hour back, so hits are past the "too soon after sending" rule. */
export async function sentAnHourAgo(db: Db, id: string): Promise<void> {
  await db.query(`UPDATE tracked_emails SET created_at = now() - interval '1 hour' WHERE id = $1`, [id]);
}

export function hit(app: ZodApp, path: string, userAgent = GMAIL_PROXY_UA, remoteAddress = '66.102.8.10'): Promise<LightMyRequestResponse> {
  return app.inject({ url: path, headers: { 'user-agent': userAgent }, remoteAddress });
}

export async function hitRows(db: Db): Promise<number> {
  return Number((await db.query('SELECT count(*)::int AS n FROM tracked_email_hits'))[0]?.n);
}
