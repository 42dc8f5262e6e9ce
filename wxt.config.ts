import { defineConfig } from 'wxt';

// Hosts whose CRM pages Sufler reads. Kept in one place: the manifest, the content
// scripts and the tests all take them from lib/adapters/hosts.ts.
import { CRM_HOST_PATTERNS } from './lib/adapters/hosts';
import { inPageBuild, nativeBrowserPlugin } from './scripts/build/content-browser';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    // Code that runs inside CRM pages carries no webextension-polyfill (see the plugin).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (inPageBuild(entrypoints)) config.plugins = [nativeBrowserPlugin(), ...(config.plugins ?? [])];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    // Least privilege: storage for settings and per-tab context, sidePanel for the native
    // panel, alarms to wake the sync engine. No "tabs": tab ids arrive without it.
    permissions: ['storage', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: [...CRM_HOST_PATTERNS],
    // The toolbar button opens the native side panel (Chrome); Firefox shows the docked one.
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandTogglePanel__',
      },
    },
    web_accessible_resources: [
      // crm-main.js: the content script's boot stub imports it after the page's load.
      { resources: ['panel.html', 'crm-main.js'], matches: [...CRM_HOST_PATTERNS] },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sufler@sufler.dev',
              // 140 (ESR) is the first to read data_collection_permissions, which AMO requires.
              strict_min_version: '140.0',
              // Nothing goes to Sufler's authors; data stays in the browser (and, later, the
              // team's own server, which the user configures).
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
