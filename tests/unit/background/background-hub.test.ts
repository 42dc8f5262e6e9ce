import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { StorageAreaLike } from '../../../lib/background/background-deps';
import { readSettings } from '../../../lib/background/settings-storage';
import { tabContextKey } from '../../../lib/background/tab-contexts';
import { USER_MESSAGES } from '../../../lib/background/user-messages';
import { clientKey } from '../../../lib/context/client-context';
import { readOutbox } from '../../../lib/db/outbox';
import { SETTINGS_KEY } from '../../../lib/settings/settings';
import { FakePanelPort, NOW, cardAtFirstStage, startHarness, waitForState, type Harness } from './test-harness';

const TAB = 7;
const TOUCH_ID = '01JDBACKGROUNDTEST0000000A';

let h: Harness;
beforeEach(async () => {
  fakeBrowser.reset();
  h = await startHarness();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await h.deps.db.delete();
});

/** The docked panel: its port comes from the CRM tab, and it subscribes with tabId null. */
function dockedPanel(tabId = TAB): FakePanelPort {
  const port = new FakePanelPort({ tabId });
  h.background.onConnect(port);
  port.send({ type: 'subscribe', tabId: null });
  return port;
}

describe('panel subscription', () => {
  it("sends the docked panel its own tab's client, with the playbook applied", async () => {
    await h.publish(TAB, cardAtFirstStage());
    const port = dockedPanel();

    const state = await waitForState(port, (s) => s.context !== null);
    expect(state.tabId).toBe(TAB);
    expect(state.context?.crmId).toBe('1001');
    expect(state.model?.stage).toMatchObject({ status: 'mapped', stageId: 'first' });
    expect(state.touches).toEqual([]);
  });

  it('lets the side panel name the tab it follows', async () => {
    await h.publish(3, cardAtFirstStage({ crmId: '3003' }));
    const port = new FakePanelPort(); // the side panel's port has no tab
    h.background.onConnect(port);
    port.send({ type: 'subscribe', tabId: 3 });

    const state = await waitForState(port, (s) => s.context !== null);
    expect(state).toMatchObject({ tabId: 3, context: { crmId: '3003' } });
  });

  it('sends an empty state for a tab without a client card', async () => {
    const port = dockedPanel();
    const state = await waitForState(port, () => true);
    expect(state).toMatchObject({ tabId: TAB, context: null, model: null, touches: [] });
  });

  it('re-sends the state when the tab publishes a new context', async () => {
    await h.publish(TAB, cardAtFirstStage());
    const port = dockedPanel();
    await waitForState(port, (s) => s.context !== null);

    await h.publish(TAB, cardAtFirstStage({ stage: 'Переговоры' }));
    const state = await waitForState(port, (s) => s.model?.stage.status === 'mapped' && s.model.stage.stageId === 'talks');
    expect(state.context?.stage).toBe('Переговоры');
  });

  it("does not send one tab's changes to a panel on another tab", async () => {
    await h.publish(TAB, cardAtFirstStage());
    const port = dockedPanel();
    await waitForState(port, (s) => s.context !== null);
    const before = port.states().length;

    await h.publish(99, cardAtFirstStage({ crmId: '9999' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(port.states().slice(before).some((s) => s.context?.crmId === '9999')).toBe(false);
  });

  it('shows no client once the tab is closed, and forgets its context', async () => {
    await h.publish(TAB, cardAtFirstStage());
    const port = new FakePanelPort();
    h.background.onConnect(port);
    port.send({ type: 'subscribe', tabId: TAB });
    await waitForState(port, (s) => s.context !== null);

    await h.background.onTabRemoved(TAB);
    await waitForState(port, (s) => s.context === null);
    expect(await fakeBrowser.storage.session.get(tabContextKey(TAB))).toEqual({});
  });

  it('serves a panel that reconnects after the worker was suspended, from storage alone', async () => {
    await h.publish(TAB, cardAtFirstStage());
    const first = dockedPanel();
    await waitForState(first, (s) => s.context !== null);
    first.disconnect();
    expect(h.background.hub.size).toBe(0);

    // A new worker: nothing in memory, the same session storage and database.
    const woken = await startHarness(h.deps);
    const port = new FakePanelPort({ tabId: TAB });
    woken.background.onConnect(port);
    port.send({ type: 'subscribe', tabId: null });
    const state = await waitForState(port, (s) => s.context !== null);
    expect(state.context?.crmId).toBe('1001');
  });

  it('stops sending to a panel that disconnected', async () => {
    await h.publish(TAB, cardAtFirstStage());
    const gone = dockedPanel();
    await waitForState(gone, (s) => s.context !== null);
    gone.disconnect();
    const before = gone.received.length;

    const other = dockedPanel();
    other.send({ type: 'touch:log', requestId: TOUCH_ID, draft: { kind: 'call', outcome: 'reached', comment: '' } });
    await waitForState(other, (s) => s.touches.length === 1);
    await h.publish(TAB, cardAtFirstStage({ stage: 'Переговоры' }));
    await waitForState(other, (s) => s.context?.stage === 'Переговоры');
    expect(gone.received.length).toBe(before);
  });

  it('ignores ports that are not the panel', async () => {
    const port = new FakePanelPort({ tabId: TAB, name: 'someone-else' });
    h.background.onConnect(port);
    port.send({ type: 'subscribe', tabId: null });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(port.received).toEqual([]);
  });
});

describe('logging a touch from the panel', () => {
  it('acks, stores the touch with its outbox row, and the live state shows it', async () => {
    await h.publish(TAB, cardAtFirstStage());
    const port = dockedPanel();
    await waitForState(port, (s) => s.context !== null);

    port.send({ type: 'touch:log', requestId: TOUCH_ID, draft: { kind: 'call', outcome: 'reached', comment: 'Обсудили сроки' } });

    await vi.waitFor(() => expect(port.ack(TOUCH_ID)).toEqual({ type: 'ack', requestId: TOUCH_ID, error: null }));
    const state = await waitForState(port, (s) => s.touches.length === 1);
    expect(state.touches[0]).toEqual({
      id: TOUCH_ID,
      clientKey: clientKey(cardAtFirstStage()),
      kind: 'call',
      outcome: 'reached',
      comment: 'Обсудили сроки',
      at: NOW,
      stageId: 'first',
    });
    expect((await readOutbox(h.deps.db)).map((row) => row.entityId)).toContain(TOUCH_ID);
  });

  it('stores a resent request once', async () => {
    await h.publish(TAB, cardAtFirstStage());
    const port = dockedPanel();
    const message = { type: 'touch:log', requestId: TOUCH_ID, draft: { kind: 'note', outcome: 'done', comment: '' } };
    port.send(message);
    await vi.waitFor(() => expect(port.ack(TOUCH_ID)).toBeDefined());
    port.send(message);
    await vi.waitFor(() => expect(port.received.filter((m) => m.type === 'ack')).toHaveLength(2));

    expect(port.received.filter((m) => m.type === 'ack').every((m) => m.type === 'ack' && m.error === null)).toBe(true);
    expect(await h.deps.db.touches.count()).toBe(1);
  });

  it("answers with a clear error, in the user's language, when the tab shows no client", async () => {
    const port = dockedPanel();
    port.send({ type: 'touch:log', requestId: TOUCH_ID, draft: { kind: 'call', outcome: 'no_answer', comment: '' } });

    await vi.waitFor(() => expect(port.ack(TOUCH_ID)?.error).toBe(USER_MESSAGES.noClient.ru));
    expect(await h.deps.db.touches.count()).toBe(0);
  });

  it('uses the language the user chose over the browser language', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { lang: 'en', outline: true, panelCollapsed: false } });
    const port = dockedPanel();
    port.send({ type: 'touch:log', requestId: TOUCH_ID, draft: { kind: 'call', outcome: 'no_answer', comment: '' } });
    await vi.waitFor(() => expect(port.ack(TOUCH_ID)?.error).toBe(USER_MESSAGES.noClient.en));
  });
});

