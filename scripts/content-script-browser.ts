import type { Plugin } from 'vite';

const POLYFILL = '@wxt-dev/webextension-polyfill/browser';

/**
 * Content scripts get the browser's own extension API instead of webextension-polyfill,
 * which would cost each site about 3 KB gzip of its 15 KB budget. What they call
 * (runtime.sendMessage/onMessage, storage.local, storage.onChanged, i18n.getMessage) returns
 * promises natively in Chrome MV3 and in Firefox. The polyfill module aliases `wxt/browser`
 * for every build; WXT builds each content script on its own, so this plugin sees which
 * entry it is in and, for the given content-script sources, points the alias at WXT's native
 * `@wxt-dev/browser`. Extension pages and the worker keep the polyfill.
 */
export function nativeBrowserInContentScripts(contentSources: readonly string[]): Plugin {
  let native = false;
  return {
    name: 'sufler:native-browser-in-content-scripts',
    enforce: 'pre',
    configResolved(config) {
      const entry = config.build.lib ? config.build.lib.entry : null;
      const entries = typeof entry === 'string' ? [entry] : Array.isArray(entry) ? entry : entry ? Object.values(entry) : [];
      native = entries.some((e) => contentSources.some((source) => e.endsWith(source)));
    },
    resolveId(id, importer) {
      if (!native || id !== POLYFILL) return null;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}
