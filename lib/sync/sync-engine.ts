import type { StorageAreaLike } from '../storage-area';
import type { SuflerDatabase } from '../db/database';
import { newId } from '../ids';
import { applyChanges } from './apply-changes';
import { backoffDelay } from './backoff';
import { nextBatch } from './outbox-batch';
import type { OutboxRecord } from '../db/records';
import type { PushResult, SyncItem } from '../wire/sync';
import { fetchMe, pull, pullSegments, push, type FetchLike, type SyncClientOptions } from './sync-client';
import { storeSegments } from '../db/segment-store';
import type { SyncConfig } from './sync-config';
import { isFatalFailure, type SyncFailure } from './sync-failure';
import { readSyncConfig } from './sync-setup';
import { readSyncState, writeSyncState, type SyncState } from './sync-state';

export interface SyncEngineDeps {
  db: SuflerDatabase;
  /** storage.local: the config and the engine's state. */
  storage: StorageAreaLike;
  fetch?: FetchLike;
  now(): number;
  random?: () => number;
  /** Item ids for client records (touches carry their own). */
  makeId?: () => string;
  timeoutMs?: number;
  /** navigator.locks where there is one, so two extension contexts never sync at once. */
  locks?: { request<T>(name: string, callback: () => Promise<T>): Promise<T> } | null;
}

export interface SyncRunOptions {
  /** The user asked (sync:now, a new config): ignore a backoff or a stopped error state. */
  force?: boolean;
  /** Called once the run has stored its 'syncing' state (the runner tells the hub). */
  onStarted?: () => void;
}

export interface SyncRunResult {
  state: 'off' | 'idle' | 'backoff' | 'error';
  /** Why nothing was tried: waiting out a backoff, or stopped on an error until reconfigured. */
  skipped: 'backoff' | 'stopped' | null;
  /** Rows the server took (accepted or duplicate) and which were removed from the outbox. */
  pushed: number;
  rejected: number;
  /** Size of each push request, in order (a bisected batch adds its halves). */
  batches: number[];
  /** Items a bisection found at fault and marked rejected (counted in `rejected` too). */
  isolated: number;
  pulled: number;
  /** Segment changes stored. */
  segments: number;
  failure: SyncFailure | null;
  nextAttemptAt: number | null;
}

export interface SyncEngine {
  /** One push-then-pull pass. Calls during a run queue one more run after it. */
  runOnce(options?: SyncRunOptions): Promise<SyncRunResult>;
}

export const SYNC_LOCK_NAME = 'sufler-sync';

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  let running: Promise<SyncRunResult> | null = null;
  let queued: Promise<SyncRunResult> | null = null;
  let queuedForce = false;
  let queuedOnStarted: (() => void) | undefined;

  const start = (options: SyncRunOptions): Promise<SyncRunResult> => {
    const locks = deps.locks === undefined ? defaultLocks() : deps.locks;
    const run = () => runLocked(deps, options);
    const promise = (locks ? locks.request(SYNC_LOCK_NAME, run) : run()).finally(() => {
      running = null;
    });
    running = promise;
    return promise;
  };

  return {
    runOnce(options = {}) {
      if (running === null) return start(options);
      // Something changed while we ran (a new touch, sync:now): one more run covers all of it.
      queuedForce ||= options.force === true;
      queuedOnStarted = options.onStarted ?? queuedOnStarted;
      queued ??= running
        .catch(() => undefined)
        .then(() => {
          const force = queuedForce;
          const onStarted = queuedOnStarted;
          queued = null;
          queuedForce = false;
          queuedOnStarted = undefined;
          return running ?? start({ force, onStarted });
        });
      return queued;
    },
  };
}

function defaultLocks(): SyncEngineDeps['locks'] {
  const nav = (globalThis as { navigator?: { locks?: SyncEngineDeps['locks'] } }).navigator;
  return nav?.locks ?? null;
}

const OFF: SyncRunResult = { state: 'off', skipped: null, pushed: 0, rejected: 0, batches: [], isolated: 0, pulled: 0, segments: 0, failure: null, nextAttemptAt: null };

