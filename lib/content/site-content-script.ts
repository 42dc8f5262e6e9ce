import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { afterPageLoad } from './after-page-load';
import { loadContentMain } from './content-main-handoff';

/**
 * A site's declared content script, the one file the browser injects into that site's pages:
 * a boot stub that only waits. On a task after the page's load it imports the site's main file
 * (`<site>-main.js`, web-accessible on that site's hosts only; site-content-main.ts) into this
 * same isolated world and hands it this context and `browser`. So the page's own load pays for
 * about 1.5 KB of script, not for our reader, and it imports no adapter itself. Where it runs
 * (matches, all_frames) is in the manifest, built from the adapter's declaration
 * (lib/adapters/site-manifest.ts).
 */
export function defineSiteContentScript(siteId: string) {
  return defineContentScript({
    runAt: 'document_idle',
    main(ctx) {
      afterPageLoad(window, ctx.signal, () => {
        // The main files are added to the build by wxt.config.ts, so WXT's path types do not list them.
        const url = (browser.runtime.getURL as (path: string) => string)(`/${siteId}-main.js`);
        loadContentMain(url)
          .then((start) => {
            if (!ctx.signal.aborted) start(ctx, browser);
          })
          .catch((error: unknown) => {
            // Never throw into the CRM's page; a broken start only costs the panel on this tab.
            console.warn('[sufler] content script failed to start', error);
          });
      });
    },
  });
}
