import { tableCardAdapter } from '../table-card-adapter';
import { PIPEDRIVE_TABLE } from './field-table';
import { PIPEDRIVE_EXAMPLES, PIPEDRIVE_HOST_PATTERNS, isPipedriveHost, parsePipedriveCardUrl } from './url';

export const PIPEDRIVE_ADAPTER = tableCardAdapter({
  id: 'pipedrive',
  label: 'Pipedrive',
  hosts: PIPEDRIVE_HOST_PATTERNS,
  examples: PIPEDRIVE_EXAMPLES,
  matches: isPipedriveHost,
  parseCardUrl: parsePipedriveCardUrl,
  table: PIPEDRIVE_TABLE,
});
