import { tableCardAdapter } from '../table-card-adapter';
import { HUBSPOT_TABLE } from './field-table';
import { HUBSPOT_EXAMPLES, HUBSPOT_HOST_PATTERNS, isHubSpotHost, parseHubSpotCardUrl } from './url';

export const HUBSPOT_ADAPTER = tableCardAdapter({
  id: 'hubspot',
  label: 'HubSpot',
  hosts: HUBSPOT_HOST_PATTERNS,
  examples: HUBSPOT_EXAMPLES,
  matches: isHubSpotHost,
  parseCardUrl: parseHubSpotCardUrl,
  table: HUBSPOT_TABLE,
});
