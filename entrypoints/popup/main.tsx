import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '../../components/popup/PopupApp';
import '../../components/ui/theme.css';
import '../../components/popup/popup.css';
import '../../components/panel/key-clients.css';

// The toolbar popup: sync at a glance, and the way to the panel and the settings.
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PopupApp />
    </StrictMode>,
  );
}
