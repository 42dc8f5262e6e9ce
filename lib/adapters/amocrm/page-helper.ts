import { defineContentScript } from 'wxt/utils/define-content-script';
import { afterPageLoad } from '../../content/after-page-load';
import { onPageDataStop } from '../page-data-channel';
import { startAmoBridge } from './page-bridge';

/**
 * Runs in the CRM page's own world to read amoCRM's APP/AMOCRM objects, which the isolated
 * content script cannot see, and hands a JSON snapshot of the open card over by a DOM event.
 * Injected on amoCRM hosts only (the manifest entry comes from AMOCRM_ADAPTER.pageHelper).
 * Kept tiny: no UI, no storage, no messaging; see page-bridge.ts. Starts after the page's
 * load, like the content script, and stops (taking its history hooks out) when the content
 * script is torn down.
 */
export default defineContentScript({
  world: 'MAIN',
  main() {
    const controller = new AbortController();
    onPageDataStop(document, controller.signal, () => controller.abort());
    afterPageLoad(window, controller.signal, () => startAmoBridge(window, controller.signal));
  },
});
