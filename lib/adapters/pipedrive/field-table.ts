import type { CardTable } from '../table-card';

/**
 * Pipedrive's card as a field table (SOURCES.md). Keys on data-testid attributes and on the
 * "cui5-" classes of Pipedrive's own design system, never on hashed ones. Rows have no key of
 * their own in the sources, so they go by label (`label:<label>`), and the declared fields find
 * their row by its label in the UI's languages. The deal title is an editable textarea: its
 * value is read, not its text. The current stage is the selected stage button, named in its title.
 */
export const PIPEDRIVE_TABLE: CardTable = {
  adapterId: 'pipedrive',
  root: ['[data-testid="detail-block"]', '[data-testid="deal-block"]', '[data-testid="person-block"]', '[data-testid="organization-block"]'],
  fields: [
    { key: 'name', find: ['[data-testid="deal-title"] textarea.cui5-editable-text__input', 'h1 textarea.cui5-editable-text__input'], read: 'input', kind: 'text', label: 'Title' },
    { key: 'stage', find: ['button.cui5-stage-selector__stage[aria-selected="true"]'], read: 'title', kind: 'stage', label: 'Stage' },
    { key: 'budget', byLabel: ['Value', 'Стоимость', 'Сумма', 'Wert'], kind: 'money', label: 'Value' },
    { key: 'responsible', byLabel: ['Owner', 'Владелец', 'Ответственный', 'Besitzer'], kind: 'person', label: 'Owner' },
    { key: 'contact', find: ['[data-testid="person-block"] [data-testid="block-title"]'], kind: 'text', label: 'Person' },
    { key: 'company', find: ['[data-testid="organization-block"] [data-testid="block-title"]'], byLabel: ['Organization', 'Организация'], kind: 'text', label: 'Organization' },
    { key: 'phone', byLabel: ['Phone', 'Телефон', 'Telefon'], kind: 'phone', label: 'Phone' },
    { key: 'email', byLabel: ['Email', 'E-mail', 'Эл. почта', 'Электронная почта'], kind: 'email', label: 'Email' },
  ],
  rows: {
    row: ['[data-testid="fields-list-row"]'],
    label: ['[data-testid="field-name"]'],
    value: ['[data-testid="fields-list-row-field-components"]'],
  },
  empty: /^(?:—|-|\+ ?add|add value|\+|добавить)$/i,
};
