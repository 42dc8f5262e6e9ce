import type { StorageAreaLike } from './background-deps';

/**
 * Script walk-through positions, per client, in storage.local: one writer (the background,
 * on walk:set), read into every panel's state for its client. Kept across reloads and shared
 * by the docked and the side panel; bounded to the most recent MAX_CLIENTS clients.
 */
export const WALKS_KEY = 'sufler:walks';
const MAX_CLIENTS = 300;

export type WalkValue = string | string[] | null;
type WalkEntries = Record<string, WalkValue>;
export interface StoredWalks {
  [clientKey: string]: { at: number; entries: WalkEntries };
}

function isEntries(v: unknown): v is WalkEntries {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export async function readAllWalks(local: StorageAreaLike): Promise<StoredWalks> {
  const raw = (await local.get(WALKS_KEY))[WALKS_KEY];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: StoredWalks = {};
  for (const [client, value] of Object.entries(raw as Record<string, unknown>)) {
    const v = value as { at?: unknown; entries?: unknown } | null;
    if (v && typeof v.at === 'number' && isEntries(v.entries)) out[client] = { at: v.at, entries: v.entries };
  }
  return out;
}

/** The client's positions; {} when none (or the stored value is damaged). */
export function walkOf(all: StoredWalks, clientKey: string): WalkEntries {
  return all[clientKey]?.entries ?? {};
}

export async function writeWalk(local: StorageAreaLike, clientKey: string, key: string, value: WalkValue, now: number): Promise<void> {
  const all = await readAllWalks(local);
  const entries = { ...(all[clientKey]?.entries ?? {}), [key]: value };
  all[clientKey] = { at: now, entries };
  const clients = Object.entries(all);
  if (clients.length > MAX_CLIENTS) {
    clients.sort((a, b) => b[1].at - a[1].at);
    await local.set({ [WALKS_KEY]: Object.fromEntries(clients.slice(0, MAX_CLIENTS)) });
    return;
  }
  await local.set({ [WALKS_KEY]: all });
}
