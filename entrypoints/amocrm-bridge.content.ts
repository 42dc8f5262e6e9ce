import { CRM_HOST_PATTERNS } from '@/lib/adapters/hosts';
import { startAmoBridge } from '@/lib/adapters/amocrm/page-bridge';
import { onFirstPageDataRequest, onPageDataStop } from '@/lib/adapters/page-data-channel';

/**
 * Runs in the CRM page's own world to read amoCRM's APP/AMOCRM objects, which the isolated
 * content script cannot see, and hands a JSON snapshot of the open card over by a DOM event.
 * Kept tiny: no UI, no storage, no messaging; see lib/adapters/amocrm/page-bridge.ts.
 * It does nothing until the content script (which starts after the page's load) first asks
 * for a snapshot: only then are its history hooks set. They come out again when the content
 * script is torn down.
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
    onFirstPageDataRequest(document, controller.signal, () => startAmoBridge(window, controller.signal));
  },
});
