import { CRM_HOST_PATTERNS } from '@/lib/adapters/hosts';
import { startCrmContent } from '@/lib/content/crm-content';

export default defineContentScript({
  matches: [...CRM_HOST_PATTERNS],
  // document_start: the hidden panel iframe boots while the CRM itself is still loading; the
  // watcher then reads the card as the CRM renders it.
  runAt: 'document_start',
  main(ctx) {
    try {
      startCrmContent(ctx);
    } catch (error) {
      // Never throw into the CRM's page; a broken start only costs the panel on this tab.
      console.warn('[sufler] content script failed to start', error);
    }
  },
});
