import { z } from 'zod';

/**
 * Where the extension's sync with the team server stands; the panel, the popup and the
 * options page show it. Built by the background from the stored sync state and the outbox.
 */
export const SyncErrorSchema = z.object({
  /** Stable code: 'offline' | 'timeout' | 'unauthorized' | 'forbidden' | 'server' | 'rate_limited' | 'bad_response' | … */
  code: z.string(),
  /** A sentence for the user, in English; the UI maps known codes to ru/en text. */
  message: z.string(),
  at: z.number(),
});
export type SyncError = z.infer<typeof SyncErrorSchema>;

export const RejectedItemSchema = z.object({
  entity: z.enum(['touch', 'client', 'compliance']),
  entityId: z.string(),
  /** The server's reason, e.g. 'id_conflict' or 'invalid_payload: payload.comment: …'. */
  reason: z.string(),
  /** A short description for the user (the touch's kind and comment, the client's name). */
  summary: z.string(),
});
export type RejectedItem = z.infer<typeof RejectedItemSchema>;

export const SyncStatusSchema = z.object({
  /** off: no server configured, everything stays local (and works). */
  state: z.enum(['off', 'idle', 'syncing', 'backoff', 'error']),
  serverUrl: z.string().nullable(),
  /** Outbox rows waiting to be pushed. */
  pending: z.number().int().nonnegative(),
  /** Items the server refused, kept with their reason (at most the first 20 listed). */
  rejected: z.array(RejectedItemSchema),
  rejectedCount: z.number().int().nonnegative(),
  lastSuccessAt: z.number().nullable(),
  lastError: SyncErrorSchema.nullable(),
  /** When the next automatic attempt is due after a failure. */
  nextAttemptAt: z.number().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SYNC_OFF: SyncStatus = {
  state: 'off',
  serverUrl: null,
  pending: 0,
  rejected: [],
  rejectedCount: 0,
  lastSuccessAt: null,
  lastError: null,
  nextAttemptAt: null,
};
