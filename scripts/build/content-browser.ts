import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * A WXT `vite:build:extendConfig` step: in the bundles that run inside CRM pages (content
 * scripts and the unlisted scripts they import), `wxt/browser` resolves to the browser's
 * own API object (lib/content/native-browser.ts) instead of webextension-polyfill, which
 * the project's other bundles keep. Entry types come from WXT's entrypoint list.
 */
const NATIVE_BROWSER = fileURLToPath(new URL('../../lib/content/native-browser.ts', import.meta.url));
const BROWSER_IDS = new Set(['wxt/browser', '@wxt-dev/webextension-polyfill/browser']);
const IN_PAGE_TYPES = new Set(['content-script', 'unlisted-script']);

export function inPageBuild(entrypoints: readonly { type: string }[]): boolean {
  return entrypoints.length > 0 && entrypoints.every((e) => IN_PAGE_TYPES.has(e.type));
}

export function nativeBrowserPlugin(): Plugin {
  return {
    name: 'sufler:native-browser-in-page',
    enforce: 'pre',
    resolveId(id) {
      return BROWSER_IDS.has(id) ? NATIVE_BROWSER : null;
    },
  };
}
