import { CRM_HOST_PATTERNS } from '@/lib/adapters/hosts';
import { startAmoBridge } from '@/lib/adapters/amocrm/page-bridge';
import { onPageDataStop } from '@/lib/adapters/page-data-channel';
import { afterPageLoad } from '@/lib/content/after-page-load';

/**
 * Runs in the CRM page's own world to read amoCRM's APP/AMOCRM objects, which the isolated
 * content script cannot see, and hands a JSON snapshot of the open card over by a DOM event.
 * Kept tiny: no UI, no storage, no messaging; see lib/adapters/amocrm/page-bridge.ts.
 * Starts after the page's load, like the content script, and stops (taking its history
 * hooks out) when the content script is torn down.
 */
export default defineContentScript({
  matches: [...CRM_HOST_PATTERNS],
  world: 'MAIN',
  runAt: 'document_idle',
  // No global variable in the page's namespace.
  globalName: false,
  main() {
    const controller = new AbortController();
    onPageDataStop(document, controller.signal, () => controller.abort());
    afterPageLoad(window, controller.signal, () => startAmoBridge(window, controller.signal));
  },
});
