import type { StorageAreaLike } from '../storage-area';
import type { SuflerDatabase } from '../db/database';
import { SharedClientSchema } from '../wire/sync';
import { summarizeSnapshot } from '../compliance/summarize-snapshot';
import { TouchSchema } from '../touches/touch';
import { readSyncConfig } from './sync-setup';
import { readSyncState, type SyncState } from './sync-state';
import type { SyncConfig } from './sync-config';
import { SYNC_OFF, type RejectedItem, type SyncStatus } from './sync-status';

/** How many refused items the status lists; the count covers the rest. */
export const REJECTED_LISTED = 20;

/** What the outbox holds, read from Dexie only (so a liveQuery can follow it). */
export interface OutboxSummary {
  pending: number;
  rejected: RejectedItem[];
  rejectedCount: number;
}

export async function readOutboxSummary(db: SuflerDatabase): Promise<OutboxSummary> {
  const [pending, rejectedCount, rejectedRows] = await Promise.all([
    db.outbox.where('state').equals('pending').count(),
    db.outbox.where('state').equals('rejected').count(),
    db.outbox.where('state').equals('rejected').limit(REJECTED_LISTED).toArray(),
  ]);
  return { pending, rejected: rejectedRows.map(rejectedItem), rejectedCount };
}

/** The status from the stored config and engine state and the outbox. */
export function composeSyncStatus(config: SyncConfig | null, state: SyncState, outbox: OutboxSummary): SyncStatus {
  // With no server everything stays local; the counts still tell what would be sent.
  if (config === null) return { ...SYNC_OFF, ...outbox };
  return {
    state: state.state,
    serverUrl: config.serverUrl,
    ...outbox,
    lastSuccessAt: state.lastSuccessAt,
    lastError: state.lastError,
    nextAttemptAt: state.state === 'backoff' ? state.nextAttemptAt : null,
  };
}

/** Where sync stands, for the panel, the popup and the options page. */
export async function syncStatus(db: SuflerDatabase, storage: StorageAreaLike): Promise<SyncStatus> {
  const [config, state, outbox] = await Promise.all([readSyncConfig(storage), readSyncState(storage), readOutboxSummary(db)]);
  return composeSyncStatus(config, state, outbox);
}

function rejectedItem(row: { entity?: unknown; entityId?: unknown; lastError?: unknown; payload?: unknown }): RejectedItem {
  const entity = row.entity === 'client' || row.entity === 'compliance' ? row.entity : 'touch';
  return {
    entity,
    entityId: String(row.entityId ?? ''),
    reason: typeof row.lastError === 'string' ? row.lastError : 'rejected',
    summary: summarize(entity, row.payload),
  };
}

/** A line the user recognises: the touch's kind and the start of its comment, or the client's name. */
function summarize(entity: RejectedItem['entity'], payload: unknown): string {
  if (entity === 'compliance') return summarizeSnapshot(payload);
  if (entity === 'touch') {
    const touch = TouchSchema.safeParse(payload);
    if (!touch.success) return 'touch';
    const comment = touch.data.comment.trim();
    return comment === '' ? touch.data.kind : `${touch.data.kind}: ${comment.length > 60 ? `${comment.slice(0, 60)}…` : comment}`;
  }
  const client = SharedClientSchema.safeParse(payload);
  return client.success ? client.data.name : 'client';
}
