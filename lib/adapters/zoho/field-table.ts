import type { CardTable } from '../table-card';

/**
 * Zoho CRM's record page as a field table (SOURCES.md). Zoho's detail view (its "crux"
 * components) gives each field row a label carrying data-zcqa="dtVw_lbl_<column name>",
 * the field's name in the database whatever the UI language, followed by the row's value
 * container. So fields are found by column name first and by label (the UI's languages) only
 * where an org's column could not be confirmed; the other rows are keyed by column name.
 */
const byColumn = (...columns: string[]) => columns.map((c) => `[data-zcqa="dtVw_lbl_${c}"] + .dvValueContainer`);

export const ZOHO_TABLE: CardTable = {
  adapterId: 'zoho',
  root: ['crux-detailpage-header', '#recordDetails', '#detailview_bodyContent'],
  fields: [
    // The record's title in the header; the deal's name field where the header shows another one.
    { key: 'name', find: ['#recHeader1', '.cxDvRecordHeader1'], kind: 'text', label: 'Name' },
    { key: 'name', find: byColumn('POTENTIALNAME'), kind: 'text', label: 'Deal Name' },
    {
      key: 'stage',
      find: byColumn('STAGE', 'LEADSTATUS', 'STATUS'),
      byLabel: ['Stage', 'Lead Status', 'Этап', 'Стадия', 'Статус лида', 'Phase', 'Lead-Status', 'Étape', 'Statut du prospect', 'Fase', 'Estado del posible cliente', 'Estágio', 'Status do lead', 'Stato lead', 'ステージ', 'リードのステータス'],
      kind: 'stage',
      label: 'Stage',
    },
    { key: 'pipeline', find: byColumn('PIPELINE'), byLabel: ['Pipeline', 'Воронка', 'Pipeline de vendas'], kind: 'text', label: 'Pipeline' },
    { key: 'budget', find: byColumn('AMOUNT'), byLabel: ['Amount', 'Сумма', 'Betrag', 'Montant', 'Importe', 'Valor', 'Importo', '金額'], kind: 'money', label: 'Amount' },
    {
      key: 'responsible',
      find: byColumn('SMOWNERID'),
      byLabel: ['Deal Owner', 'Lead Owner', 'Contact Owner', 'Account Owner', 'Владелец сделки', 'Владелец лида', 'Владелец контакта', 'Ответственный', 'Besitzer', 'Propriétaire', 'Propietario', 'Proprietário', 'Proprietario', '担当者'],
      kind: 'person',
      label: 'Owner',
    },
    { key: 'company', find: byColumn('ACCOUNTID', 'COMPANY'), byLabel: ['Account Name', 'Company', 'Организация', 'Компания', 'Firma', 'Entreprise', 'Empresa', 'Azienda', '取引先名', '会社名'], kind: 'text', label: 'Account' },
    { key: 'contact', find: byColumn('CONTACTID'), byLabel: ['Contact Name', 'Контакт', 'Kontaktname', 'Nom du contact', 'Nombre de contacto', 'Nome do contato', 'Nome contatto', '連絡先名'], kind: 'text', label: 'Contact' },
    { key: 'phone', find: byColumn('PHONE', 'MOBILE'), byLabel: ['Phone', 'Mobile', 'Телефон', 'Мобильный', 'Telefon', 'Téléphone', 'Teléfono', 'Telefone', 'Telefono', '電話'], kind: 'phone', label: 'Phone' },
    { key: 'email', find: byColumn('EMAIL'), byLabel: ['Email', 'E-mail', 'Эл. почта', 'E-Mail', 'Correo electrónico', 'メール'], kind: 'email', label: 'Email' },
  ],
  rows: {
    row: ['.cxDvBcInfoFormRow'],
    keyFrom: ['[data-zcqa^="dtVw_lbl_"]'],
    keyAttribute: 'data-zcqa',
    keyOf: (attribute) => /^dtVw_lbl_([A-Za-z0-9_]{1,100})$/.exec(attribute)?.[1] ?? null,
    label: ['.cxDvInfoFormField'],
    value: ['.dvValueContainer'],
  },
  empty: /^(?:—|–|-|-None-)$/,
};
