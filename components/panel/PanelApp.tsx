import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { connectHub, type HubConnection, type HubStatus } from '../../lib/messaging/hub-port';
import type { HubRelay } from '../../lib/messaging/hub-relay';
import { createWalkMirror, type WalkMirror } from '../../lib/messaging/walk-mirror';
import { clientKey } from '../../lib/context/client-key';
import { setWalkStore } from '../../lib/playbook/script-walk';
import type { PanelState } from '../../lib/messaging/hub-messages';
import type { SettingsPatch } from '../../lib/settings/settings';
import type { TouchDraft } from '../../lib/touches/touch';
import { PanelView, type PanelMode } from './PanelView';

/**
 * The container: owns the port to the background (or takes the one the docked panel's
 * first paint opened, `hub`) and, in the native side panel, follows the active tab.
 * Everything visible is PanelView, which takes plain data.
 */
export function PanelApp({ mode, hub }: { mode: PanelMode; hub?: HubRelay }) {
  const connection = useRef<HubConnection | null>(hub?.connection ?? null);
  // Script walk positions live in the background; the walk reads this copy of them. Set up
  // before the first render, so the walk's first read already sees the stored position.
  const walks = useRef<WalkMirror | null>(null);
  if (walks.current === null) {
    walks.current = createWalkMirror((client, key, value) => {
      connection.current?.request({ type: 'walk:set', clientKey: client, key, value }).catch(() => {});
    });
    setWalkStore(walks.current.store);
  }
  const loadWalks = (next: PanelState) => walks.current?.load(next.context ? clientKey(next.context) : null, next.walk);
  const [state, setState] = useState<PanelState | null>(() => {
    const latest = hub?.latest().state ?? null;
    if (latest) loadWalks(latest);
    return latest;
  });
  const [status, setStatus] = useState<HubStatus>(() => hub?.latest().status ?? 'connecting');
  const onState = useCallback((next: PanelState) => {
    walks.current?.load(next.context ? clientKey(next.context) : null, next.walk);
    setState(next);
  }, []);

  useEffect(() => {
    if (hub) {
      // The connection outlives this component's effects (StrictMode runs them twice).
      const latest = hub.latest();
      if (latest.state) onState(latest.state);
      setStatus(latest.status);
      return hub.listen(onState, setStatus);
    }
    const conn = connectHub({ tabId: null, onState, onStatus: setStatus });
    connection.current = conn;
    if (mode !== 'side') {
      return () => conn.close();
    }

    // The side panel has no tab of its own: it shows the active tab of its window.
    let disposed = false;
    const followActiveTab = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (!disposed) conn.setTabId(tab?.id ?? null);
    };
    const onActivated = () => void followActiveTab();
    const onUpdated = (_tabId: number, change: { status?: string }, tab: { active?: boolean }) => {
      if (tab.active && change.status === 'complete') void followActiveTab();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    void followActiveTab();
    return () => {
      disposed = true;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      conn.close();
    };
  }, [mode, hub, onState]);

  const request = useCallback((action: Parameters<HubConnection['request']>[0]) => {
    const conn = connection.current;
    return conn ? conn.request(action) : Promise.reject(new Error('not connected'));
  }, []);
  const onLogTouch = useCallback(
    (draft: TouchDraft, callback?: { at: number }) => request({ type: 'touch:log', draft, ...(callback ? { callbackAt: callback.at } : {}) }),
    [request],
  );
  const touchHandlers = useMemo(
    () => ({
      onEditTouch: (touchId: string, draft: TouchDraft) => request({ type: 'touch:edit', touchId, draft }),
      onDeleteTouch: (touchId: string) => request({ type: 'touch:delete', touchId }),
      onAddToCrm: (touchId: string) => request({ type: 'touch:to-crm', touchId }),
    }),
    [request],
  );
  const onSettingsChange = useCallback((patch: SettingsPatch) => request({ type: 'settings:set', patch }), [request]);
  // Nothing to report back: the CRM form moving is the answer.
  const onDismissNotice = useCallback((version: number) => void request({ type: 'playbook:dismiss-notice', version }).catch(() => {}), [request]);
  const onRevealField = useCallback((fieldKey: string) => void request({ type: 'field:reveal', fieldKey }).catch(() => {}), [request]);

  return (
    <PanelView
      state={state}
      status={status}
      mode={mode}
      onLogTouch={onLogTouch}
      touchHandlers={touchHandlers}
      onSettingsChange={onSettingsChange}
      onRevealField={onRevealField}
      onDismissNotice={onDismissNotice}
    />
  );
}
