import { snapshotFingerprint } from '../compliance/build-snapshot';
import { ComplianceSnapshotSchema, type ComplianceSnapshot } from '../wire/compliance';
import type { SuflerDatabase } from './database';
import { outboxUpsert } from './outbox';
import { ComplianceRecordSchema, parseRows } from './records';

export type SnapshotResult = 'stored' | 'unchanged';

/**
 * Keep a compliance snapshot and its outbox row in one transaction: one per deal per day, and
 * another that day only when something on the card changed since the last one.
 */
export async function recordComplianceSnapshot(db: SuflerDatabase, snapshot: ComplianceSnapshot, now: number): Promise<SnapshotResult> {
  const valid = ComplianceSnapshotSchema.parse(snapshot);
  return db.transaction('rw', db.compliance, db.outbox, async () => {
    const today = await snapshotsOfDay(db, valid.clientKey, valid.day);
    const latest = today.sort((a, b) => b.takenAt - a.takenAt)[0];
    if (latest !== undefined && snapshotFingerprint(latest) === snapshotFingerprint(valid)) return 'unchanged';
    await db.compliance.add(valid);
    await db.outbox.add(outboxUpsert('compliance', valid.id, valid, now));
    return 'stored';
  });
}

/** A deal's snapshots of one day; corrupt rows are reported and left out. */
export async function snapshotsOfDay(db: SuflerDatabase, clientKey: string, day: string): Promise<ComplianceSnapshot[]> {
  const rows = await db.compliance.where('[clientKey+day]').equals([clientKey, day]).toArray();
  return parseRows('compliance', ComplianceRecordSchema, rows);
}
