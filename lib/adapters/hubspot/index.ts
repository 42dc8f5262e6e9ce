import { guardedIncrementalReader, guardedLocate, guardedRead } from '../guarded-reader';
import { locateTableField, readTableCard } from '../table-card';
import type { SiteAdapter } from '../types';
import { HUBSPOT_TABLE } from './field-table';
import { HUBSPOT_EXAMPLES, HUBSPOT_HOST_PATTERNS, isHubSpotHost, parseHubSpotCardUrl } from './url';

function readCard(doc: Document, url: URL): ReturnType<typeof readTableCard> {
  const ref = parseHubSpotCardUrl(url);
  return ref ? readTableCard(doc, url, ref, HUBSPOT_TABLE) : null;
}

export const HUBSPOT_ADAPTER: SiteAdapter = {
  id: 'hubspot',
  label: 'HubSpot',
  hosts: HUBSPOT_HOST_PATTERNS,
  examples: HUBSPOT_EXAMPLES,
  matches: isHubSpotHost,
  isCard: (url) => parseHubSpotCardUrl(url) !== null,
  read: (doc, url) => guardedRead(readCard, doc, url, undefined),
  // The sidebar holds a few dozen properties: every read is a whole one.
  createReader: () => guardedIncrementalReader(readCard, () => null),
  locateField: (doc, key) => guardedLocate((d, k) => locateTableField(d, k, HUBSPOT_TABLE), doc, key),
};