async function runLocked(deps: SyncEngineDeps, options: SyncRunOptions): Promise<SyncRunResult> {
  const { db, storage } = deps;
  const config = await readSyncConfig(storage);
  if (config === null) return OFF;
  let state = await readSyncState(storage);
  const now = deps.now();
  if (!options.force) {
    if (state.state === 'error' && state.lastError !== null && isFatalFailure(state.lastError.code)) {
      return { ...OFF, state: 'error', skipped: 'stopped', failure: null };
    }
    if (state.state === 'backoff' && state.nextAttemptAt !== null && state.nextAttemptAt > now) {
      return { ...OFF, state: 'backoff', skipped: 'backoff', nextAttemptAt: state.nextAttemptAt };
    }
  }
  if (state.cursorServer !== config.serverUrl) state = { ...state, cursor: '', cursorServer: config.serverUrl, teamPlaybookVersion: null, segmentCursor: '' };
  state = { ...state, state: 'syncing' };
  await writeSyncState(storage, state);
  options.onStarted?.();

  const result: SyncRunResult = { ...OFF, batches: [], state: 'idle' };
  const client = { fetch: deps.fetch, timeoutMs: deps.timeoutMs };
  const makeId = deps.makeId ?? (() => newId(deps.now()));
  const ctx: PushContext = { db, config, client, result };

  // Push: only rows that exist now; rows written meanwhile wait for the next run.
  const last = await db.outbox.orderBy('seq').last();
  const upToSeq = last?.seq ?? 0;
  let afterSeq = 0;
  for (;;) {
    const batch = await nextBatch(db, afterSeq, upToSeq, makeId);
    if (batch.lastSeq === null) break;
    afterSeq = batch.lastSeq;
    if (batch.unsendable.length > 0) {
      await markRejected(db, batch.unsendable);
      result.rejected += batch.unsendable.length;
    }
    if (batch.items.length === 0) continue;
    const failure = await pushSlice(ctx, batch.rows, batch.items);
    if (failure !== null) return stop(deps, state, result, failure);
  }

  // Pull until the server says there is no more, saving the cursor after every page.
  const problems: string[] = [];
  for (;;) {
    const cursorBefore = state.cursor;
    const page = await pull(config, state.cursor, client);
    if (!page.ok) return stop(deps, state, result, page.failure);
    const applied = await applyChanges(db, page.value.changes, state.teamPlaybookVersion, deps.now());
    result.pulled += page.value.changes.length;
    problems.push(...applied.playbookProblems);
    state = { ...state, cursor: page.value.cursor, teamPlaybookVersion: applied.playbookVersion ?? state.teamPlaybookVersion };
    await writeSyncState(storage, state);
    // An empty page with `more` (rows the server passed over) still moves the cursor on.
    if (!page.value.more || page.value.cursor === cursorBefore) break;
  }
  for (const problem of problems) console.warn(`Sufler: ${problem}`);

  // The team's segments, by their own cursor, after the pull and with the same rules.
  for (;;) {
    const page = await pullSegments(config, state.segmentCursor, client);
    if (!page.ok) {
      // A server older than segments (404), or a user in no team (403): nothing to copy, not a failure.
      if (page.failure.code === 'not_sufler' || page.failure.code === 'forbidden') break;
      return stop(deps, state, result, page.failure);
    }
    // A server that pages by client key only has no cursor to keep: nothing is taken from it.
    const cursor = page.value.cursor;
    if (cursor === undefined) break;
    await storeSegments(db, page.value.segments);
    result.segments += page.value.segments.length;
    const moved = cursor !== state.segmentCursor;
    state = { ...state, segmentCursor: cursor };
    await writeSyncState(storage, state);
    if (page.value.next === null || !moved) break;
  }

  const finished = deps.now();
  await writeSyncState(storage, {
    ...state,
    state: 'idle',
    attempt: 0,
    nextAttemptAt: null,
    lastSuccessAt: finished,
    // A bad team playbook is not a sync failure, but the user should hear of it.
    lastError: problems.length > 0 ? { code: 'team_playbook_invalid', message: problems.join('\n'), at: finished } : null,
  });
  return result;
}

interface PushContext {
  db: SuflerDatabase;
  config: SyncConfig;
  client: SyncClientOptions;
  result: SyncRunResult;
}

/**
 * Push rows (with their items at the same index) and settle the outbox from the answer.
 * A batch-level failure that one item can cause — a 400 for the whole request, or a 5xx
 * while the server otherwise answers — is bisected: each half is pushed on its own, down to
 * the single item at fault, which is marked rejected (kept, listed) while everything else
 * lands. Returns the failure that ends the run (offline, timeout, 429, a server that is down),
 * or null when every row was settled.
 */
