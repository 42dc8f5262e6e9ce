import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
// The CRM sites Sufler reads: each adapter declares its hosts, frames and page-world helper,
// and the manifest below is built from those declarations (lib/adapters/site-manifest.ts).
import { ADAPTERS } from './lib/adapters/registry';
import { MAIL_SITES, mailContentScripts, mailHostPatterns } from './lib/adapters/mail/mail-sites';
import { siteContentScripts, siteHostPatterns, siteMainScripts, siteWebResources } from './lib/adapters/site-manifest';
import { inPageBuild, nativeBrowserPlugin } from './scripts/build/content-browser';

const CRM_HOSTS = siteHostPatterns(ADAPTERS);
// Webmails: a send hook in the page world and a relay, on the webmail's hosts only.
const SITE_SCRIPTS = [...siteContentScripts(ADAPTERS), ...mailContentScripts(MAIL_SITES)];
const SITE_MAINS = siteMainScripts(ADAPTERS);

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    // Code that runs inside CRM pages carries no webextension-polyfill (see the plugin).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (inPageBuild(entrypoints)) config.plugins = [nativeBrowserPlugin(), ...(config.plugins ?? [])];
    },
    // One boot stub per site, injected into that site's hosts only, and its main file with that
    // site's adapter only; the page-world helper likewise. Their entry files live in the adapter folders.
    'entrypoints:resolved': (wxt, entrypoints) => {
      for (const script of SITE_SCRIPTS) {
        entrypoints.push({
          type: 'content-script',
          name: script.name,
          inputPath: resolve(wxt.config.root, script.source),
          outputDir: resolve(wxt.config.outDir, 'content-scripts'),
          skipped: false,
          options: {
            matches: script.matches,
            runAt: script.runAt ?? 'document_idle',
            allFrames: script.allFrames,
            ...(script.world === 'MAIN' ? { world: 'MAIN' as const, globalName: false } : {}),
          },
        });
      }
      for (const main of SITE_MAINS) {
        entrypoints.push({
          type: 'unlisted-script',
          name: main.name,
          inputPath: resolve(wxt.config.root, main.source),
          outputDir: wxt.config.outDir,
          skipped: false,
          options: {},
        });
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    // Least privilege: storage for settings and per-tab context, sidePanel for the native
    // panel, alarms to wake the sync engine, declarativeNetRequest to block the sender's own
    // tracking pixels in this browser, notifications when a client opens a letter. No "tabs":
    // tab ids arrive without it.
    permissions: ['storage', 'alarms', 'declarativeNetRequest', 'notifications', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: [...CRM_HOSTS, ...mailHostPatterns(MAIL_SITES)],
    // The toolbar button opens the native side panel (Chrome); Firefox shows the docked one.
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandTogglePanel__',
      },
    },
    web_accessible_resources: siteWebResources(ADAPTERS),
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
