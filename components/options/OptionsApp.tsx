import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { connectHub, type HubAction, type HubConnection } from '../../lib/messaging/hub-port';
import type { PanelState } from '../../lib/messaging/hub-messages';
import type { SettingsPatch } from '../../lib/settings/settings';
import { TestConnectionAnswerSchema, type PageRequest } from '../../lib/messaging/page-requests';
import { createBookApi } from '../../lib/sales-book/book-api';
import { OptionsView } from './OptionsView';
import type { ServerDeps } from './server-deps';

/** The options page: reads settings and sync status through the same port as the panel (no tab needed). */
export function OptionsApp() {
  const [state, setState] = useState<PanelState | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const connection = useRef<HubConnection | null>(null);

  useEffect(() => {
    const conn = connectHub({ tabId: null, onState: setState });
    connection.current = conn;
    return () => conn.close();
  }, []);

  // "Synced 2 minutes ago" has to age while the page stays open.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);

  const request = useCallback((action: HubAction) => {
    const conn = connection.current;
    return conn ? conn.request(action) : Promise.reject(new Error('not connected'));
  }, []);

  const server = useMemo<ServerDeps>(
    () => ({
      // The background makes the call, as it makes every call to the server (one path).
      fetchMe: async (serverUrl, token) => {
        const request: PageRequest = { type: 'sync:test', serverUrl, token };
        const answer = TestConnectionAnswerSchema.parse(await browser.runtime.sendMessage(request));
        if (!answer.ok) throw answer.failure;
        return answer.me;
      },
      configure: (serverUrl, token) => request({ type: 'sync:configure', serverUrl, token }),
      disconnect: () => request({ type: 'sync:disconnect' }),
      syncNow: () => request({ type: 'sync:now' }),
    }),
    [request],
  );

  const book = useMemo(() => createBookApi((message) => browser.runtime.sendMessage(message)), []);

  return (
    <OptionsView
      book={book}
      settings={state?.settings ?? null}
      onSettingsChange={(patch: SettingsPatch) => request({ type: 'settings:set', patch })}
      // The background parses the text itself, so a broken JSON file is reported like any other problem.
      onImportPlaybook={(text) => request({ type: 'playbook:import', playbook: text })}
      onResetPlaybook={() => request({ type: 'playbook:reset' })}
      sync={state?.sync ?? null}
      server={server}
      now={now}
    />
  );
}
