import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PanelApp } from '../../components/panel/PanelApp';
import '../../components/ui/theme.css';
import '../../components/panel/panel.css';

// panel.html: the docked panel the content script shows in an iframe at the page's edge.
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PanelApp mode="docked" />
    </StrictMode>,
  );
}
