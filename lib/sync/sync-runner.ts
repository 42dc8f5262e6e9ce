import type { SyncEngine, SyncRunOptions, SyncRunResult } from './sync-engine';
import type { SyncListener, SyncTrigger } from './sync-trigger';

/** The periodic sync alarm, and the one-shot alarm for a retry after a failure. */
export const SYNC_ALARM = 'sufler-sync';
export const SYNC_RETRY_ALARM = 'sufler-sync-retry';
export const SYNC_PERIOD_MINUTES = 1;
/** A burst of touches (or a page publishing its client) makes one run, not one per write. */
export const SYNC_DEBOUNCE_MS = 2_000;

/** The part of browser.alarms the runner uses. */
export interface AlarmsLike {
  create(name: string, info: { when?: number; periodInMinutes?: number }): void | Promise<void>;
  get(name: string): Promise<unknown>;
}

export interface SyncRunner extends SyncTrigger {
  /** Worker start: make sure the periodic alarm exists, and sync once. */
  start(): Promise<void>;
  /** alarms.onAlarm */
  onAlarm(name: string): Promise<void>;
}

export interface SyncRunnerDeps {
  engine: SyncEngine;
  alarms: AlarmsLike | null;
  /** Told when a run starts and when it ends (the hub re-sends every panel's sync status). */
  listener?: SyncListener;
  debounceMs?: number;
}

export function createSyncRunner({ engine, alarms, listener, debounceMs = SYNC_DEBOUNCE_MS }: SyncRunnerDeps): SyncRunner {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const tell = () => {
    try {
      listener?.syncChanged();
    } catch (error) {
      console.error('Sufler: the sync listener failed', error);
    }
  };

  const run = async (options: SyncRunOptions): Promise<SyncRunResult | null> => {
    try {
      const result = await engine.runOnce({ ...options, onStarted: tell });
      // A run that did nothing (no config, waiting out a backoff) changed nothing to show.
      if (result.skipped === null && result.state !== 'off') tell();
      // An alarm, not a timer: the worker may be suspended long before the retry is due.
      if (result.state === 'backoff' && result.nextAttemptAt !== null && alarms !== null) {
        await alarms.create(SYNC_RETRY_ALARM, { when: result.nextAttemptAt });
      }
      return result;
    } catch (error) {
      console.error('Sufler: sync run failed', error);
      return null;
    }
  };

  return {
    async start() {
      if (alarms !== null) {
        // Re-creating would restart the period on every wake-up, and a busy worker would never sync.
        const existing = await alarms.get(SYNC_ALARM).catch(() => undefined);
        if (!existing) await alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
      }
      await run({});
    },
    async onAlarm(name) {
      if (name === SYNC_ALARM || name === SYNC_RETRY_ALARM) await run({});
    },
    soon() {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void run({});
      }, debounceMs);
    },
    now: () => run({ force: true }),
  };
}

