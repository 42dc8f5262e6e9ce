import { recordClientSeen } from '../db/client-store';
import { ContentToBackgroundSchema, type Outline } from '../messaging/hub-messages';
import type { BackgroundDeps } from './background-deps';
import { outlineForContext } from './outline-broadcast';
import type { PanelHub } from './panel-hub';
import { readSettings } from './settings-storage';
import { setTabContext } from './tab-contexts';
import { forgetTabModel } from './tab-models';

export interface MessageSenderLike {
  tab?: { id?: number } | undefined;
}

/**
 * runtime.onMessage from a CRM tab. Returns undefined, synchronously, for anything that
 * is not ours to answer, so another listener may; a context:publish gets the outline.
 */
export function handleContentMessage(
  deps: BackgroundDeps,
  hub: PanelHub,
  raw: unknown,
  sender: MessageSenderLike,
): Promise<Outline> | undefined {
  const parsed = ContentToBackgroundSchema.safeParse(raw);
  if (!parsed.success) {
    console.warn('Sufler: ignored a malformed content message', parsed.error.issues);
    return undefined;
  }
  const tabId = sender.tab?.id;
  // Only a content script in a tab can publish; an extension page sending this is a bug.
  if (tabId === undefined) {
    console.warn('Sufler: context:publish from outside a tab ignored');
    return undefined;
  }
  return publishContext(deps, hub, tabId, parsed.data.context);
}

async function publishContext(
  deps: BackgroundDeps,
  hub: PanelHub,
  tabId: number,
  context: Parameters<typeof setTabContext>[2],
): Promise<Outline> {
  await setTabContext(deps.session, tabId, context);
  hub.tabContextChanged(tabId, context);
  const settings = await readSettings(deps.local);
  if (context === null) {
    forgetTabModel(tabId);
    return { enabled: settings.outline, keys: [] };
  }
  try {
    const seen = await recordClientSeen(deps.db, context, deps.now());
    if (seen !== 'unchanged') deps.sync.soon();
  } catch (error) {
    // The panel and the outline still work; the client record catches up on the next publish.
    console.error('Sufler: could not record the client', error);
  }
  return outlineForContext(deps, tabId, context, settings);
}
