import { clientKey } from '../context/client-context';
import { dismissPlaybookNotice, importPlaybook, resetPlaybook } from '../db/playbook-store';
import { deleteTouch, editTouch, logTouch } from '../db/touch-store';
import { TouchSchema } from '../touches/touch';
import { newId } from '../ids';
import { configureSync, disconnectSync } from '../sync/sync-setup';
import type { BackgroundDeps } from './background-deps';
import { loadClientSnapshot } from './client-snapshot';
import { broadcastOutlines } from './outline-broadcast';
import type { PanelActionMessage } from './panel-hub';
import { mappedStageId } from './panel-state';
import { tabModel } from './tab-models';
import { applySettingsPatch, readSettings } from './settings-storage';
import { getTabContext } from './tab-contexts';
import { uiLang, userMessage, type UserMessageId } from './user-messages';
import { writeWalk } from './walk-storage';
import { fillCrmNote } from './crm-note-request';
import { logTouchWithReminder } from '../db/reminder-store';
import { reminderFor } from '../reminders/reminder';

/**
 * Carry out one panel action. Resolves to null when done, or to the text the panel shows.
 * Panel state is not sent from here: the live queries and storage.onChanged see to that.
 */
export async function handlePanelAction(deps: BackgroundDeps, action: PanelActionMessage, tabId: number | null): Promise<string | null> {
  try {
    return await carryOut(deps, action, tabId);
  } catch (error) {
    // Storage failures (quota, a closed database) reach the user as a plain retry message.
    console.error(`Sufler: ${action.type} failed`, error);
    const settings = await readSettings(deps.local).catch(() => null);
    return userMessage('failed', settings ? uiLang(settings, deps.browserLanguage()) : 'en');
  }
}

async function carryOut(deps: BackgroundDeps, action: PanelActionMessage, tabId: number | null): Promise<string | null> {
  switch (action.type) {
    case 'touch:log':
      return logTouchFromPanel(deps, action, tabId);
    case 'touch:edit':
    case 'touch:delete': {
      const result =
        action.type === 'touch:edit'
          ? await editTouch(deps.db, action.touchId, action.draft, deps.now())
          : await deleteTouch(deps.db, action.touchId, deps.now());
      if (result === 'stored') {
        deps.sync.soon();
        return null;
      }
      const settings = await readSettings(deps.local);
      return userMessage(result === 'missing' ? 'touchMissing' : 'touchReadonly', uiLang(settings, deps.browserLanguage()));
    }
    case 'touch:to-crm':
      return fillCrmNote(deps, action.touchId, tabId);
    case 'settings:set':
      // Panels and outlines follow through storage.onChanged, whoever wrote the settings.
      await applySettingsPatch(deps.local, action.patch);
      return null;
    case 'walk:set':
      // Every panel of this client follows through storage.onChanged.
      await writeWalk(deps.local, action.clientKey, action.key, action.value, deps.now());
      return null;
    case 'playbook:import': {
      const result = await importPlaybook(deps.db, action.playbook, deps.now());
      if (!result.ok) return result.errors.join('\n');
      await broadcastOutlines(deps);
      return null;
    }
    case 'playbook:dismiss-notice':
      await dismissPlaybookNotice(deps.db, action.version);
      return null;
    case 'playbook:reset':
      await resetPlaybook(deps.db);
      await broadcastOutlines(deps);
      return null;
    case 'sync:configure': {
      const result = await configureSync(deps.local, { serverUrl: action.serverUrl, token: action.token }, () => newId(deps.now()));
      if (!result.ok) {
        console.warn('Sufler: sync config refused', result.errors);
        const settings = await readSettings(deps.local);
        return [userMessage('syncConfigInvalid', uiLang(settings, deps.browserLanguage())), ...result.errors].join('\n');
      }
      // The ack does not wait for the run: the status follows in the panel state.
      void deps.sync.now();
      return null;
    }
    case 'sync:disconnect':
      await disconnectSync(deps.local);
      return null;
    case 'sync:now':
      void deps.sync.now();
      return null;
    case 'field:reveal':
      // The content script on the tab finds the field; a tab without one has nothing to show.
      if (tabId !== null) await deps.sendToTab(tabId, { type: 'field:reveal', key: action.fieldKey }).catch(() => {});
      return null;
  }
}

async function logTouchFromPanel(
  deps: BackgroundDeps,
  action: Extract<PanelActionMessage, { type: 'touch:log' }>,
  tabId: number | null,
): Promise<string | null> {
  const settings = await readSettings(deps.local);
  const fail = (id: UserMessageId) => userMessage(id, uiLang(settings, deps.browserLanguage()));
  if (tabId === null) return fail('noTab');
  const context = await getTabContext(deps.session, tabId);
  if (context === null) return fail('noClient');

  const now = deps.now();
  const snapshot = await loadClientSnapshot(deps.db, context);
  // The model the panel shows for this tab (computed once per change), for the touch's stage.
  const model = tabModel(tabId, context, snapshot, now);
  // The requestId is a ULID the panel made: as the touch id it makes a resent request harmless.
  const touch = TouchSchema.safeParse({
    id: action.requestId,
    clientKey: clientKey(context),
    ...action.draft,
    at: now,
    stageId: mappedStageId(model),
  });
  if (!touch.success) {
    console.warn('Sufler: touch refused', touch.error.issues);
    return fail('invalidTouch');
  }
  if (touch.data.outcome === 'callback' && action.callbackAt !== undefined) {
    const reminder = reminderFor(touch.data, context, action.callbackAt);
    if ((await logTouchWithReminder(deps.db, touch.data, reminder, now)) === 'stored') {
      deps.sync.soon();
      await deps.reminders?.arm(reminder);
    }
    return null;
  }
  if ((await logTouch(deps.db, touch.data, now)) === 'stored') deps.sync.soon();
  return null;
}
