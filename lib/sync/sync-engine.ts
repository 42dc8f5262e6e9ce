import type { StorageAreaLike } from '../background/background-deps';
import type { SuflerDatabase } from '../db/database';
import { newId } from '../ids';
import { applyChanges } from './apply-changes';
import { backoffDelay } from './backoff';
import { nextBatch } from './outbox-batch';
import { pull, push, type FetchLike } from './sync-client';
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
}

export interface SyncRunResult {
  state: 'off' | 'idle' | 'backoff' | 'error';
  /** Why nothing was tried: waiting out a backoff, or stopped on an error until reconfigured. */
  skipped: 'backoff' | 'stopped' | null;
  /** Rows the server took (accepted or duplicate) and which were removed from the outbox. */
  pushed: number;
  rejected: number;
  /** Size of each push request, in order. */
  batches: number[];
  pulled: number;
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
      queued ??= running
        .catch(() => undefined)
        .then(() => {
          const force = queuedForce;
          queued = null;
          queuedForce = false;
          return running ?? start({ force });
        });
      return queued;
    },
  };
}

function defaultLocks(): SyncEngineDeps['locks'] {
  const nav = (globalThis as { navigator?: { locks?: SyncEngineDeps['locks'] } }).navigator;
  return nav?.locks ?? null;
}

const OFF: SyncRunResult = { state: 'off', skipped: null, pushed: 0, rejected: 0, batches: [], pulled: 0, failure: null, nextAttemptAt: null };

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
  if (state.cursorServer !== config.serverUrl) state = { ...state, cursor: '', cursorServer: config.serverUrl, teamPlaybookVersion: null };
  state = { ...state, state: 'syncing' };
  await writeSyncState(storage, state);

  const result: SyncRunResult = { ...OFF, state: 'idle' };
  const client = { fetch: deps.fetch, timeoutMs: deps.timeoutMs };
  const makeId = deps.makeId ?? (() => newId(deps.now()));

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
    result.batches.push(batch.items.length);
    const answer = await push(config, batch.items, client);
    if (!answer.ok) {
      if (answer.failure.code === 'bad_request') {
        // The server refused the whole request: keep every row, visibly, with its message.
        console.error('Sufler: the server refused a push batch', answer.failure.message);
        await markRejected(db, batch.rows.map((r) => ({ seq: r.seq, reason: answer.failure.message })));
        result.rejected += batch.rows.length;
        continue;
      }
      if (answer.failure.retryable) {
        await db.outbox.bulkUpdate(batch.rows.map((r) => ({ key: r.seq, changes: { attempts: r.attempts + 1, lastError: answer.failure.message } })));
      }
      return stop(deps, state, result, answer.failure);
    }
    const done: number[] = [];
    const refused: { seq: number; reason: string }[] = [];
    answer.value.forEach((r, i) => {
      const row = batch.rows[i];
      if (row === undefined) return;
      // 'duplicate' (also 'superseded') means the server has it or something newer: done.
      if (r.status === 'rejected') refused.push({ seq: row.seq, reason: r.reason ?? 'rejected' });
      else done.push(row.seq);
    });
    await db.transaction('rw', db.outbox, async () => {
      await db.outbox.bulkDelete(done);
      await markRejected(db, refused);
    });
    result.pushed += done.length;
    result.rejected += refused.length;
  }

  // Pull until the server says there is no more, saving the cursor after every page.
  const problems: string[] = [];
  for (;;) {
    const page = await pull(config, state.cursor, client);
    if (!page.ok) return stop(deps, state, result, page.failure);
    const applied = await applyChanges(db, page.value.changes, state.teamPlaybookVersion, deps.now());
    result.pulled += page.value.changes.length;
    problems.push(...applied.playbookProblems);
    state = { ...state, cursor: page.value.cursor, teamPlaybookVersion: applied.playbookVersion ?? state.teamPlaybookVersion };
    await writeSyncState(storage, state);
    if (!page.value.more || page.value.changes.length === 0) break;
  }
  for (const problem of problems) console.warn(`Sufler: ${problem}`);

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

