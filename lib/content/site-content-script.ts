import { defineContentScript } from 'wxt/utils/define-content-script';
import type { SiteAdapter } from '../adapters/types';
import { afterPageLoad } from './after-page-load';
import { startCrmContent } from './crm-content';

/**
 * A site's content script: the shared boot with that site's adapter only, so each site's
 * bundle carries its own reader and no other. Where it runs (matches, all_frames) is in the
 * manifest, built from the adapter's declaration (lib/adapters/site-manifest.ts).
 */
export function defineSiteContentScript(adapter: SiteAdapter) {
  return defineContentScript({
    // document_idle, then after the page's load event (after-page-load.ts): the CRM's own
    // load never waits for Sufler's iframe or for our first reads.
    runAt: 'document_idle',
    main(ctx) {
      afterPageLoad(window, ctx.signal, () => {
        try {
          startCrmContent(ctx, adapter);
        } catch (error) {
          // Never throw into the CRM's page; a broken start only costs the panel on this tab.
          console.warn('[sufler] content script failed to start', error);
        }
      });
    },
  });
}
