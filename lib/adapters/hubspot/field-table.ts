import type { CardTable } from '../table-card';

/**
 * HubSpot's record page as a field table (SOURCES.md). Classes are styled-components hashes,
 * so every selector keys on the test attributes HubSpot keeps for its own Selenium suites:
 * data-selenium-test="property-input-<internal property name>" around each property's value.
 */
const prop = (name: string) => `[data-selenium-test="property-input-${name}"]`;

export const HUBSPOT_TABLE: CardTable = {
  adapterId: 'hubspot',
  root: ['[data-test-id="middle-pane"]', '[data-selenium-test="highlightedPropertySidebar"]'],
  fields: [
    { key: 'name', find: ['[data-selenium-test="highlightTitle"]'], kind: 'text', label: 'Name' },
    { key: 'stage', find: [`button${prop('dealstage')}`, prop('dealstage'), prop('lifecyclestage')], kind: 'stage', label: 'Deal stage' },
    { key: 'pipeline', find: [prop('pipeline')], kind: 'text', label: 'Pipeline' },
    { key: 'budget', find: [prop('amount')], kind: 'money', label: 'Amount' },
    // The owner's name is the dropdown's label; the rest of the control is its chrome.
    { key: 'responsible', find: [prop('hubspot_owner_id')], value: ['span.private-dropdown__item__label'], kind: 'person', label: 'Owner' },
    { key: 'company', find: [prop('company'), '[data-test-id="associated-company-name"]'], kind: 'text', label: 'Company' },
    { key: 'contact', find: ['[data-test-id="associated-contact-name"]'], kind: 'text', label: 'Contact' },
    { key: 'phone', find: [prop('phone'), prop('mobilephone')], kind: 'phone', label: 'Phone number' },
    { key: 'email', find: [prop('email')], kind: 'email', label: 'Email' },
  ],
  rows: {
    row: ['[data-selenium-test^="property-input-"]'],
    keyAttribute: 'data-selenium-test',
    keyOf: (attribute) => /^property-input-([a-z0-9_]{1,100})$/.exec(attribute)?.[1] ?? null,
    label: ['[data-selenium-test="property-label"]', 'label'],
  },
  empty: /^(?:--|—|-)$/,
};
