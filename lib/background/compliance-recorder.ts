import { buildSnapshot } from '../compliance/build-snapshot';
import type { ClientContext } from '../context/client-context';
import { recordComplianceSnapshot, type SnapshotResult } from '../db/compliance-store';
import { getActivePlaybook } from '../db/playbook-store';
import { newId } from '../ids';
import type { BackgroundDeps } from './background-deps';

/**
 * A deal card was viewed: keep what the active playbook requires of it, filled or missing, for
 * the head's compliance report. Only deals and leads are snapshotted; contacts and companies
 * have no stage to require fields for.
 */
export async function recordCardCompliance(deps: Pick<BackgroundDeps, 'db' | 'now'>, context: ClientContext): Promise<SnapshotResult | 'skipped'> {
  if (context.entity !== 'lead' && context.entity !== 'deal') return 'skipped';
  const now = deps.now();
  const { playbook } = await getActivePlaybook(deps.db);
  return recordComplianceSnapshot(deps.db, buildSnapshot(playbook, context, newId(now), now), now);
}
