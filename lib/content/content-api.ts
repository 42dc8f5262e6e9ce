import type { browser } from 'wxt/browser';

type Browser = typeof browser;

/**
 * The few extension APIs the CRM tab's code uses. The boot stub (the declared content
 * script) hands its own `browser` over, so the part loaded after the page's load carries no
 * second copy of the polyfill; tests pass a small fake.
 */
export interface ContentExtensionApi {
  runtime: Pick<Browser['runtime'], 'sendMessage' | 'getURL'> & {
    onMessage: Pick<Browser['runtime']['onMessage'], 'addListener' | 'removeListener'>;
  };
  i18n: Pick<Browser['i18n'], 'getMessage'>;
  storage: {
    local: Pick<Browser['storage']['local'], 'get'>;
    onChanged: Pick<Browser['storage']['onChanged'], 'addListener' | 'removeListener'>;
  };
}
