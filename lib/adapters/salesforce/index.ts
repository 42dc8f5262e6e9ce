import { tableCardAdapter } from '../table-card-adapter';
import { SALESFORCE_TABLE } from './field-table';
import { SALESFORCE_EXAMPLES, SALESFORCE_HOST_PATTERNS, isSalesforceHost, parseSalesforceCardUrl } from './url';

export const SALESFORCE_ADAPTER = tableCardAdapter({
  id: 'salesforce',
  label: 'Salesforce',
  hosts: SALESFORCE_HOST_PATTERNS,
  examples: SALESFORCE_EXAMPLES,
  matches: isSalesforceHost,
  parseCardUrl: parseSalesforceCardUrl,
  table: SALESFORCE_TABLE,
});
