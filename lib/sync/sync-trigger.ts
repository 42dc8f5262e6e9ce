import type { SyncRunResult } from './sync-engine';

/** When to sync; the background's handlers call it, the runner (sync-runner.ts) does the rest. */
export interface SyncTrigger {
  /** A change reached the outbox: sync in a moment. */
  soon(): void;
  /** The user asked (sync:now, a new config): sync now, past any backoff. */
  now(): Promise<SyncRunResult | null>;
}

/**
 * Who hears that a run started or ended, so panels show "syncing…" and then the outcome.
 * The hub provides it; the runner calls it after the engine has stored its state.
 */
export interface SyncListener {
  syncChanged(): void;
}
