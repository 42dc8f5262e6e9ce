import { z } from 'zod';
import { classifyHit, SENDER_VIEW_WINDOW_MS, type ProviderNetwork } from '../../../lib/tracking/classify-hit';
import { pixelPath } from '../../../lib/tracking/pixel-token';
import { HitClassSchema, type CreatedTrackedEmail, type CreateTrackedEmail, type TrackedEmail } from '../../../lib/wire/tracking';
import type { Caller } from '../auth/caller';
import type { Db, Queryable } from '../db/database';
import { HttpError } from '../http-error';
import { contentHash } from '../sync/content-hash';
import { newSenderKey, newTokenSalt, pixelToken, pixelTokenHash } from './pixel-secrets';
import { RECENT_SENDER_ADDRESS_MS } from './sender-addresses';

/** A send dated further ahead than this is a broken device clock, not a letter. */
const MAX_FUTURE_SENT_AT_MS = 24 * 60 * 60 * 1000;
/** Most sender views kept per letter (the newest); older ones have done their work. */
export const MAX_SENDER_VIEWS = 100;

/** The caller's sender key, made on their first tracked letter. */
export async function senderKeyOf(db: Queryable, userId: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const rows = await db.query(
      `WITH made AS (
         INSERT INTO tracking_senders (user_id, sender_key) VALUES ($1::bigint, $2)
         ON CONFLICT DO NOTHING RETURNING sender_key)
       SELECT sender_key FROM made
       UNION ALL SELECT sender_key FROM tracking_senders WHERE user_id = $1::bigint`,
      [userId, newSenderKey()],
    );
    const key = rows[0]?.sender_key;
    // Nothing back means the random key collided with another user's: draw again.
    if (typeof key === 'string') return key;
  }
  throw new Error('could not draw a free sender key');
}

const ExistingRow = z.object({ user_id: z.string(), request_hash: z.string(), token_salt: z.string() });

/**
 * Registers a letter about to be sent and returns its pixel. Idempotent per id: the same
 * request again returns the same token; the same id with other content is a 409.
 */
export async function createTrackedEmail(db: Db, secret: string, caller: Caller, request: CreateTrackedEmail, baseUrl: string, now = Date.now()): Promise<CreatedTrackedEmail> {
  if (request.sentAt > now + MAX_FUTURE_SENT_AT_MS) {
    throw new HttpError(400, 'bad_request', 'sentAt is more than a day in the future: check the device clock', [{ path: 'body.sentAt', message: 'in the future' }]);
  }
  const senderKey = await senderKeyOf(db, caller.userId);
  const requestHash = contentHash(request);
  const salt = newTokenSalt();
  const token = pixelToken(secret, senderKey, caller.orgId, request.id, salt);
  const inserted = await db.query(
    `INSERT INTO tracked_emails (org_id, id, user_id, team_id, token_salt, token_hash, request_hash, subject, recipients, client_key, sent_at)
     VALUES ($1::bigint, $2, $3::bigint, $4::bigint, $5, $6, $7, $8, $9::jsonb, $10, $11::bigint)
     ON CONFLICT (org_id, id) DO NOTHING
     RETURNING id`,
    [caller.orgId, request.id, caller.userId, caller.teamId, salt, pixelTokenHash(secret, token), requestHash, request.subject, JSON.stringify(request.recipients), request.clientId ?? null, request.sentAt],
  );
  if (inserted.length > 0) return created(baseUrl, request.id, token, senderKey);
  const existing = ExistingRow.parse(
    (await db.query(`SELECT user_id::text AS user_id, request_hash, token_salt FROM tracked_emails WHERE org_id = $1::bigint AND id = $2`, [caller.orgId, request.id]))[0],
  );
  if (existing.user_id !== caller.userId || existing.request_hash !== requestHash) {
    throw new HttpError(409, 'conflict', 'a tracked email with this id exists with other content');
  }
  return created(baseUrl, request.id, pixelToken(secret, senderKey, caller.orgId, request.id, existing.token_salt), senderKey);
}

