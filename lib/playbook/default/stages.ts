import type { Stage } from '../schema';
import { t } from './text';

/**
 * The default funnel. Required fields accumulate along the order; two stages break
 * the line on purpose:
 *  - lost inherits from 'lead': a deal can be lost at any step, so it asks only what every lead
 *    has (a contact and the source) plus the loss reason — the data a loss report needs;
 *  - handed_over inherits from 'won', not from 'lost', which sits between them in the list.
 */
export const DEFAULT_STAGES: Stage[] = [
  {
    id: 'lead',
    name: t('Новая заявка', 'New lead'),
    goal: t(
      'Связаться с клиентом в тот же день, подтвердить интерес и записать контакт и источник заявки.',
      'Reach the client the same day, confirm their interest and record the contact and the lead source.',
    ),
    role: 'inbound',
    crmNames: ['Неразобранное', 'Первичный контакт', 'Новая заявка', 'Новый лид', 'Новая сделка', 'Incoming leads', 'Unsorted', 'Initial contact', 'New lead', 'Lead', 'New'],
    scriptId: 'inbound_qualification',
    requiredFields: ['contact', 'lead_source'],
  },
  {
    id: 'qualification',
    name: t('Квалификация', 'Qualification'),
    goal: t(
      'Понять задачу клиента, кто принимает решение и в какие сроки; решить, наш ли это клиент, и назначить встречу.',
      "Learn the client's task, who decides and by when; decide whether this is our client, and book a meeting.",
    ),
    role: 'hunter',
    crmNames: ['Квалификация', 'Квалифицирован', 'Выявление интереса', 'Qualification', 'Qualified', 'Contact made'],
    scriptId: 'book_meeting',
    requiredFields: ['company', 'need', 'decision_maker'],
  },
  {
    id: 'meeting_booked',
    name: t('Встреча назначена', 'Meeting booked'),
    goal: t(
      'Провести встречу с участием ЛПР: накануне подтвердить время и состав участников.',
      'Hold the meeting with the decision maker present: confirm the time and attendees the day before.',
    ),
    role: 'hunter',
    crmNames: ['Встреча назначена', 'Назначена встреча', 'Встреча', 'Meeting booked', 'Meeting scheduled', 'Appointment scheduled'],
    requiredFields: ['meeting_date'],
  },
  {
    id: 'needs_identified',
    name: t('Потребность выявлена', 'Needs identified'),
    goal: t(
      'Согласовать с клиентом, что должно быть в предложении, вилку бюджета и дату следующего шага.',
      'Agree with the client on what the proposal must contain, the budget range and the next step date.',
    ),
    role: 'closer',
    crmNames: ['Потребность выявлена', 'Выявление потребностей', 'Встреча проведена', 'Needs identified', 'Needs analysis', 'Meeting held', 'Discovery'],
    requiredFields: ['next_step_date'],
  },
  {
    id: 'proposal_sent',
    name: t('КП отправлено', 'Proposal sent'),
    goal: t(
      'Получить обратную связь по КП в течение двух рабочих дней и договориться об обсуждении условий.',
      'Get feedback on the proposal within two working days and agree to discuss the terms.',
    ),
    role: 'closer',
    crmNames: ['КП отправлено', 'Отправлено КП', 'Коммерческое предложение', 'Предложение отправлено', 'Proposal sent', 'Proposal', 'Proposal made', 'Quote sent'],
    scriptId: 'proposal_follow_up',
    requiredFields: ['budget', 'proposal_date'],
  },
  {
    id: 'negotiation',
    name: t('Переговоры', 'Negotiation'),
    goal: t(
      'Снять оставшиеся возражения, согласовать условия и договор, зафиксировать срок решения.',
      'Clear the remaining objections, agree the terms and the contract, fix the decision date.',
    ),
    role: 'closer',
    crmNames: ['Переговоры', 'Принимают решение', 'Принятие решения', 'Согласование договора', 'Согласование условий', 'Negotiation', 'Negotiations', 'Decision making', 'Contract negotiation'],
    scriptId: 'proposal_follow_up',
    requiredFields: ['decision_date'],
  },
  {
    id: 'won',
    name: t('Сделка выиграна', 'Won'),
    goal: t(
      'Подписать договор, выставить счёт и передать клиента в клиентский отдел.',
      'Sign the contract, issue the invoice and hand the client over to account management.',
    ),
    role: 'closer',
    crmNames: ['Успешно реализовано', 'Успешно', 'Сделка заключена', 'Оплачено', 'Closed - won', 'Closed won', 'Closed-won', 'Won', 'Successfully realized'],
    requiredFields: ['contract_number'],
    terminal: 'won',
  },
  {
    id: 'lost',
    name: t('Сделка проиграна', 'Lost'),
    goal: t(
      'Честно записать причину отказа, чтобы отдел видел, где теряются сделки, и договориться вернуться к клиенту позже.',
      'Record the real loss reason so the team sees where deals are lost, and agree when to come back to the client.',
    ),
    role: 'closer',
    crmNames: ['Закрыто и не реализовано', 'Не реализовано', 'Отказ', 'Проиграна', 'Closed - lost', 'Closed lost', 'Closed-lost', 'Lost', 'Closed and not realized'],
    requiredFields: ['loss_reason'],
    inheritFrom: 'lead',
    terminal: 'lost',
  },
  {
    id: 'handed_over',
    name: t('Передан на сопровождение', 'Handed to account management'),
    goal: t(
      'Познакомить клиента с ответственным менеджером, назначить сегмент и договориться о первом контрольном звонке.',
      'Introduce the client to their account manager, set the segment and agree the first check-in call.',
    ),
    role: 'customer_success',
    crmNames: ['Передан на сопровождение', 'Передано в клиентский отдел', 'Внедрение', 'Сопровождение', 'Handed over', 'Onboarding', 'Account management'],
    requiredFields: ['account_manager', 'client_segment'],
    inheritFrom: 'won',
  },
  {
    id: 'growth',
    name: t('Развитие клиента', 'Growth'),
    goal: t(
      'Держать норму касаний, узнавать потребности на следующий месяц, проводить VIP-встречи, допродавать и просить рекомендации.',
      "Keep the touch norm, learn next month's needs, hold VIP meetings, cross-sell and ask for referrals.",
    ),
    role: 'farmer',
    crmNames: ['Развитие', 'Развитие клиента', 'Повторные продажи', 'Допродажи', 'VIP-программа', 'Growth', 'Upsell', 'Repeat sales', 'Account growth'],
    scriptId: 'vip_invitation',
    requiredFields: ['next_period_need'],
  },
];
