import { z } from 'zod';
import type { StorageAreaLike } from '../storage-area';
import { DeviceIdSchema } from '../wire/id-schemas';
import { SYNC_CONFIG_KEY, SyncConfigSchema, parseSyncConfig, type SyncConfig } from './sync-config';
import { readSyncState, writeSyncState } from './sync-state';

/** This browser profile's device id, kept apart from the config so a disconnect keeps it. */
export const DEVICE_ID_KEY = 'sufler:device-id';

/** What sync:configure carries: the config without the device id, which the background owns. */
export const SyncConfigInputSchema = SyncConfigSchema.omit({ deviceId: true });
export type SyncConfigInput = z.input<typeof SyncConfigInputSchema>;

export async function readSyncConfig(storage: StorageAreaLike): Promise<SyncConfig | null> {
  return parseSyncConfig((await storage.get(SYNC_CONFIG_KEY))[SYNC_CONFIG_KEY]);
}

/** The device id, made on first use and the same ever after. */
export async function deviceId(storage: StorageAreaLike, makeId: () => string): Promise<string> {
  const stored = DeviceIdSchema.safeParse((await storage.get(DEVICE_ID_KEY))[DEVICE_ID_KEY]);
  if (stored.success) return stored.data;
  const fresh = makeId();
  await storage.set({ [DEVICE_ID_KEY]: fresh });
  return fresh;
}

export type ConfigureResult = { ok: true; config: SyncConfig } | { ok: false; errors: string[] };

/**
 * Sync with this server and token from now on. Another server means another sequence, so
 * the cursor starts over; any error or backoff from the old config is forgotten, so the
 * next run tries at once.
 */
export async function configureSync(storage: StorageAreaLike, input: unknown, makeId: () => string): Promise<ConfigureResult> {
  const parsed = SyncConfigInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => i.message) };
  const config: SyncConfig = { ...parsed.data, deviceId: await deviceId(storage, makeId) };
  const state = await readSyncState(storage);
  const sameServer = state.cursorServer === config.serverUrl;
  await writeSyncState(storage, {
    ...state,
    cursor: sameServer ? state.cursor : '',
    cursorServer: config.serverUrl,
    teamPlaybookVersion: sameServer ? state.teamPlaybookVersion : null,
    state: 'idle',
    attempt: 0,
    nextAttemptAt: null,
    lastError: null,
  });
  await storage.set({ [SYNC_CONFIG_KEY]: config });
  return { ok: true, config };
}

/** Stop syncing: the server and token are forgotten; the outbox and the device id stay. */
export async function disconnectSync(storage: StorageAreaLike): Promise<void> {
  await storage.remove(SYNC_CONFIG_KEY);
  const state = await readSyncState(storage);
  await writeSyncState(storage, { ...state, state: 'idle', attempt: 0, nextAttemptAt: null, lastError: null });
}
