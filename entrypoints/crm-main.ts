import { registerContentMain } from '@/lib/content/content-main-handoff';
import { startCrmContent } from '@/lib/content/crm-content';

/**
 * The CRM tab's code after the page's load: imported by the boot stub
 * (entrypoints/crm.content/index.ts) into its isolated world, never injected on its own.
 * It imports no `wxt/browser`: the stub hands over its own.
 */
export default defineUnlistedScript(() => {
  registerContentMain((ctx, ext) => {
    try {
      startCrmContent(ctx, ext);
    } catch (error) {
      // Never throw into the CRM's page; a broken start only costs the panel on this tab.
      console.warn('[sufler] content script failed to start', error);
    }
  });
});
