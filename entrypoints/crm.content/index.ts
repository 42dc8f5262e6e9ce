import { browser } from 'wxt/browser';
import { CRM_HOST_PATTERNS } from '@/lib/adapters/hosts';
import { afterPageLoadIdle } from '@/lib/content/after-page-load';
import { loadContentMain } from '@/lib/content/content-main-handoff';

/** A busy CRM page still gets Sufler this long after its load at the latest. */
const BOOT_IDLE_TIMEOUT_MS = 500;

/**
 * The boot stub, the one file the browser injects into every CRM page: it only waits. After
 * the page's load, at its first idle moment, it imports the rest (entrypoints/crm-main.ts,
 * web-accessible) into this same isolated world and hands it this context and `browser`.
 * So the page's own load pays for a few hundred bytes of script, not for our reader.
 */
export default defineContentScript({
  matches: [...CRM_HOST_PATTERNS],
  runAt: 'document_idle',
  main(ctx) {
    afterPageLoadIdle(
      window,
      ctx.signal,
      () => {
        loadContentMain(browser.runtime.getURL('/crm-main.js'))
          .then((start) => {
            if (!ctx.signal.aborted) start(ctx, browser);
          })
          .catch((error: unknown) => {
            // Never throw into the CRM's page; a broken start only costs the panel on this tab.
            console.warn('[sufler] content script failed to start', error);
          });
      },
      BOOT_IDLE_TIMEOUT_MS,
    );
  },
});
