import { CRM_HOST_PATTERNS } from '@/lib/adapters/hosts';
import { afterPageLoad } from '@/lib/content/after-page-load';
import { startCrmContent } from '@/lib/content/crm-content';

export default defineContentScript({
  matches: [...CRM_HOST_PATTERNS],
  // document_idle, then after the page's load event (lib/content/after-page-load.ts): the
  // CRM's own load never waits for Sufler's iframe or for our first reads.
  runAt: 'document_idle',
  main(ctx) {
    afterPageLoad(window, ctx.signal, () => {
      try {
        startCrmContent(ctx);
      } catch (error) {
        // Never throw into the CRM's page; a broken start only costs the panel on this tab.
        console.warn('[sufler] content script failed to start', error);
      }
    });
  },
});
