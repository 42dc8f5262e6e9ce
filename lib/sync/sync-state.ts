import { z } from 'zod';
import type { StorageAreaLike } from '../storage-area';
import { CursorSchema } from '../wire/sync';
import { SyncErrorSchema } from './sync-status';

/**
 * Where the engine stopped, in storage.local: a suspended service worker wakes up with
 * nothing in memory and must resume from here (the cursor, the backoff it was in).
 */
export const SYNC_STATE_KEY = 'sufler:sync-state';

export const SyncStateSchema = z.object({
  /** Last server sequence applied; '' pulls from the start. */
  cursor: CursorSchema,
  /** The server the cursor belongs to: another server starts from ''. */
  cursorServer: z.string().nullable(),
  state: z.enum(['idle', 'syncing', 'backoff', 'error']),
  /** Failures in a row; 0 after a success. */
  attempt: z.number().int().nonnegative(),
  nextAttemptAt: z.number().nullable(),
  lastSuccessAt: z.number().nullable(),
  lastError: SyncErrorSchema.nullable(),
  /** The newest team playbook version applied, so a re-pull does not import it again. */
  teamPlaybookVersion: z.number().int().nonnegative().nullable(),
  /** Last segment change stored (GET /api/clients/segments?since=); '' fetches them all. */
  segmentCursor: CursorSchema.default(''),
});
export type SyncState = z.infer<typeof SyncStateSchema>;

export const INITIAL_SYNC_STATE: SyncState = {
  cursor: '',
  cursorServer: null,
  state: 'idle',
  attempt: 0,
  nextAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  teamPlaybookVersion: null,
  segmentCursor: '',
};

/** The stored state; a missing or damaged one starts afresh (a full pull is idempotent). */
export async function readSyncState(storage: StorageAreaLike): Promise<SyncState> {
  const raw = (await storage.get(SYNC_STATE_KEY))[SYNC_STATE_KEY];
  if (raw === undefined) return INITIAL_SYNC_STATE;
  const parsed = SyncStateSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.warn('Sufler: stored sync state does not parse; starting afresh', parsed.error.issues);
  return INITIAL_SYNC_STATE;
}

export async function writeSyncState(storage: StorageAreaLike, state: SyncState): Promise<void> {
  await storage.set({ [SYNC_STATE_KEY]: SyncStateSchema.parse(state) });
}
