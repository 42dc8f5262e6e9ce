import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { DigestApp } from '../../components/digest/DigestApp';
import type { DigestRequest } from '../../lib/digest/digest-messages';
import { parseSettings, SETTINGS_KEY } from '../../lib/settings/settings';
import '../../components/ui/theme.css';
import '../../components/dashboard/dashboard.css';
import '../../components/digest/digest.css';

// The printable daily digest, opened by a click on the digest's notification.
const send = (request: DigestRequest): Promise<unknown> => browser.runtime.sendMessage(request);
const root = document.getElementById('root');
if (root) {
  void browser.storage.local.get(SETTINGS_KEY).then(
    (stored) => parseSettings(stored[SETTINGS_KEY]).lang,
    () => null,
  ).then((lang) => {
    createRoot(root).render(
      <StrictMode>
        <DigestApp send={send} search={location.search} settingsLang={lang} />
      </StrictMode>,
    );
  });
}
