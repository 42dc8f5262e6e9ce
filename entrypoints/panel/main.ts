import { paintFirst } from '../../components/panel/first-paint';
import { createHubRelay } from '../../lib/messaging/hub-relay';
import '../../components/ui/theme.css';
import '../../components/panel/panel.css';

// panel.html: the docked panel the content script shows in an iframe at the page's edge.
// The hub connection opens at once; the first state is painted in plain DOM (client, stage,
// missing fields) while React and the full panel load in their own chunk, then take over.
const root = document.getElementById('root');
if (root) {
  const hub = createHubRelay({ tabId: null });
  let appStarted = false;
  const stopFirstPaint = hub.listen(
    (state) => {
      if (!appStarted) paintFirst(root, state, navigator.language);
    },
    () => {},
  );
  void import('./mount-app').then(({ mountPanelApp }) => {
    appStarted = true;
    stopFirstPaint();
    mountPanelApp(root, hub);
  });
}
