import { CRM_HOST_PATTERNS } from '@/lib/adapters/hosts';
import { startAmoBridge } from '@/lib/adapters/amocrm/page-bridge';

/**
 * Runs in the CRM page's own world to read amoCRM's APP/AMOCRM objects, which the isolated
 * content script cannot see, and hands a JSON snapshot of the open card over by a DOM event.
 * Kept tiny: no UI, no storage, no messaging; see lib/adapters/amocrm/page-bridge.ts.
 */
export default defineContentScript({
  matches: [...CRM_HOST_PATTERNS],
  world: 'MAIN',
  runAt: 'document_idle',
  // No global variable in the page's namespace.
  globalName: false,
  main() {
    startAmoBridge(window, new AbortController().signal);
  },
});