async function pushSlice(ctx: PushContext, rows: readonly OutboxRecord[], items: readonly SyncItem[]): Promise<SyncFailure | null> {
  ctx.result.batches.push(items.length);
  const answer = await push(ctx.config, items, ctx.client);
  if (answer.ok) {
    await settle(ctx, rows, answer.value);
    return null;
  }
  const failure = answer.failure;
  const itemCouldCause = failure.code === 'bad_request' || failure.code === 'server';
  // A 5xx is the item's fault only if the server answers otherwise; a server that is down
  // (a database restarting) makes every request fail, and nothing may be marked for it.
  if (!itemCouldCause || (failure.code === 'server' && !(await serverAnswers(ctx)))) {
    if (failure.retryable) await countAttempt(ctx.db, rows, failure.message);
    return failure;
  }
  if (rows.length === 1) {
    const [row] = rows;
    if (row === undefined) return null;
    if (failure.code === 'server') {
      // Once more, alone, so a blip that hit this one request does not cost a row its place.
      const again = await push(ctx.config, items, ctx.client);
      ctx.result.batches.push(items.length);
      if (again.ok) {
        await settle(ctx, rows, again.value);
        return null;
      }
      if (again.failure.code !== 'server' && again.failure.code !== 'bad_request') {
        if (again.failure.retryable) await countAttempt(ctx.db, rows, again.failure.message);
        return again.failure;
      }
    }
    console.error('Sufler: the server refused one item; it is kept as rejected', row.entity, row.entityId, failure.code);
    await markRejected(ctx.db, [{ seq: row.seq, reason: failure.code === 'server' ? `server_error: ${failure.message}` : failure.message }]);
    ctx.result.rejected += 1;
    ctx.result.isolated += 1;
    return null;
  }
  const mid = Math.ceil(rows.length / 2);
  const first = await pushSlice(ctx, rows.slice(0, mid), items.slice(0, mid));
  if (first !== null) return first;
  return pushSlice(ctx, rows.slice(mid), items.slice(mid));
}

/** The server and its database answer (GET /api/me), so a 5xx was about what we sent. */
async function serverAnswers(ctx: PushContext): Promise<boolean> {
  return (await fetchMe(ctx.config.serverUrl, ctx.config.token, ctx.client)).ok;
}

/** Delete what the server took, keep what it refused (with its reason). */
async function settle(ctx: PushContext, rows: readonly OutboxRecord[], results: readonly PushResult[]): Promise<void> {
  const done: number[] = [];
  const refused: { seq: number; reason: string }[] = [];
  results.forEach((r, i) => {
    const row = rows[i];
    if (row === undefined) return;
    // 'duplicate' (also 'superseded') means the server has it or something newer: done.
    if (r.status === 'rejected') refused.push({ seq: row.seq, reason: r.reason ?? 'rejected' });
    else done.push(row.seq);
  });
  await ctx.db.transaction('rw', ctx.db.outbox, async () => {
    await ctx.db.outbox.bulkDelete(done);
    await markRejected(ctx.db, refused);
  });
  ctx.result.pushed += done.length;
  ctx.result.rejected += refused.length;
}

async function countAttempt(db: SuflerDatabase, rows: readonly OutboxRecord[], message: string): Promise<void> {
  await db.outbox.bulkUpdate(rows.map((r) => ({ key: r.seq, changes: { attempts: r.attempts + 1, lastError: message } })));
}

/** End the run on a failure: back off and retry later, or stop until the config changes. */
async function stop(deps: SyncEngineDeps, state: SyncState, result: SyncRunResult, failure: SyncFailure): Promise<SyncRunResult> {
  const now = deps.now();
  const lastError = { code: failure.code, message: failure.message, at: now };
  if (!failure.retryable) {
    await writeSyncState(deps.storage, { ...state, state: 'error', nextAttemptAt: null, lastError });
    return { ...result, state: 'error', failure, nextAttemptAt: null };
  }
  const attempt = state.attempt + 1;
  const delay = Math.max(backoffDelay(attempt, deps.random), failure.retryAfterMs ?? 0);
  const nextAttemptAt = now + delay;
  await writeSyncState(deps.storage, { ...state, state: 'backoff', attempt, nextAttemptAt, lastError });
  return { ...result, state: 'backoff', failure, nextAttemptAt };
}

async function markRejected(db: SuflerDatabase, rows: readonly { seq: number; reason: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction('rw', db.outbox, async () => {
    for (const { seq, reason } of rows) {
      await db.outbox
        .where('seq')
        .equals(seq)
        .modify((row: { attempts?: unknown; state?: unknown; lastError?: unknown }) => {
          row.state = 'rejected';
          row.lastError = reason;
          row.attempts = typeof row.attempts === 'number' ? row.attempts + 1 : 1;
        });
    }
  });
}

