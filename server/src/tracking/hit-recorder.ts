import { monotonicFactory } from 'ulid';
import { z } from 'zod';
import { classifyHit, type Classification, type ProviderNetwork } from '../../../lib/tracking/classify-hit';
import type { Touch } from '../../../lib/touches/touch';
import type { EmailOpenEvent } from '../../../lib/wire/tracking';
import type { Db, Queryable } from '../db/database';
import { contentHash } from '../sync/content-hash';
import { lockOrgChanges } from '../sync/org-lock';
import { RECENT_SENDER_ADDRESS_MS } from './sender-addresses';

/** One request for a pixel with a well-formed token, as the route hands it over. */
export interface HitInput {
  tokenHash: string;
  at: number;
  userAgent: string;
  ipHash: string;
  network: ProviderNetwork | null;
}

export interface RecorderOptions {
  /** How long the first hit of a batch waits for others to join it. */
  windowMs?: number;
  /** Most hits one transaction takes. */
  maxBatch?: number;
  /** Past this many hits waiting, new ones are answered without being recorded (and counted as dropped). */
  maxPending?: number;
  /** Called after a batch commits, once per letter that got a counted open in it. */
  onOpen?: (userId: string, event: EmailOpenEvent) => void;
}

/** Every hit is stored until a letter has this many; after that, a sample. */
export const STORE_ALL_UP_TO = 100;
/** After the first hundred, at most one stored hit per letter per this interval… */
export const STORE_SAMPLE_EVERY_MS = 60_000;
/** …and never more than this many per letter. Counters still count every hit. */
export const MAX_STORED_PER_LETTER = 1000;
/** At most one email_open touch per letter per this interval: a flood makes one touch. */
export const TOUCH_EVERY_MS = 10 * 60_000;
/** Device id of the touches the tracker makes on the server. */
export const TRACKER_DEVICE_ID = 'sufler-tracker';

const USER_AGENT_MAX = 512;

interface Pending extends HitInput {
  done: () => void;
  failed: (error: unknown) => void;
}

const LetterRow = z.object({
  org_id: z.string(),
  id: z.string(),
  user_id: z.string(),
  team_id: z.string().nullable(),
  token_hash: z.string(),
  subject: z.string(),
  client_key: z.string().nullable(),
  created_ms: z.number(),
  hits_stored: z.number(),
  opens: z.number(),
  last_stored_ms: z.number().nullable(),
  last_touch_ms: z.number().nullable(),
});
type Letter = z.infer<typeof LetterRow>;

const nextTouchId = monotonicFactory();

/**
 * Group commit for pixel hits: hits arriving within a short window are classified and written
 * in ONE transaction (one multi-row insert of hits, one update of counters, the touches), and
 * each hit's promise settles only after that transaction commits. While a batch is being
 * written, the next one gathers, so a busy server writes bigger batches, not more of them.
 */
export class HitRecorder {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private closed = false;
  /** Hits answered but not recorded because too many were waiting. */
  dropped = 0;
  /** Transactions committed, for the benchmark. */
  batches = 0;

  private readonly windowMs: number;
  private readonly maxBatch: number;
  private readonly maxPending: number;

  constructor(
    private readonly db: Db,
    private readonly options: RecorderOptions = {},
  ) {
    this.windowMs = options.windowMs ?? 2;
    this.maxBatch = options.maxBatch ?? 1000;
    this.maxPending = options.maxPending ?? 50_000;
  }

