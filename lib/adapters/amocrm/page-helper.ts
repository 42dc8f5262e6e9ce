import { defineContentScript } from 'wxt/utils/define-content-script';
import { onFirstPageDataRequest, onPageDataStop } from '../page-data-channel';
import { startAmoBridge } from './page-bridge';

/**
 * Runs in the CRM page's own world to read amoCRM's APP/AMOCRM objects, which the isolated
 * content script cannot see, and hands a JSON snapshot of the open card over by a DOM event.
 * Injected on amoCRM hosts only (the manifest entry comes from AMOCRM_ADAPTER.pageHelper).
 * Kept tiny: no UI, no storage, no messaging; see page-bridge.ts. It does nothing until the
 * content script (which starts after the page's load) first asks for a snapshot: only then are
 * its history hooks set. They come out again when the content script is torn down.
 */
export default defineContentScript({
  world: 'MAIN',
  main() {
    const controller = new AbortController();
    onPageDataStop(document, controller.signal, () => controller.abort());
    onFirstPageDataRequest(document, controller.signal, () => startAmoBridge(window, controller.signal));
  },
});
