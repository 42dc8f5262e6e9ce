import { ClientContextSchema, type ClientContext } from '../context/client-context';
import type { StorageAreaLike } from './background-deps';

/**
 * The client each tab shows, kept in storage.session rather than worker memory: the
 * service worker is suspended at will and must find it again when it wakes.
 */
export const TAB_CONTEXT_PREFIX = 'sufler:ctx:';

export function tabContextKey(tabId: number): string {
  return `${TAB_CONTEXT_PREFIX}${tabId}`;
}

/** The tab's context; null when none is stored or the stored value does not parse. */
export async function getTabContext(session: StorageAreaLike, tabId: number): Promise<ClientContext | null> {
  const key = tabContextKey(tabId);
  const stored = (await session.get(key))[key];
  if (stored === undefined || stored === null) return null;
  const parsed = ClientContextSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  console.warn(`Sufler: stored context of tab ${tabId} does not parse; ignored`, parsed.error);
  return null;
}

/** Store the tab's context, or forget it when the tab shows no client (null). */
export async function setTabContext(session: StorageAreaLike, tabId: number, context: ClientContext | null): Promise<void> {
  if (context === null) await session.remove(tabContextKey(tabId));
  else await session.set({ [tabContextKey(tabId)]: context });
}

/** Every tab that currently shows a client, with its context. */
export async function allTabContexts(session: StorageAreaLike): Promise<Map<number, ClientContext>> {
  const result = new Map<number, ClientContext>();
  for (const [key, value] of Object.entries(await session.get(null))) {
    if (!key.startsWith(TAB_CONTEXT_PREFIX)) continue;
    const tabId = Number(key.slice(TAB_CONTEXT_PREFIX.length));
    const parsed = ClientContextSchema.safeParse(value);
    if (Number.isInteger(tabId) && parsed.success) result.set(tabId, parsed.data);
  }
  return result;
}
