import type { Script } from '../../schema';
import { t } from '../text';

/** Closer's call after the proposal went out: feedback, objections, the next step toward a contract. */
export const PROPOSAL_FOLLOW_UP: Script = {
  id: 'proposal_follow_up',
  title: t('Звонок после КП', 'Proposal follow-up call'),
  role: 'closer',
  start: 'check',
  nodes: {
    check: {
      say: t(
        '{contact_first}, добрый день! Это {manager_first}, компания «{our_company}». Вы получили наше предложение? Успели посмотреть?',
        'Good afternoon, {contact_first}! This is {manager_first}, from {our_company}. Did you receive our proposal? Have you had a chance to look at it?',
      ),
      hint: t(
        'Лучший момент для звонка — когда клиент открыл письмо: Суфлёр сообщит об этом.',
        'The best moment to call is when the client opens the email: Sufler will tell you.',
      ),
      answers: [
        { label: t('Да, посмотрел', 'Yes, I have read it'), next: 'impression' },
        { label: t('Не получил или не смотрел', 'Not received or not read'), next: 'resend' },
      ],
    },
    resend: {
      say: t(
        'Перешлю прямо сейчас. Давайте завтра на 15 минут созвонимся, и я пройдусь по главным пунктам — так быстрее, чем читать весь документ.',
        'I will resend it right now. Shall we talk for 15 minutes tomorrow so I can walk you through the key points? That is quicker than reading the whole document.',
      ),
      answers: [
        { label: t('Согласен', 'Agrees'), next: 'goal_review_call' },
        { label: t('Прочитаю сам', 'Will read it myself'), next: 'goal_follow_up_date' },
      ],
    },
    impression: {
      say: t(
        'Что в предложении вам подходит, а что вызывает вопросы?',
        'What in the proposal works for you, and what raises questions?',
      ),
      answers: [
        { label: t('Всё устраивает', 'It all works'), next: 'close' },
        { label: t('Дорого', 'Too expensive'), next: 'price' },
        { label: t('Нужно обсудить с коллегами', 'Need to discuss with colleagues'), next: 'consult' },
        { label: t('Выбрали другого поставщика', 'Chose another supplier'), next: 'lost_reason' },
      ],
    },
    price: {
      say: t(
        'Давайте разберёмся: с чем вы сравниваете и какие позиции кажутся дорогими? Часто можно убрать лишнее или изменить порядок оплаты, не теряя в результате.',
        'Let us look at it: what are you comparing with, and which items seem expensive? Often we can drop what you do not need or change the payment schedule without losing the result.',
      ),
      answers: [
        { label: t('Готов обсуждать условия', 'Ready to discuss terms'), next: 'close' },
        { label: t('Без скидки не подпишем', 'Will not sign without a discount'), next: 'goal_negotiation' },
      ],
    },
    consult: {
      say: t(
        'Конечно. Кто ещё участвует в решении и что для них важно? Могу подготовить короткую сводку или приехать на встречу с ними.',
        'Of course. Who else takes part in the decision and what matters to them? I can prepare a short summary or come to a meeting with them.',
      ),
      answers: [
        { label: t('Согласен на встречу с коллегами', 'Agrees to a meeting with colleagues'), next: 'goal_negotiation' },
        { label: t('Обсудим сами', 'We will discuss it ourselves'), next: 'goal_follow_up_date' },
      ],
    },
    close: {
      say: t(
        'Отлично. Предлагаю следующий шаг: я отправляю проект договора, вы передаёте его юристам. Успеем подписать до …?',
        'Excellent. Here is the next step: I send the draft contract and you pass it to your lawyers. Can we sign by …?',
      ),
      answers: [
        { label: t('Да', 'Yes'), next: 'goal_contract' },
        { label: t('Нужно больше времени', 'Needs more time'), next: 'goal_follow_up_date' },
      ],
    },
    lost_reason: {
      say: t(
        'Спасибо, что сказали прямо. Чтобы нам стать лучше — что оказалось решающим при выборе?',
        'Thank you for telling me directly. To help us improve, what was decisive in your choice?',
      ),
      answers: [{ label: t('Назвал причину', 'Gave the reason'), next: 'goal_lost' }],
    },
    goal_contract: {
      say: t('Договорились, отправляю договор сегодня.', 'Agreed, I am sending the contract today.'),
      hint: t('Переведите сделку в «Переговоры» и впишите срок принятия решения.', 'Move the deal to "Negotiation" and enter the decision date.'),
      goal: true,
      outcome: 'reached',
      hintWhen: { stageNot: ['negotiation'] },
      answers: [],
    },
    goal_negotiation: {
      say: t(
        'Предлагаю встретиться и вместе найти условия, которые устроят обе стороны. Когда вам удобно?',
        'Let us meet and find terms that work for both sides. When would suit you?',
      ),
      hint: t('Подключите руководителя, если обсуждаются особые условия.', 'Bring in your head of sales if special terms are on the table.'),
      goal: true,
      outcome: 'reached',
      answers: [],
    },
    goal_review_call: {
      say: t('Отлично, созвонимся завтра.', 'Great, we will talk tomorrow.'),
      goal: true,
      outcome: 'callback',
      answers: [],
    },
    goal_follow_up_date: {
      say: t(
        'Хорошо. Когда мне вернуться к вам за решением?',
        'Fine. When should I come back to you for a decision?',
      ),
      hint: t('Без даты следующего шага сделка «зависнет» — запишите её в карточку.', 'Without a next step date the deal stalls: write it into the card.'),
      goal: true,
      outcome: 'reached',
      hintWhen: { fieldEmpty: ['next_step_date'] },
      answers: [],
    },
    goal_lost: {
      say: t(
        'Понял вас, спасибо. Если что-то изменится, мы будем рады снова поработать.',
        'Understood, thank you. If anything changes, we would be glad to work with you.',
      ),
      hint: t('Закройте сделку как проигранную и запишите настоящую причину отказа.', 'Close the deal as lost and record the real loss reason.'),
      goal: true,
      outcome: 'declined',
      hintWhen: { stageNot: ['lost'] },
      answers: [],
    },
  },
};
