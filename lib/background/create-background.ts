import { SETTINGS_KEY, parseSettings } from '../settings/settings';
import { SYNC_CONFIG_KEY } from '../sync/sync-config';
import { SYNC_STATE_KEY } from '../sync/sync-state';
import { handlePanelAction } from './actions';
import type { BackgroundDeps, HubPort } from './background-deps';
import { handleContentMessage, type MessageSenderLike } from './content-handler';
import { broadcastOutlines } from './outline-broadcast';
import { PanelHub } from './panel-hub';
import { applySettingsPatch, readSettings } from './settings-storage';
import { getTabContext, setTabContext } from './tab-contexts';
import { forgetTabModel } from './tab-models';
import { WALKS_KEY } from './walk-storage';

export interface StorageChangeLike {
  oldValue?: unknown;
  newValue?: unknown;
}

/** The background's event handlers, free of the `browser` global so tests can drive them. */
export interface Background {
  hub: PanelHub;
  /** runtime.onMessage */
  onMessage(message: unknown, sender: MessageSenderLike): Promise<unknown> | undefined;
  /** runtime.onConnect */
  onConnect(port: HubPort): void;
  /** storage.onChanged */
  onStorageChanged(changes: Record<string, StorageChangeLike>, areaName: string): Promise<void>;
  /** tabs.onRemoved */
  onTabRemoved(tabId: number): Promise<void>;
  /** commands.onCommand, with the active tab's id when there is one */
  onCommand(command: string, activeTabId: number | null): Promise<void>;
}

export const TOGGLE_PANEL_COMMAND = 'toggle-panel';

export function createBackground(deps: BackgroundDeps): Background {
  const hub = new PanelHub(deps, (action, tabId) => handlePanelAction(deps, action, tabId));
  return {
    hub,
    onMessage: (message, sender) => handleContentMessage(deps, hub, message, sender),
    onConnect: (port) => hub.connect(port),
    async onStorageChanged(changes, areaName) {
      if (areaName !== 'local') return;
      if (changes[SYNC_STATE_KEY] !== undefined || changes[SYNC_CONFIG_KEY] !== undefined) hub.syncChanged();
      if (changes[WALKS_KEY] !== undefined) hub.walksChanged();
      const change = changes[SETTINGS_KEY];
      if (change === undefined) return;
      hub.settingsChanged();
      if (parseSettings(change.oldValue).outline !== parseSettings(change.newValue).outline) {
        await broadcastOutlines(deps);
      }
    },
    async onTabRemoved(tabId) {
      await setTabContext(deps.session, tabId, null);
      forgetTabModel(tabId);
      hub.tabContextChanged(tabId, null);
    },
    async onCommand(command, activeTabId) {
      if (command !== TOGGLE_PANEL_COMMAND || activeTabId === null) return;
      // A tab that shows no client (not a CRM card) has no panel to toggle.
      if ((await getTabContext(deps.session, activeTabId)) === null) return;
      // The background is the one writer of settings; the docked frames follow storage.
      const settings = await readSettings(deps.local);
      await applySettingsPatch(deps.local, { panelCollapsed: !settings.panelCollapsed });
    },
  };
}
