import type { CardTable } from '../table-card';

/**
 * Salesforce Lightning's record page as a field table (SOURCES.md). Every field is found by
 * its API name, never by its label, which follows the user's language: record fields carry
 * data-target-selection-name="sfdc:RecordField.<Object>.<Field>". Lightning renders through
 * LWC shadow roots (open ones where an org runs native shadow, plain elements under LWC's
 * synthetic shadow), so the table is deep: lookups and text go through open shadow roots and
 * slots. Earlier records stay alive in hidden tabs beside the one shown; the active tab
 * (`.active.lafPageHost`) is the scope.
 */
const field = (objects: readonly string[], name: string) => objects.map((o) => `[data-target-selection-name="sfdc:RecordField.${o}.${name}"]`);
const ALL = ['Opportunity', 'Lead', 'Account', 'Contact'] as const;
// A record field's shown value, then any formatted output inside it.
const VALUE = ['.test-id__field-value', 'slot[name="outputField"]', 'lightning-formatted-text'];
// A lookup's value is the link to the record it names; the rest of the field is its chrome.
const LOOKUP = ['a', ...VALUE];

export const SALESFORCE_TABLE: CardTable = {
  adapterId: 'salesforce',
  root: ['records-highlights2', 'records-lwc-highlights-panel'],
  scope: ['.windowViewMode-maximized.active.lafPageHost', '.windowViewMode-normal.active.lafPageHost', '.active.lafPageHost'],
  deep: true,
  // SLDS's screen-reader-only text ("Current Stage:", "Open … Preview") is no part of a value.
  hiddenText: '.slds-assistive-text',
  fields: [
    // The highlights panel's primary field is the record's name on every object.
    { key: 'name', find: ['lightning-formatted-text[slot="primaryField"]', '[slot="primaryField"]', 'slot[name="primaryField"]'], kind: 'text', label: 'Name' },
    { key: 'name', find: field(ALL, 'Name'), value: VALUE, kind: 'text', label: 'Name' },
    // The Path's current step (not the one merely selected for a look), else the field itself.
    { key: 'stage', find: ['.slds-path__item.slds-is-current .slds-path__title'], kind: 'stage', label: 'Stage' },
    { key: 'stage', find: [...field(['Opportunity'], 'StageName'), ...field(['Lead'], 'Status')], value: VALUE, kind: 'stage', label: 'Stage' },
    { key: 'budget', find: field(['Opportunity'], 'Amount'), value: VALUE, kind: 'money', label: 'Amount' },
    { key: 'responsible', find: field(ALL, 'OwnerId'), value: LOOKUP, kind: 'person', label: 'Owner' },
    { key: 'company', find: [...field(['Opportunity', 'Contact'], 'AccountId'), ...field(['Lead'], 'Company')], value: LOOKUP, kind: 'text', label: 'Account' },
    { key: 'phone', find: [...field(['Lead', 'Contact', 'Account'], 'Phone'), ...field(['Lead', 'Contact'], 'MobilePhone')], value: VALUE, kind: 'phone', label: 'Phone' },
    { key: 'email', find: field(['Lead', 'Contact'], 'Email'), value: VALUE, kind: 'email', label: 'Email' },
  ],
  rows: {
    row: ['[data-target-selection-name^="sfdc:RecordField."]'],
    keyAttribute: 'data-target-selection-name',
    keyOf: (attribute) => /^sfdc:RecordField\.[A-Za-z][A-Za-z0-9_]{0,79}\.([A-Za-z][A-Za-z0-9_]{0,79})$/.exec(attribute)?.[1] ?? null,
    label: ['.test-id__field-label'],
    value: VALUE,
  },
};