describe('editing and deleting a touch from the panel', () => {
  it('an edit and a deletion each store a new version with its outbox row; state and model follow', async () => {
    await h.publish(TAB, cardAtFirstStage());
    const port = dockedPanel();
    await waitForState(port, (s) => s.context !== null);
    port.send({ type: 'touch:log', requestId: TOUCH_ID, draft: { kind: 'call', outcome: 'reached', comment: 'Обсудили сроки' } });
    const logged = await waitForState(port, (s) => s.touches.length === 1);
    expect(logged.model?.cadence.lastTouchAt).toBe(NOW);

    // A call that was in fact only a note no longer counts as a touch: the model is computed again.
    const EDIT = '01JDBACKGROUNDTEST0000000B';
    port.send({ type: 'touch:edit', requestId: EDIT, touchId: TOUCH_ID, draft: { kind: 'note', outcome: 'done', comment: 'Только заметка' } });
    await vi.waitFor(() => expect(port.ack(EDIT)).toEqual({ type: 'ack', requestId: EDIT, error: null }));
    const edited = await waitForState(port, (s) => s.touches[0]?.comment === 'Только заметка');
    expect(edited.touches[0]).toMatchObject({ id: TOUCH_ID, kind: 'note', version: 2 });
    expect(edited.model?.cadence.lastTouchAt).toBeNull();

    const DELETE = '01JDBACKGROUNDTEST0000000C';
    port.send({ type: 'touch:delete', requestId: DELETE, touchId: TOUCH_ID });
    await vi.waitFor(() => expect(port.ack(DELETE)?.error).toBeNull());
    const deleted = await waitForState(port, (s) => s.touches.length === 0);
    expect(deleted.touchTotal).toBe(0);
    const versions = (await readOutbox(h.deps.db)).filter((r) => r.entityId === TOUCH_ID).map((r) => r.payload);
    expect(versions).toMatchObject([{ kind: 'call' }, { kind: 'note', version: 2 }, { deleted: true, version: 3 }]);

    // The panel of another device may still show it: editing it now says plainly that it is gone.
    const LATE = '01JDBACKGROUNDTEST0000000D';
    port.send({ type: 'touch:edit', requestId: LATE, touchId: TOUCH_ID, draft: { kind: 'call', outcome: 'reached', comment: '' } });
    await vi.waitFor(() => expect(port.ack(LATE)?.error).toBe(USER_MESSAGES.touchMissing.ru));
  });
});

