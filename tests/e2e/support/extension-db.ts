import type { BrowserContext } from 'playwright-core';

/**
 * Reads a whole object store of the extension's IndexedDB. It runs in a top-level
 * extension page (which shares the service worker's database) rather than in the worker,
 * which Chromium may have suspended by then.
 */
export async function readStore<T = Record<string, unknown>>(
  context: BrowserContext,
  extensionId: string,
  store: string,
): Promise<T[]> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    return await page.evaluate(
      (name) =>
        new Promise<T[]>((resolve, reject) => {
          const open = indexedDB.open('sufler');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const request = db.transaction(name, 'readonly').objectStore(name).getAll();
            request.onsuccess = () => {
              db.close();
              resolve(request.result as T[]);
            };
            request.onerror = () => reject(request.error);
          };
        }),
      store,
    );
  } finally {
    await page.close();
  }
}
