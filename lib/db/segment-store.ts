import { z } from 'zod';
import { ClientSegmentSchema, type ClientSegment } from '../wire/segments';
import type { SuflerDatabase } from './database';
import { parseRows } from './records';

/**
 * The team's client segments (issue 12), a copy of what the server computed and the head
 * pinned. Pulled only: nothing here goes to the outbox, and a newer server answer replaces a row.
 */
export const SegmentRecordSchema = ClientSegmentSchema;
export type SegmentRecord = z.infer<typeof SegmentRecordSchema>;

/** Store one page of segment changes in one transaction. */
export async function storeSegments(db: SuflerDatabase, segments: readonly ClientSegment[]): Promise<void> {
  if (segments.length === 0) return;
  await db.transaction('rw', db.segments, async () => {
    await db.segments.bulkPut(segments.map((s) => SegmentRecordSchema.parse(s)));
  });
}

/** The segment the server has for this card, or null (not ranked yet, or a corrupt row). */
export async function segmentOf(db: SuflerDatabase, clientKey: string): Promise<SegmentRecord | null> {
  const row = await db.segments.get(clientKey);
  if (row === undefined) return null;
  return parseRows('segments', SegmentRecordSchema, [row])[0] ?? null;
}

/** Every stored segment of these classes (the key-clients list reads A and the top). */
export async function segmentsOfClasses(db: SuflerDatabase, classes: readonly SegmentRecord['class'][]): Promise<SegmentRecord[]> {
  return parseRows('segments', SegmentRecordSchema, await db.segments.where('class').anyOf([...classes]).toArray());
}
