import type { PushResult } from '../../../lib/wire/sync';
import type { Caller } from '../auth/caller';
import type { Queryable } from '../db/database';
import { checkSnapshot, storeSnapshots, type SnapshotCandidate } from './store-snapshots';

/**
 * The compliance items of one push batch: collected while the batch is read, stored inside the
 * batch's transaction, and repeats of one id inside the batch answered like their first copy.
 */
export class SnapshotBatch {
  private readonly first = new Map<string, SnapshotCandidate>();
  private readonly repeats: SnapshotCandidate[] = [];

  constructor(private readonly now: number = Date.now()) {}

  get size(): number {
    return this.first.size;
  }

  /** The first item's index in the push (for a batch of one, after split()). */
  get firstIndex(): number {
    return this.first.values().next().value?.index ?? -1;
  }

  /** One batch per snapshot: the fallback that stores items one by one after a data error. */
  split(): SnapshotBatch[] {
    return [...this.first.values()].map((candidate) => {
      const one = new SnapshotBatch(this.now);
      one.first.set(candidate.snapshot.id, candidate);
      return one;
    });
  }

  /** A rejection to answer at once, or undefined when the item waits for the store. */
  add(itemId: string, payload: unknown, index: number): PushResult | undefined {
    const checked = checkSnapshot(itemId, payload, index, this.now);
    if ('status' in checked) return checked;
    if (this.first.has(itemId)) this.repeats.push(checked);
    else this.first.set(itemId, checked);
    return undefined;
  }

  async store(tx: Queryable, caller: Caller, deviceId: string, results: (PushResult | undefined)[], idAt: (index: number) => string): Promise<void> {
    if (this.first.size === 0) return;
    for (const [index, result] of await storeSnapshots(tx, caller, deviceId, [...this.first.values()])) {
      results[index] = { id: idAt(index), ...result };
    }
  }

  settleRepeats(results: (PushResult | undefined)[], idAt: (index: number) => string): void {
    for (const repeat of this.repeats) {
      const first = this.first.get(repeat.snapshot.id);
      const firstResult = first === undefined ? undefined : results[first.index];
      results[repeat.index] =
        first !== undefined && first.hash === repeat.hash && firstResult?.status !== 'rejected'
          ? { id: idAt(repeat.index), status: 'duplicate' }
          : { id: idAt(repeat.index), status: 'rejected', reason: 'id_conflict' };
    }
  }
}
