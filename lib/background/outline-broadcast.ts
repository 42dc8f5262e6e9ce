import type { ClientContext } from '../context/client-context';
import type { Outline } from '../messaging/hub-messages';
import type { Settings } from '../settings/settings';
import type { BackgroundDeps } from './background-deps';
import { loadClientSnapshot } from './client-snapshot';
import { outlineFor } from './panel-state';
import { readSettings } from './settings-storage';
import { allTabContexts } from './tab-contexts';
import { tabModel } from './tab-models';

/** The outline for one tab's client under the current playbook and settings. */
export async function outlineForContext(deps: BackgroundDeps, tabId: number, context: ClientContext, settings: Settings): Promise<Outline> {
  if (!settings.outline) return outlineFor(null, settings);
  const snapshot = await loadClientSnapshot(deps.db, context);
  return outlineFor(tabModel(tabId, context, snapshot, deps.now()), settings);
}

/**
 * Send every CRM tab its outline again, after outlining was switched or the playbook
 * (and so the required fields) changed. A tab without our content script is skipped.
 */
export async function broadcastOutlines(deps: BackgroundDeps): Promise<void> {
  const settings = await readSettings(deps.local);
  const tabs = await allTabContexts(deps.session);
  await Promise.all(
    [...tabs].map(async ([tabId, context]) => {
      let outline: Outline;
      try {
        outline = await outlineForContext(deps, tabId, context, settings);
      } catch (error) {
        console.error(`Sufler: could not compute the outline of tab ${tabId}`, error);
        return;
      }
      // A closed tab, or one that left the CRM, has no listener; it republishes when back.
      await deps.sendToTab(tabId, { type: 'outline:set', outline }).catch(() => {});
    }),
  );
}
