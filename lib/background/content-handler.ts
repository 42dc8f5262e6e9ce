import { recordClientSeen } from '../db/client-store';
import { recordCardCompliance } from './compliance-recorder';
import { ContentToBackgroundSchema, type Outline } from '../messaging/hub-messages';
import type { BackgroundDeps } from './background-deps';
import { loadClientSnapshot } from './client-snapshot';
import type { PanelHub } from './panel-hub';
import { outlineFor } from './panel-state';
import { readSettings, setPanelWidth } from './settings-storage';
import { setTabContext } from './tab-contexts';
import { forgetTabModel, tabModel } from './tab-models';

export interface MessageSenderLike {
  tab?: { id?: number } | undefined;
  /** The sending frame's address: a panel width is remembered for its host. */
  url?: string | undefined;
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
): Promise<Outline | null> | undefined {
  const parsed = ContentToBackgroundSchema.safeParse(raw);
  if (!parsed.success) {
    console.warn('Sufler: ignored a malformed content message', parsed.error.issues);
    return undefined;
  }
  const tabId = sender.tab?.id;
  // Only a content script in a tab can publish; an extension page sending this is a bug.
  if (tabId === undefined) {
    console.warn(`Sufler: ${parsed.data.type} from outside a tab ignored`);
    return undefined;
  }
  if (parsed.data.type === 'panel:width') {
    // The site is the sender's own address, not anything the page could put in the message.
    const host = senderHost(sender.url);
    return host === null ? undefined : setPanelWidth(deps.local, host, parsed.data.width).then(() => null);
  }
  return publishContext(deps, hub, tabId, parsed.data.context);
}

function senderHost(url: string | undefined): string | null {
  try {
    return url === undefined ? null : new URL(url).host || null;
  } catch {
    return null;
  }
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
  let queued = false;
  try {
    queued = (await recordClientSeen(deps.db, context, deps.now())) !== 'unchanged';
  } catch (error) {
    // The panel and the outline still work; the client record catches up on the next publish.
    console.error('Sufler: could not record the client', error);
  }
  // One model for this change: the hub's render asks tab-models for the same one.
  const snapshot = await loadClientSnapshot(deps.db, context);
  const model = tabModel(tabId, context, snapshot, deps.now());
  try {
    // What the card lacks at its stage, for the head's compliance report.
    if ((await recordCardCompliance(deps, context, snapshot.playbook, model)) === 'stored') queued = true;
  } catch (error) {
    console.error('Sufler: could not record the compliance snapshot', error);
  }
  if (queued) deps.sync.soon();
  return outlineFor(settings.outline ? model : null, settings);
}
