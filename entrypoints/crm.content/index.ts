import { browser } from 'wxt/browser';
import { CRM_HOST_PATTERNS } from '@/lib/adapters/hosts';
import { afterPageLoad } from '@/lib/content/after-page-load';
import { loadContentMain } from '@/lib/content/content-main-handoff';

/**
 * The boot stub, the one file the browser injects into every CRM page: it only waits. On a
 * task after the page's load it imports the rest (entrypoints/crm-main.ts, web-accessible)
 * into this same isolated world and hands it this context and `browser`. So the page's own
 * load pays for 1.5 KB of script, not for our reader. The import costs the page's thread
 * nothing while the file is fetched; what it runs then goes in idle time (crm-content.ts).
 */
export default defineContentScript({
  matches: [...CRM_HOST_PATTERNS],
  runAt: 'document_idle',
  main(ctx) {
    afterPageLoad(window, ctx.signal, () => {
      loadContentMain(browser.runtime.getURL('/crm-main.js'))
        .then((start) => {
          if (!ctx.signal.aborted) start(ctx, browser);
        })
        .catch((error: unknown) => {
          // Never throw into the CRM's page; a broken start only costs the panel on this tab.
          console.warn('[sufler] content script failed to start', error);
        });
    });
  },
});
