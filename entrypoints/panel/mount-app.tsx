import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PanelApp } from '../../components/panel/PanelApp';
import type { HubRelay } from '../../lib/messaging/hub-relay';

/** The full docked panel, loaded after the first paint; it reuses the open hub connection. */
export function mountPanelApp(root: HTMLElement, hub: HubRelay): void {
  createRoot(root).render(
    <StrictMode>
      <PanelApp mode="docked" hub={hub} />
    </StrictMode>,
  );
}
