import type { ClientContext } from '../context/client-context';
import { evaluate } from '../playbook/engine';
import type { PanelModel } from '../playbook/panel-model';
import { touchVersion } from '../touches/touch-versions';
import type { ClientSnapshot } from './client-snapshot';

/**
 * The panel model, computed once per change per tab. The hub's render, the tab's outline
 * and a logged touch's stage all ask here, so one publish runs the playbook engine once,
 * not three times. An entry is reused while its inputs are the same: the context (by content),
 * the touches (by count, ends and versions), the playbook (by identity: the store parses it once and hands the
 * same object back) and a time within REUSE_MS (cadence hints move with the clock).
 */
const REUSE_MS = 30_000;

interface Entry {
  key: string;
  playbook: ClientSnapshot['playbook'];
  at: number;
  model: PanelModel;
}

const byTab = new Map<number, Entry>();

/**
 * A new touch changes the count or an end, a deletion the count, and an edit raises its
 * version, so the sum of versions tells an edit of a touch in the middle.
 */
function inputKey(context: ClientContext, snapshot: ClientSnapshot): string {
  const { touches } = snapshot;
  const versions = touches.reduce((sum, t) => sum + touchVersion(t), 0);
  return `${JSON.stringify(context)}\u0000${JSON.stringify(snapshot.revenue ?? null)}\u0000${touches.length}:${versions}:${touches[0]?.id ?? ''}:${touches.at(-1)?.id ?? ''}`;
}

/** The model for the tab's client; computed only when an input changed. */
export function tabModel(tabId: number | null, context: ClientContext, snapshot: ClientSnapshot, now: number): PanelModel {
  if (tabId === null) return evaluate(snapshot.playbook, context, snapshot.touches, now, snapshot.revenue ?? null);
  const key = inputKey(context, snapshot);
  const entry = byTab.get(tabId);
  if (entry && entry.key === key && entry.playbook === snapshot.playbook && now >= entry.at && now - entry.at < REUSE_MS) {
    return entry.model;
  }
  const model = evaluate(snapshot.playbook, context, snapshot.touches, now, snapshot.revenue ?? null);
  byTab.set(tabId, { key, playbook: snapshot.playbook, at: now, model });
  return model;
}

/** The tab closed or shows no client any more. */
export function forgetTabModel(tabId: number): void {
  byTab.delete(tabId);
}