  /** Resolves once the hit is committed (or known to match no letter); never for a dropped one. */
  record(hit: HitInput): Promise<'recorded' | 'dropped'> {
    if (this.closed || this.queue.length >= this.maxPending) {
      this.dropped += 1;
      return Promise.resolve('dropped');
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ ...hit, userAgent: hit.userAgent.slice(0, USER_AGENT_MAX), done: () => resolve('recorded'), failed: reject });
      this.schedule();
    });
  }

  /** Writes what is waiting and stops taking hits. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    while (this.flushing !== null || this.queue.length > 0) {
      if (this.flushing === null) this.flushing = this.flush();
      await this.flushing;
    }
  }

  private schedule(): void {
    if (this.timer !== null || this.flushing !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushing = this.flush();
    }, this.windowMs);
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, this.maxBatch);
    try {
      const opens = await this.db.transaction((tx) => writeBatch(tx, batch));
      this.batches += 1;
      for (const hit of batch) hit.done();
      for (const open of opens) this.options.onOpen?.(open.userId, open.event);
    } catch (error) {
      for (const hit of batch) hit.failed(error);
    } finally {
      this.flushing = null;
      if (this.queue.length > 0 && !this.closed) this.schedule();
    }
  }
}

interface Decided {
  hit: Pending;
  letter: Letter;
  verdict: Classification;
  store: boolean;
}

async function writeBatch(tx: Queryable, batch: Pending[]): Promise<{ userId: string; event: EmailOpenEvent }[]> {
  const hashes = [...new Set(batch.map((h) => h.tokenHash))];
  // Locked in a fixed order, so two servers on one PostgreSQL never wait on each other in a circle.
  const letters = (
    await tx.query(
      `SELECT org_id::text AS org_id, id, user_id::text AS user_id, team_id::text AS team_id, token_hash, subject, client_key,
              floor(extract(epoch FROM created_at) * 1000)::float8 AS created_ms, hits_stored, opens,
              floor(extract(epoch FROM last_stored_at) * 1000)::float8 AS last_stored_ms,
              floor(extract(epoch FROM last_touch_at) * 1000)::float8 AS last_touch_ms
         FROM tracked_emails WHERE token_hash IN (SELECT jsonb_array_elements_text($1::jsonb))
        ORDER BY org_id, id FOR UPDATE`,
      [JSON.stringify(hashes)],
    )
  ).map((r) => LetterRow.parse(r));
  if (letters.length === 0) return [];
  const byHash = new Map(letters.map((l) => [l.token_hash, l]));
  const letterKeys = letters.map((l) => ({ org_id: l.org_id, id: l.id }));
  const views = await tx.query(
    `SELECT v.org_id::text AS org_id, v.tracked_email_id AS id, floor(extract(epoch FROM v.at) * 1000)::float8 AS at_ms
       FROM tracked_email_sender_views v
       JOIN jsonb_to_recordset($1::jsonb) AS x(org_id bigint, id text) ON v.org_id = x.org_id AND v.tracked_email_id = x.id`,
    [JSON.stringify(letterKeys)],
  );
  const viewsOf = new Map<string, number[]>();
  for (const v of views) {
    const key = `${String(v.org_id)}\0${String(v.id)}`;
    viewsOf.set(key, [...(viewsOf.get(key) ?? []), Number(v.at_ms)]);
  }
  const senders = [...new Set(letters.map((l) => l.user_id))];
  const addresses = await tx.query(
    `SELECT user_id::text AS user_id, ip_hash FROM sender_addresses
      WHERE user_id IN (SELECT jsonb_array_elements_text($1::jsonb)::bigint)
        AND last_seen > now() - ($2::float8 * interval '1 millisecond')`,
    [JSON.stringify(senders), RECENT_SENDER_ADDRESS_MS],
  );
  const addressesOf = new Map<string, string[]>();
  for (const a of addresses) addressesOf.set(String(a.user_id), [...(addressesOf.get(String(a.user_id)) ?? []), String(a.ip_hash)]);

  // Classify in arrival order, deciding per letter what to keep.
  const decided: Decided[] = [];
  const stored = new Map<Letter, { count: number; last: number | null }>();
  for (const hit of batch) {
    const letter = byHash.get(hit.tokenHash);
    if (letter === undefined) continue;
    const verdict = classifyHit(hit, {
      sentAt: letter.created_ms,
      senderViews: viewsOf.get(`${letter.org_id}\0${letter.id}`) ?? [],
      senderIpHashes: addressesOf.get(letter.user_id) ?? [],
    });
    const state = stored.get(letter) ?? { count: letter.hits_stored, last: letter.last_stored_ms };
    const store =
      state.count < STORE_ALL_UP_TO ||
      (state.count < MAX_STORED_PER_LETTER && (state.last === null || hit.at - state.last >= STORE_SAMPLE_EVERY_MS));
    if (store) stored.set(letter, { count: state.count + 1, last: hit.at });
    else stored.set(letter, state);
    decided.push({ hit, letter, verdict, store });
  }
  if (decided.length === 0) return [];

  const kept = decided.filter((d) => d.store);
  if (kept.length > 0) {
    await tx.query(
      `INSERT INTO tracked_email_hits (org_id, tracked_email_id, at, user_agent, ip_hash, network, class, counted, reason, classifier_version)
       SELECT x.org_id, x.id, to_timestamp(x.at_ms / 1000), x.user_agent, x.ip_hash, x.network, x.class, x.counted, x.reason, x.version
         FROM jsonb_to_recordset($1::jsonb)
           AS x(org_id bigint, id text, at_ms float8, user_agent text, ip_hash text, network text, class text, counted boolean, reason text, version int)`,
      [
        JSON.stringify(
          kept.map((d) => ({
            org_id: d.letter.org_id,
            id: d.letter.id,
            at_ms: d.hit.at,
            user_agent: d.hit.userAgent,
            ip_hash: d.hit.ipHash,
            network: d.hit.network,
            class: d.verdict.class,
            counted: d.verdict.counted,
            reason: d.verdict.reason,
            version: d.verdict.classifierVersion,
          })),
        ),
      ],
    );
  }

  // One counter update per letter, and the open to announce (its latest counted hit).
  interface Tally {
    letter: Letter;
    total: number;
    stored: number;
    opens: number;
    lastOpen: Decided | null;
    lastStored: number | null;
  }
  const tallies = new Map<Letter, Tally>();
  for (const d of decided) {
    const t = tallies.get(d.letter) ?? { letter: d.letter, total: 0, stored: 0, opens: 0, lastOpen: null, lastStored: null };
    t.total += 1;
    if (d.store) {
      t.stored += 1;
      t.lastStored = d.hit.at;
    }
    if (d.verdict.counted) {
      t.opens += 1;
      t.lastOpen = d;
    }
    tallies.set(d.letter, t);
  }
  const touches: { letter: Letter; touch: Touch }[] = [];
  for (const t of tallies.values()) {
    if (t.lastOpen === null || t.letter.client_key === null) continue;
    if (t.letter.last_touch_ms !== null && t.lastOpen.hit.at - t.letter.last_touch_ms < TOUCH_EVERY_MS) continue;
    touches.push({
      letter: t.letter,
      touch: {
        id: nextTouchId(t.lastOpen.hit.at),
        clientKey: t.letter.client_key,
        kind: 'email_open',
        outcome: 'done',
        comment: t.letter.subject,
        at: t.lastOpen.hit.at,
        stageId: null,
      },
    });
  }
  const touchOf = new Map(touches.map((t) => [t.letter, t.touch]));

  await tx.query(
    `UPDATE tracked_emails e
        SET hits_total = e.hits_total + x.total, hits_stored = e.hits_stored + x.stored, opens = e.opens + x.opens,
            last_open_at = coalesce(greatest(e.last_open_at, to_timestamp(x.last_open_ms / 1000)), e.last_open_at),
            last_stored_at = coalesce(greatest(e.last_stored_at, to_timestamp(x.last_stored_ms / 1000)), e.last_stored_at),
            last_touch_at = coalesce(to_timestamp(x.touch_ms / 1000), e.last_touch_at)
       FROM jsonb_to_recordset($1::jsonb)
         AS x(org_id bigint, id text, total int, stored int, opens int, last_open_ms float8, last_stored_ms float8, touch_ms float8)
      WHERE e.org_id = x.org_id AND e.id = x.id`,
    [
      JSON.stringify(
        [...tallies.values()].map((t) => ({
          org_id: t.letter.org_id,
          id: t.letter.id,
          total: t.total,
          stored: t.stored,
          opens: t.opens,
          last_open_ms: t.lastOpen?.hit.at ?? null,
          last_stored_ms: t.lastStored,
          touch_ms: touchOf.get(t.letter)?.at ?? null,
        })),
      ),
    ],
  );

  if (touches.length > 0) {
    // Touches take the organisation's change lock like a sync push (pull cursors stay exact).
    for (const orgId of [...new Set(touches.map((t) => t.letter.org_id))].sort((a, b) => Number(a) - Number(b))) await lockOrgChanges(tx, orgId);
    await tx.query(
      `INSERT INTO touches (id, org_id, user_id, team_id, device_id, client_key, payload, payload_hash)
       SELECT x.id, x.org_id, x.user_id, x.team_id, $2, x.client_key, x.payload, x.payload_hash
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, org_id bigint, user_id bigint, team_id bigint, client_key text, payload jsonb, payload_hash text)`,
      [
        JSON.stringify(
          touches.map(({ letter, touch }) => ({
            id: touch.id,
            org_id: letter.org_id,
            user_id: letter.user_id,
            team_id: letter.team_id,
            client_key: touch.clientKey,
            payload: touch,
            payload_hash: contentHash(touch),
          })),
        ),
        TRACKER_DEVICE_ID,
      ],
    );
  }

  const opens: { userId: string; event: EmailOpenEvent }[] = [];
  for (const t of tallies.values()) {
    if (t.lastOpen === null) continue;
    opens.push({
      userId: t.letter.user_id,
      event: {
        trackedEmailId: t.letter.id,
        subject: t.letter.subject,
        clientId: t.letter.client_key,
        at: t.lastOpen.hit.at,
        class: t.lastOpen.verdict.class,
        reason: t.lastOpen.verdict.reason,
        opens: t.letter.opens + t.opens,
        touchId: touchOf.get(t.letter)?.id ?? null,
      },
    });
  }
  return opens;
}
