import { z } from 'zod';
import type { Db } from '../db/database';
import { recomputeSegments } from './recompute-segments';

/** The hour of the night (the server's local time) after which each day's split runs. */
export const NIGHTLY_HOUR = 3;

/** The latest NIGHTLY_HOUR:00 at or before `now`, in the server's local time. */
export function lastNightlyMark(now: number): number {
  const mark = new Date(now);
  mark.setHours(NIGHTLY_HOUR, 0, 0, 0);
  if (mark.getTime() > now) mark.setDate(mark.getDate() - 1);
  return mark.getTime();
}

const DueRow = z.object({ id: z.string() });

/**
 * Recomputes every organisation whose last split ran before last night's mark (or never ran).
 * Returns the ids done. A restart between two checks loses nothing: the runs table says what ran.
 */
export async function runDueSegmentSplits(db: Db, now: number): Promise<string[]> {
  const rows = await db.query(
    `SELECT o.id::text AS id FROM orgs o
      WHERE NOT EXISTS (SELECT 1 FROM segment_runs r WHERE r.org_id = o.id AND r.ran_at >= $1::bigint)
      ORDER BY o.id`,
    [lastNightlyMark(now)],
  );
  const done: string[] = [];
  for (const { id } of rows.map((r) => DueRow.parse(r))) {
    await recomputeSegments(db, id, now);
    done.push(id);
  }
  return done;
}

/** Checks every `checkEveryMs` (15 minutes) whether a nightly split is due; stop() ends it. */
export function startSegmentSchedule(db: Db, log: (line: string) => void, checkEveryMs = 15 * 60_000): { stop(): void } {
  let running = false;
  const tick = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      const done = await runDueSegmentSplits(db, Date.now());
      if (done.length > 0) log(`Client segments recomputed for ${done.length} organisation(s)`);
    } catch (error) {
      log(`Client segments: the nightly split failed (${error instanceof Error ? error.message : String(error)}); retrying at the next check`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), checkEveryMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
