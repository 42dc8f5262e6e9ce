import type { Field } from '../schema';
import { KOMMO_UI_ALIASES } from './field-aliases-kommo';
import { t } from './text';

/**
 * CRM fields the default stages require. Aliases are the labels these fields commonly carry in
 * amoCRM/Kommo and other CRMs, Russian and English; a team adds its own labels in its playbook.
 */
const RU_EN_FIELDS: Field[] = [
  {
    id: 'contact',
    label: t('Телефон или email', 'Phone or email'),
    aliases: ['Телефон', 'Раб. телефон', 'Рабочий телефон', 'Мобильный', 'Мобильный телефон', 'Email', 'E-mail', 'Эл. почта', 'Почта', 'Phone', 'Work phone', 'Mobile', 'Work email'],
    source: 'contact.any',
  },
  {
    id: 'lead_source',
    label: t('Источник заявки', 'Lead source'),
    aliases: ['Источник', 'Источник заявки', 'Источник сделки', 'Источник лида', 'Откуда узнал', 'Откуда узнали', 'Source', 'Lead source', 'Deal source'],
    source: 'field',
    type: 'select',
  },
  {
    id: 'company',
    label: t('Компания', 'Company'),
    aliases: ['Компания', 'Название компании', 'Организация', 'Company', 'Company name', 'Organization'],
    source: 'company',
  },
  {
    id: 'need',
    label: t('Потребность клиента', "Client's need"),
    aliases: ['Потребность', 'Потребность клиента', 'Задача клиента', 'Запрос клиента', 'Need', 'Client need', "Client's need", 'Pain point'],
    source: 'field',
  },
  {
    id: 'decision_maker',
    label: t('ЛПР (кто принимает решение)', 'Decision maker'),
    aliases: ['ЛПР', 'Лицо, принимающее решение', 'Кто принимает решение', 'Decision maker', 'Decision-maker', 'DM'],
    source: 'field',
  },
  {
    id: 'meeting_date',
    label: t('Дата встречи', 'Meeting date'),
    aliases: ['Дата встречи', 'Дата следующей встречи', 'Встреча', 'Встреча назначена на', 'Meeting date', 'Next meeting date', 'Next meeting', 'Meeting'],
    source: 'field',
    type: 'date',
  },
  {
    id: 'next_step_date',
    label: t('Дата следующего шага', 'Next step date'),
    // Not "next meeting date": that field is the meeting's, and one CRM field answers one requirement.
    aliases: ['Дата следующего шага', 'Следующий шаг', 'Дата след. шага', 'Дата следующего контакта', 'Next step', 'Next step date', 'Next contact date'],
    source: 'field',
    type: 'date',
  },
  {
    id: 'budget',
    label: t('Бюджет', 'Budget'),
    aliases: ['Бюджет', 'Сумма сделки', 'Сумма', 'Budget', 'Deal amount', 'Amount'],
    source: 'budget',
    type: 'number',
  },
  {
    id: 'proposal_date',
    // A date or, as on many amoCRM cards, a "КП отправлено" tick: either says the proposal went out.
    label: t('КП отправлено', 'Proposal sent'),
    aliases: ['Дата отправки КП', 'Дата КП', 'КП отправлено', 'Proposal date', 'Proposal sent', 'Proposal sent on'],
    source: 'field',
    type: 'date',
  },
  {
    id: 'decision_date',
    label: t('Срок принятия решения', 'Decision date'),
    aliases: ['Срок принятия решения', 'Дата решения', 'Ожидаемая дата закрытия', 'Decision date', 'Expected close date', 'Close date'],
    source: 'field',
    type: 'date',
  },
  {
    id: 'contract_number',
    label: t('Номер договора', 'Contract number'),
    aliases: ['Номер договора', '№ договора', 'Договор', 'Contract number', 'Contract no.', 'Contract'],
    source: 'field',
  },
  {
    id: 'loss_reason',
    label: t('Причина отказа', 'Loss reason'),
    aliases: ['Причина отказа', 'Причина проигрыша', 'Причина закрытия', 'Loss reason', 'Lost reason', 'Reason for loss'],
    source: 'field',
  },
  {
    id: 'account_manager',
    label: t('Ответственный менеджер', 'Account manager'),
    aliases: ['Ответственный', 'Ответственный менеджер', 'Менеджер', 'Responsible user', 'Responsible', 'Account manager'],
    source: 'responsible',
  },
  {
    id: 'client_segment',
    label: t('Сегмент клиента', 'Client segment'),
    aliases: ['Сегмент', 'Сегмент клиента', 'Категория клиента', 'Тип клиента', 'Segment', 'Client segment', 'Client category', 'Customer tier'],
    source: 'field',
    type: 'select',
  },
  {
    id: 'next_period_need',
    label: t('Потребность на следующий месяц', "Next month's needs"),
    aliases: ['Потребность на следующий месяц', 'Планы клиента', 'Потребности на месяц', "Next month's needs", 'Next month needs', 'Upcoming needs'],
    source: 'field',
  },
];

/** With the labels of Kommo's other UI languages (es, pt, tr, id) after the Russian and English ones. */
export const DEFAULT_FIELDS: Field[] = RU_EN_FIELDS.map((f) => ({ ...f, aliases: [...f.aliases, ...(KOMMO_UI_ALIASES[f.id] ?? [])] }));