function created(baseUrl: string, id: string, token: string, senderKey: string): CreatedTrackedEmail {
  return { id, token, pixelUrl: `${baseUrl}${pixelPath(token)}`, senderKey };
}

/** Who may read a letter's record: its sender, their team's head, the organisation's admins. */
function visibleTo(caller: Caller, alias: string, firstParam: number): { sql: string; params: unknown[] } {
  return {
    sql: `${alias}.org_id = $${firstParam}::bigint
      AND ($${firstParam + 1} = 'admin' OR ${alias}.user_id = $${firstParam + 2}::bigint
           OR ($${firstParam + 1} = 'head' AND ${alias}.team_id = $${firstParam + 3}::bigint))`,
    params: [caller.orgId, caller.role, caller.userId, caller.teamId],
  };
}

const EmailRow = z.object({
  id: z.string(),
  subject: z.string(),
  recipients: z.array(z.string()),
  sent_at: z.coerce.number(),
  client_key: z.string().nullable(),
  opens: z.coerce.number(),
  last_open_ms: z.number().nullable(),
  hits_total: z.coerce.number(),
  hits_stored: z.coerce.number(),
});
const HitRow = z.object({
  at_ms: z.number(),
  class: HitClassSchema,
  counted: z.boolean(),
  reason: z.string(),
  classifier_version: z.number(),
});

/** The record with its stored hits, or a 404 for an id the caller may not see (or none). */
export async function getTrackedEmail(db: Queryable, caller: Caller, id: string): Promise<TrackedEmail> {
  const scope = visibleTo(caller, 'e', 2);
  const row = (
    await db.query(
      `SELECT e.id, e.subject, e.recipients, e.sent_at::float8 AS sent_at, e.client_key, e.opens,
              floor(extract(epoch FROM e.last_open_at) * 1000)::float8 AS last_open_ms,
              e.hits_total::float8 AS hits_total, e.hits_stored
         FROM tracked_emails e WHERE e.id = $1 AND ${scope.sql}`,
      [id, ...scope.params],
    )
  )[0];
  if (row === undefined) throw new HttpError(404, 'not_found', 'no tracked email with this id');
  const email = EmailRow.parse(row);
  const hits = (
    await db.query(
      `SELECT floor(extract(epoch FROM at) * 1000)::float8 AS at_ms, class, counted, reason, classifier_version
         FROM tracked_email_hits WHERE org_id = $1::bigint AND tracked_email_id = $2 ORDER BY at, id`,
      [caller.orgId, id],
    )
  ).map((r) => HitRow.parse(r));
  return {
    id: email.id,
    subject: email.subject,
    recipients: email.recipients,
    sentAt: email.sent_at,
    clientId: email.client_key,
    opens: email.opens,
    lastOpenAt: email.last_open_ms,
    hitsTotal: email.hits_total,
    hitsNotStored: email.hits_total - email.hits_stored,
    hits: hits.map((h) => ({ at: h.at_ms, class: h.class, counted: h.counted, reason: h.reason, classifierVersion: h.classifier_version })),
  };
}

const LetterRow = z.object({ user_id: z.string(), created_ms: z.number() });
const StoredHitRow = z.object({
  id: z.coerce.number(),
  at_ms: z.number(),
  user_agent: z.string(),
  ip_hash: z.string(),
  network: z.enum(['google', 'yandex', 'mailru']).nullable(),
  counted: z.boolean(),
});

/**
 * The sender's extension showed them this letter at `at`. Stored, and hits already recorded
 * near that moment are classified again with it, so a view whose hit arrived first still
 * stops counting. Only the sender may report; anyone else gets the same 404 as a missing id.
 */
