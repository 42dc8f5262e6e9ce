/**
 * What `wxt/browser` is inside the CRM tab's bundles (see scripts/build/content-browser.ts):
 * the browser's own extension API instead of webextension-polyfill. Firefox has `browser`;
 * Chromium's MV3 `chrome.*` calls the content script makes (runtime.sendMessage,
 * storage.local.get) return promises themselves, and its listeners answer nothing, so the
 * polyfill's 10 KB would only cost the page parse time before its own load.
 */
type ApiGlobal = { browser?: { runtime?: { id?: string } }; chrome?: unknown };

const api = globalThis as unknown as ApiGlobal;

export const browser = api.browser?.runtime?.id ? api.browser : api.chrome;
