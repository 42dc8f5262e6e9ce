import { buildSnapshot } from '../compliance/build-snapshot';
import type { ClientContext } from '../context/client-context';
import { recordComplianceSnapshot, type SnapshotResult } from '../db/compliance-store';
import { newId } from '../ids';
import type { PanelModel } from '../playbook/panel-model';
import type { Playbook } from '../playbook/schema';
import type { BackgroundDeps } from './background-deps';

/**
 * A deal card was viewed: keep what the active playbook requires of it, filled or missing, for
 * the head's compliance report, read off the tab's panel model. Only deals and leads are
 * snapshotted; contacts and companies have no stage to require fields for.
 */
export async function recordCardCompliance(
  deps: Pick<BackgroundDeps, 'db' | 'now'>,
  context: ClientContext,
  playbook: Playbook,
  model: PanelModel,
): Promise<SnapshotResult | 'skipped'> {
  if (context.entity !== 'lead' && context.entity !== 'deal') return 'skipped';
  const now = deps.now();
  return recordComplianceSnapshot(deps.db, buildSnapshot(playbook, context, newId(now), now, model), now);
}
