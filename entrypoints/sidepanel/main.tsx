import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PanelApp } from '../../components/panel/PanelApp';
import '../../components/ui/theme.css';
import '../../components/panel/panel.css';
import '../../components/panel/key-clients.css';

// The browser's native side panel: the same app, following the active tab.
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PanelApp mode="side" />
    </StrictMode>,
  );
}
