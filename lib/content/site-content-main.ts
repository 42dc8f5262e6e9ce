import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { SiteAdapter } from '../adapters/types';
import { registerContentMain } from './content-main-handoff';
import { startCrmContent } from './crm-content';

/**
 * A site's code after the page's load, with that site's adapter only: imported by the site's
 * boot stub (site-content-script.ts) into its isolated world, never injected on its own. It
 * imports no `wxt/browser`: the stub hands over its own.
 */
export function defineSiteContentMain(adapter: SiteAdapter) {
  return defineUnlistedScript(() => {
    registerContentMain((ctx, ext) => {
      try {
        startCrmContent(ctx, ext, adapter);
      } catch (error) {
        // Never throw into the CRM's page; a broken start only costs the panel on this tab.
        console.warn('[sufler] content script failed to start', error);
      }
    });
  });
}
