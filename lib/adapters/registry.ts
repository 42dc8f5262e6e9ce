import { AMOCRM_ADAPTER } from './amocrm';
import { BITRIX24_ADAPTER } from './bitrix24';
import { GENERIC_ADAPTER } from './generic';
import { HUBSPOT_ADAPTER } from './hubspot';
import { PIPEDRIVE_ADAPTER } from './pipedrive';
import { SALESFORCE_ADAPTER } from './salesforce';
import { ZOHO_ADAPTER } from './zoho';
import type { SiteAdapter } from './types';

/**
 * Every site adapter, most specific first: one line per CRM. The manifest's content scripts,
 * host permissions and web-accessible resources are built from this list (wxt.config.ts), and
 * each site's content script imports its own adapter only, never this registry, so a site's
 * bundle carries no other site's reader. The generic one is not here: it is opt-in per host.
 */
export const ADAPTERS: readonly SiteAdapter[] = [AMOCRM_ADAPTER, BITRIX24_ADAPTER, HUBSPOT_ADAPTER, PIPEDRIVE_ADAPTER, SALESFORCE_ADAPTER, ZOHO_ADAPTER];

export { GENERIC_ADAPTER };

/** The site adapter for this URL among `adapters`, or null. */
export function findAdapter(url: URL, adapters: readonly SiteAdapter[] = ADAPTERS): SiteAdapter | null {
  return adapters.find((a) => a.matches(url)) ?? null;
}
