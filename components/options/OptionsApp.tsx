import { useCallback, useEffect, useRef, useState } from 'react';
import { connectPanel, type PanelAction, type PanelConnection } from '../../lib/messaging/panel-port';
import type { Settings, SettingsPatch } from '../../lib/settings/settings';
import { OptionsView } from './OptionsView';

/** The options page: reads settings through the same port as the panel (no tab needed). */
export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const connection = useRef<PanelConnection | null>(null);

  useEffect(() => {
    const conn = connectPanel({ tabId: null, onState: (state) => setSettings(state.settings) });
    connection.current = conn;
    return () => conn.close();
  }, []);

  const request = useCallback((action: PanelAction) => {
    const conn = connection.current;
    return conn ? conn.request(action) : Promise.reject(new Error('not connected'));
  }, []);

  return (
    <OptionsView
      settings={settings}
      onSettingsChange={(patch: SettingsPatch) => request({ type: 'settings:set', patch })}
      // The background parses the text itself, so a broken JSON file is reported like any other problem.
      onImportPlaybook={(text) => request({ type: 'playbook:import', playbook: text })}
      onResetPlaybook={() => request({ type: 'playbook:reset' })}
    />
  );
}
