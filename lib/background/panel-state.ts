import type { RevenueSegment } from '../cadence/segment-match';
import type { ClientContext } from '../context/client-context';
import type { Outline, PanelState } from '../messaging/hub-messages';
import { evaluate } from '../playbook/engine';
import type { PanelModel } from '../playbook/panel-model';
import type { PlaybookNotice } from '../playbook/playbook-change';
import type { Playbook } from '../playbook/schema';
import type { Settings } from '../settings/settings';
import type { Touch } from '../touches/touch';
import type { SyncStatus } from '../sync/sync-status';

/** A tab's client with what is stored about it. */
export interface ClientInput {
  context: ClientContext;
  playbook: Playbook;
  /** The client's touches, newest first. */
  touches: Touch[];
  /** The team server's segment by revenue, when it has one (client-snapshot.ts). */
  revenue?: RevenueSegment | null;
  /** The team playbook's "changed" line, until dismissed. */
  notice?: PlaybookNotice;
}

export interface PanelStateInput {
  tabId: number | null;
  /** null: the tab shows no client card. */
  client: ClientInput | null;
  settings: Settings;
  /** Where sync with the team server stands (SYNC_OFF where only the model is wanted). */
  sync: SyncStatus;
  now: number;
  /** The model when the caller already has it (tab-models.ts); computed here otherwise. */
  model?: PanelModel;
}

/**
 * How many of a client's touches travel to the panel. The engine sees them all; the panel
 * lists the latest, since every change re-sends the state and a long-standing client's
 * whole history on each one would make logging a touch slower the more there are.
 */
export const PANEL_TOUCH_LIMIT = 50;

/** What the panel shows for a tab: the playbook applied to the tab's client, if any. */
export function buildPanelState({ tabId, client, settings, sync, now, model }: PanelStateInput): PanelState {
  if (client === null) return { tabId, context: null, model: null, touches: [], touchTotal: 0, settings, sync };
  const { context, playbook, touches, notice } = client;
  return {
    tabId,
    context,
    model: model ?? evaluate(playbook, context, touches, now, client.revenue ?? null),
    touches: touches.slice(0, PANEL_TOUCH_LIMIT),
    touchTotal: touches.length,
    settings,
    sync,
    ...(notice === undefined ? {} : { playbookNotice: notice }),
  };
}

/**
 * Which page fields the CRM tab outlines: the required ones still empty that the page
 * has a field for. Nothing when the user turned outlining off.
 */
export function outlineFor(model: PanelModel | null, settings: Settings): Outline {
  if (!settings.outline || model === null) return { enabled: settings.outline, keys: [] };
  const keys = model.checklist.flatMap((item) => (!item.filled && item.fieldKey !== null ? [item.fieldKey] : []));
  return { enabled: true, keys: [...new Set(keys)] };
}

/** The playbook stage the client is at, for stamping a new touch; null when unmapped. */
export function mappedStageId(model: PanelModel | null): string | null {
  return model?.stage.status === 'mapped' ? model.stage.stageId : null;
}
