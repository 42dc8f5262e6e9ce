import { tableCardAdapter } from '../table-card-adapter';
import { ZOHO_TABLE } from './field-table';
import { ZOHO_EXAMPLES, ZOHO_HOST_PATTERNS, isZohoHost, parseZohoCardUrl } from './url';

export const ZOHO_ADAPTER = tableCardAdapter({
  id: 'zoho',
  label: 'Zoho CRM',
  hosts: ZOHO_HOST_PATTERNS,
  examples: ZOHO_EXAMPLES,
  matches: isZohoHost,
  parseCardUrl: parseZohoCardUrl,
  table: ZOHO_TABLE,
});
