import type { Queryable } from '../db/database';

// First half of the two-key advisory lock; the second half is the organisation id.
const ORG_WRITE_LOCK = 5157;

/**
 * Serialises writers of one organisation's change rows inside their transaction. Sequence
 * numbers are taken before commit, so without this a pull could pass seq 11 while seq 10 is
 * still uncommitted and miss it forever; with it, each org's rows commit in seq order.
 */
export async function lockOrgChanges(tx: Queryable, orgId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [ORG_WRITE_LOCK, Number(orgId) | 0]);
}
