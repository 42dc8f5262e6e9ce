import { AMOCRM_ADAPTER } from './amocrm';
import { BITRIX24_ADAPTER } from './bitrix24';
import { GENERIC_ADAPTER } from './generic';
import type { SiteAdapter } from './types';

/** Every site adapter, most specific first. The generic one is not here: it is opt-in per host. */
export const ADAPTERS: readonly SiteAdapter[] = [AMOCRM_ADAPTER, BITRIX24_ADAPTER];

/**
 * The adapters of the hosts the manifest injects into today, which the content script looks
 * up. Bitrix24 waits for the per-site manifest and bundles (issue 8 item 1): until then every
 * CRM host gets one content script, and carrying Bitrix24's reader into amoCRM tabs would cost
 * them ~6 KB gzip of the 15 KB budget for nothing. Unreferenced, it is left out of the bundle.
 */
export const INJECTED_ADAPTERS: readonly SiteAdapter[] = [AMOCRM_ADAPTER];

export { GENERIC_ADAPTER };

/** The site adapter for this URL among `adapters` (the injected ones by default), or null. */
export function findAdapter(url: URL, adapters: readonly SiteAdapter[] = INJECTED_ADAPTERS): SiteAdapter | null {
  return adapters.find((a) => a.matches(url)) ?? null;
}
