/** Where user settings live in browser.storage.local (a zod-free file: the content script imports it). */
export const SETTINGS_KEY = 'sufler:settings';