describe('the docked panel width', () => {
  it("is remembered per site from the content script's own address, clamped, and nothing else is taken", async () => {
    const send = (message: unknown, sender: { tab?: { id?: number }; url?: string }) => h.background.onMessage(message, sender);
    await send({ type: 'panel:width', width: 500 }, { tab: { id: TAB }, url: 'https://acme.amocrm.ru/leads/detail/1001' });
    await send({ type: 'panel:width', width: 9000 }, { tab: { id: TAB }, url: 'https://beta.kommo.com/leads/detail/7' });
    expect((await readSettings(h.deps.local)).panelWidths).toEqual({ 'acme.amocrm.ru': 500, 'beta.kommo.com': 640 });

    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Not from a tab, no address, a width far out of range: ignored.
    expect(send({ type: 'panel:width', width: 300 }, { url: 'https://acme.amocrm.ru/' })).toBeUndefined();
    expect(send({ type: 'panel:width', width: 300 }, { tab: { id: TAB } })).toBeUndefined();
    expect(send({ type: 'panel:width', width: 1e9 }, { tab: { id: TAB }, url: 'https://acme.amocrm.ru/' })).toBeUndefined();
    expect((await readSettings(h.deps.local)).panelWidths?.['acme.amocrm.ru']).toBe(500);
  });
});

describe('malformed messages', () => {
  it('ignores garbage from a panel and keeps serving it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await h.publish(TAB, cardAtFirstStage());
    const port = new FakePanelPort({ tabId: TAB });
    h.background.onConnect(port);

    port.send({ type: 'touch:log', requestId: TOUCH_ID }); // no draft
    port.send({ type: 'drop-database' });
    port.send('subscribe');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(port.received).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(3);

    port.send({ type: 'subscribe', tabId: null });
    await waitForState(port, (s) => s.context !== null);
  });

  it('ignores garbage from a content script and stores nothing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(h.background.onMessage({ type: 'context:publish', context: { crmId: 42 } }, { tab: { id: TAB } })).toBeUndefined();
    expect(h.background.onMessage({ hello: 'world' }, { tab: { id: TAB } })).toBeUndefined();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});

