import type { SuflerDatabase } from '../db/database';
import type { BackgroundToContent } from '../messaging/hub-messages';
import type { StorageAreaLike } from '../storage-area';
import type { FetchLike } from '../sync/sync-client';
import type { SyncTrigger } from '../sync/sync-trigger';
import type { Reminder } from '../reminders/reminder';

export type { StorageAreaLike } from '../storage-area';

/**
 * What the hub needs from the browser, as small interfaces: the real `browser` API in the
 * service worker, WXT's fake browser and in-memory doubles in tests (the fake browser
 * has no runtime ports, tabs.sendMessage or commands).
 */

/** The background's end of a runtime port from a panel page. */
export interface HubPort {
  name: string;
  sender?: { tab?: { id?: number } } | undefined;
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface BackgroundDeps {
  db: SuflerDatabase;
  /** storage.session: per-tab contexts, which must survive the worker being suspended. */
  session: StorageAreaLike;
  /** storage.local: settings, the sync config and the sync engine's state. */
  local: StorageAreaLike;
  /** Starts sync runs: after an outbox write, on sync:now and sync:configure. */
  sync: SyncTrigger;
  /**
   * tabs.sendMessage; resolves to the content script's reply (unknown: parse it), rejects
   * when the tab has no listener (no content script there).
   */
  sendToTab(tabId: number, message: BackgroundToContent): Promise<unknown>;
  now(): number;
  /** The browser's UI language, for messages when settings.lang follows the browser. */
  browserLanguage(): string | undefined;
  /** fetch for the options page's connection test; the global one when absent. */
  fetch?: FetchLike;
  /** Sets a stored callback reminder's alarm (reminder-alarms.ts); absent in tests that need none. */
  reminders?: { arm(reminder: Reminder): Promise<void> };
}
