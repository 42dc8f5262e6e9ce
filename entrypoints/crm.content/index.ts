import { CRM_HOST_PATTERNS } from '@/lib/adapters/hosts';
import { startCrmContent } from '@/lib/content/crm-content';

export default defineContentScript({
  matches: [...CRM_HOST_PATTERNS],
  // document_end: the card is in the DOM by then, and the panel iframe starts booting sooner.
  runAt: 'document_end',
  main(ctx) {
    try {
      startCrmContent(ctx);
    } catch (error) {
      // Never throw into the CRM's page; a broken start only costs the panel on this tab.
      console.warn('[sufler] content script failed to start', error);
    }
  },
});