describe('outline of empty required fields', () => {
  it('answers a publish with the empty required fields the page has', async () => {
    // 'first' requires source (empty on the page), company (filled) and need (not on the page).
    expect(await h.publish(TAB, cardAtFirstStage())).toEqual({ enabled: true, keys: ['cf:source'] });
    // 'talks' adds the budget, which the page shows empty.
    const outline = (await h.publish(TAB, cardAtFirstStage({ stage: 'Переговоры' }))) as { keys: string[] };
    expect([...outline.keys].sort()).toEqual(['budget', 'cf:source']);
  });

  it('outlines nothing once a field is filled', async () => {
    const filled = cardAtFirstStage({ fields: [{ key: 'cf:source', label: 'Источник', value: 'Сайт' }] });
    expect(await h.publish(TAB, filled)).toEqual({ enabled: true, keys: [] });
  });

  it('answers a card that went away with no keys', async () => {
    expect(await h.publish(TAB, null)).toEqual({ enabled: true, keys: [] });
  });

  it('turning outlining off re-sends every panel its state and every CRM tab an empty outline', async () => {
    await h.publish(TAB, cardAtFirstStage());
    const port = dockedPanel();
    await waitForState(port, (s) => s.context !== null);

    port.send({ type: 'settings:set', requestId: 'req-settings-1', patch: { outline: false } });

    await vi.waitFor(() => expect(port.ack('req-settings-1')?.error).toBeNull());
    await waitForState(port, (s) => s.context !== null && !s.settings.outline);
    await vi.waitFor(() =>
      expect(h.sentToTabs).toContainEqual({ tabId: TAB, message: { type: 'outline:set', outline: { enabled: false, keys: [] } } }),
    );
    expect(await h.publish(TAB, cardAtFirstStage())).toEqual({ enabled: false, keys: [] });
    // The patch is merged: the other settings keep their values.
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual({ lang: null, outline: false, panelCollapsed: false });
  });

  it('does not re-send outlines when a setting other than outlining changes', async () => {
    await h.publish(TAB, cardAtFirstStage());
    const port = dockedPanel();
    port.send({ type: 'settings:set', requestId: 'req-settings-2', patch: { panelCollapsed: true } });
    await waitForState(port, (s) => s.settings.panelCollapsed);
    expect(h.sentToTabs).toEqual([]);
  });
});

describe('playbook actions', () => {
  it('an import that fails answers with every problem, one a line, and changes nothing', async () => {
    const port = dockedPanel();
    port.send({ type: 'playbook:import', requestId: 'req-import-1', playbook: { version: 1, stages: 'none' } });

    const ack = await vi.waitFor(() => {
      const found = port.ack('req-import-1');
      if (!found) throw new Error('no ack yet');
      return found;
    });
    expect(ack.error?.split('\n').length).toBeGreaterThan(1);
    expect(ack.error).toContain('stages');
    expect(h.sentToTabs).toEqual([]);
  });

  it('a reset goes back to the default playbook: the panel and the CRM tab follow', async () => {
    await h.publish(TAB, cardAtFirstStage());
    const port = dockedPanel();
    await waitForState(port, (s) => s.model?.stage.status === 'mapped' && s.model.stage.stageId === 'first');

    port.send({ type: 'playbook:reset', requestId: 'req-reset-1' });

    await vi.waitFor(() => expect(port.ack('req-reset-1')?.error).toBeNull());
    // The test playbook's stage id is gone from what the panel shows.
    await waitForState(port, (s) => s.model !== null && !(s.model.stage.status === 'mapped' && s.model.stage.stageId === 'first'));
    await vi.waitFor(() => expect(h.sentToTabs.some((m) => m.tabId === TAB && m.message.type === 'outline:set')).toBe(true));
  });
});

describe('revealing a field', () => {
  it('passes a checklist click to the CRM tab of the panel that asked', async () => {
    await h.publish(TAB, cardAtFirstStage());
    const port = dockedPanel();
    await waitForState(port, (s) => s.context !== null);
    port.send({ type: 'field:reveal', requestId: 'req-reveal-1', fieldKey: 'cf:512304' });
    await vi.waitFor(() => expect(port.ack('req-reveal-1')?.error).toBeNull());
    expect(h.sentToTabs).toContainEqual({ tabId: TAB, message: { type: 'field:reveal', key: 'cf:512304' } });
  });
});

describe('toggle-panel command', () => {
  it('collapses and expands the docked panel by writing the setting in the background, for a tab with a client', async () => {
    const collapsed = async () => (await readSettings(fakeBrowser.storage.local as unknown as StorageAreaLike)).panelCollapsed;
    await h.background.onCommand('toggle-panel', TAB);
    expect(await collapsed()).toBe(false); // no client on the tab: nothing to toggle
    await h.publish(TAB, cardAtFirstStage());
    await h.background.onCommand('toggle-panel', TAB);
    expect(await collapsed()).toBe(true);
    await h.background.onCommand('something-else', TAB);
    await h.background.onCommand('toggle-panel', null);
    expect(await collapsed()).toBe(true);
    await h.background.onCommand('toggle-panel', TAB);
    expect(await collapsed()).toBe(false);
    // Nothing is asked of the page: the content script only follows storage.
    expect(h.sentToTabs.filter((m) => m.message.type !== 'outline:set')).toEqual([]);
  });
});
