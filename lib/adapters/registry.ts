import { AMOCRM_ADAPTER } from './amocrm';
import { BITRIX24_ADAPTER } from './bitrix24';
import { GENERIC_ADAPTER } from './generic';
import type { SiteAdapter } from './types';

/** Site adapters, most specific first. The generic one is not here: it is opt-in per host. */
export const ADAPTERS: readonly SiteAdapter[] = [AMOCRM_ADAPTER, BITRIX24_ADAPTER];

export { GENERIC_ADAPTER };

/** The site adapter for this URL, or null when Sufler does not know the site. */
export function findAdapter(url: URL): SiteAdapter | null {
  return ADAPTERS.find((a) => a.matches(url)) ?? null;
}
