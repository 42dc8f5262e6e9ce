import { paintFirst } from '../../components/panel/first-paint';
import { createHubRelay } from '../../lib/messaging/hub-relay';
import '../../components/ui/theme.css';
import '../../components/panel/panel.css';

/**
 * A panel that has shown no client yet starts the full panel this long after it booted
 * anyway (it may be on a page without a client, or the worker may be slow to wake).
 */
const FULL_PANEL_AT_LATEST_MS = 1500;

// panel.html: the docked panel the content script shows in an iframe at the page's edge.
// The hub connection opens at once; the first state is painted in plain DOM (client, stage,
// missing fields). React and the full panel load in their own chunk after a client has been
// painted, so their ~260 KB do not compete with the first paint (nor, on a machine with
// few cores, with the CRM page that just loaded), and then take over the same root.
const root = document.getElementById('root');
if (root) {
  const hub = createHubRelay({ tabId: null });
  let appStarted = false;
  let appRequested = false;
  const startApp = () => {
    if (appRequested) return;
    appRequested = true;
    void import('./mount-app').then(({ mountPanelApp }) => {
      appStarted = true;
      stopFirstPaint();
      mountPanelApp(root, hub);
    });
  };
  const stopFirstPaint = hub.listen(
    (state) => {
      if (appStarted) return;
      paintFirst(root, state, navigator.language);
      if (state.context !== null) setTimeout(startApp, 0);
    },
    () => {},
  );
  setTimeout(startApp, FULL_PANEL_AT_LATEST_MS);
}