export async function addSenderView(db: Db, caller: Caller, id: string, at: number, now = Date.now()): Promise<{ reclassified: number }> {
  return db.transaction(async (tx) => {
    const letterRow = (
      await tx.query(
        `SELECT user_id::text AS user_id, floor(extract(epoch FROM created_at) * 1000)::float8 AS created_ms
           FROM tracked_emails WHERE org_id = $1::bigint AND id = $2 AND user_id = $3::bigint FOR UPDATE`,
        [caller.orgId, id, caller.userId],
      )
    )[0];
    if (letterRow === undefined) throw new HttpError(404, 'not_found', 'no tracked email with this id');
    const letter = LetterRow.parse(letterRow);
    if (at > now + 5 * 60_000) throw new HttpError(400, 'bad_request', 'at is in the future: check the device clock', [{ path: 'body.at', message: 'in the future' }]);
    if (at < letter.created_ms - 60 * 60_000) throw new HttpError(400, 'bad_request', 'at is before the letter was sent', [{ path: 'body.at', message: 'before the send' }]);
    await tx.query(`INSERT INTO tracked_email_sender_views (org_id, tracked_email_id, at) VALUES ($1::bigint, $2, to_timestamp($3::float8 / 1000))`, [caller.orgId, id, at]);
    await tx.query(
      `DELETE FROM tracked_email_sender_views WHERE org_id = $1::bigint AND tracked_email_id = $2
          AND id NOT IN (SELECT id FROM tracked_email_sender_views WHERE org_id = $1::bigint AND tracked_email_id = $2 ORDER BY at DESC, id DESC LIMIT $3::int)`,
      [caller.orgId, id, MAX_SENDER_VIEWS],
    );
    const near = (
      await tx.query(
        `SELECT id::float8 AS id, floor(extract(epoch FROM at) * 1000)::float8 AS at_ms, user_agent, ip_hash, network, counted
           FROM tracked_email_hits
          WHERE org_id = $1::bigint AND tracked_email_id = $2 AND class <> 'sender_view'
            AND at BETWEEN to_timestamp(($3::float8 - $4::float8) / 1000) AND to_timestamp(($3::float8 + $4::float8) / 1000)`,
        [caller.orgId, id, at, SENDER_VIEW_WINDOW_MS],
      )
    ).map((r) => StoredHitRow.parse(r));
    if (near.length === 0) return { reclassified: 0 };
    const addresses = await recentSenderAddresses(tx, caller.userId);
    const changed = near.map((h) => ({
      hit: h,
      next: classifyHit(
        { at: h.at_ms, userAgent: h.user_agent, network: h.network as ProviderNetwork | null, ipHash: h.ip_hash },
        { sentAt: letter.created_ms, senderViews: [at], senderIpHashes: addresses },
      ),
    }));
    const uncounted = changed.filter((c) => c.hit.counted && !c.next.counted).length;
    await tx.query(
      `UPDATE tracked_email_hits h SET class = x.class, counted = x.counted, reason = x.reason, classifier_version = x.version
         FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, class text, counted boolean, reason text, version int)
        WHERE h.id = x.id AND h.org_id = $2::bigint`,
      [JSON.stringify(changed.map((c) => ({ id: c.hit.id, class: c.next.class, counted: c.next.counted, reason: c.next.reason, version: c.next.classifierVersion }))), caller.orgId],
    );
    if (uncounted > 0) {
      await tx.query(`UPDATE tracked_emails SET opens = greatest(0, opens - $3::int) WHERE org_id = $1::bigint AND id = $2`, [caller.orgId, id, uncounted]);
    }
    return { reclassified: changed.length };
  });
}

/** The hashed addresses a user's own requests came from lately. */
export async function recentSenderAddresses(db: Queryable, userId: string): Promise<string[]> {
  const rows = await db.query(
    `SELECT ip_hash FROM sender_addresses WHERE user_id = $1::bigint AND last_seen > now() - ($2::float8 * interval '1 millisecond')`,
    [userId, RECENT_SENDER_ADDRESS_MS],
  );
  return rows.map((r) => String(r.ip_hash));
}
