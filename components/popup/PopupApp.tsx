import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { connectHub, type HubConnection } from '../../lib/messaging/hub-port';
import type { PanelState } from '../../lib/messaging/hub-messages';
import { PopupView } from './PopupView';

/** Chrome's side panel API, absent in Firefox (and typed loosely by the polyfill). */
interface SidePanelLike {
  open(options: { windowId: number }): Promise<void>;
}

function sidePanelApi(): SidePanelLike | null {
  const api = (browser as unknown as { sidePanel?: Partial<SidePanelLike> }).sidePanel;
  return typeof api?.open === 'function' ? (api as SidePanelLike) : null;
}

/** The container: the port to the background (no tab of its own) and the browser calls. */
export function PopupApp() {
  const [state, setState] = useState<PanelState | null>(null);
  const connection = useRef<HubConnection | null>(null);
  // Known before any click: sidePanel.open must run in the click itself, with no await first.
  const windowId = useRef<number | null>(null);
  const sidePanel = sidePanelApi();

  useEffect(() => {
    const conn = connectHub({ tabId: null, onState: setState });
    connection.current = conn;
    browser.windows.getCurrent().then(
      (win) => {
        windowId.current = win.id ?? null;
      },
      () => {
        windowId.current = null;
      },
    );
    return () => conn.close();
  }, []);

  const onOpenPanel = useCallback(async () => {
    if (!sidePanel) return;
    if (windowId.current === null) throw new Error('no browser window');
    await sidePanel.open({ windowId: windowId.current });
    window.close(); // the panel is open; the popup has done its job
  }, [sidePanel]);

  const onSyncNow = useCallback(() => {
    const conn = connection.current;
    return conn ? conn.request({ type: 'sync:now' }) : Promise.reject(new Error('not connected'));
  }, []);

  const onOpenSettings = useCallback(() => {
    void browser.runtime.openOptionsPage().then(() => window.close());
  }, []);

  return (
    <PopupView
      state={state}
      canOpenSidePanel={sidePanel !== null}
      onOpenPanel={onOpenPanel}
      onSyncNow={onSyncNow}
      onOpenSettings={onOpenSettings}
    />
  );
}
