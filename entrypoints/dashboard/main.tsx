import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DashboardApp } from '../../components/dashboard/DashboardApp';
import '../../components/ui/theme.css';
import '../../components/dashboard/dashboard.css';

// The sales head's reports, opened in a tab from the popup or the options page.
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <DashboardApp />
    </StrictMode>,
  );
}
