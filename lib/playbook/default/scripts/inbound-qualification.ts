import type { Script } from '../../schema';
import { t } from '../text';

/** First call on an inbound request: confirm it, learn the task and who decides, book the next step. */
export const INBOUND_QUALIFICATION: Script = {
  id: 'inbound_qualification',
  title: t('Квалификация входящей заявки', 'Inbound lead qualification'),
  role: 'inbound',
  start: 'greet',
  nodes: {
    greet: {
      say: t(
        'Добрый день, {contact_first}! Меня зовут {manager_first}, компания «{our_company}». Вы оставили у нас заявку на … — верно? Удобно сейчас пару минут поговорить?',
        'Good afternoon, {contact_first}! My name is {manager_first}, from {our_company}. You sent us a request about … — is that right? Do you have a couple of minutes now?',
      ),
      hint: t(
        'Звоните в течение часа после заявки: чем быстрее звонок, тем выше шанс на сделку.',
        'Call within an hour of the request: the sooner you call, the better the chance of a deal.',
      ),
      answers: [
        { label: t('Да, удобно', 'Yes'), next: 'task' },
        { label: t('Сейчас неудобно', 'Not now'), next: 'reschedule' },
        { label: t('Заявку не оставлял', 'I did not send a request'), next: 'wrong_person' },
      ],
    },
    reschedule: {
      say: t('Когда вам будет удобно? Перезвоню точно в это время.', 'When would suit you? I will call back exactly then.'),
      answers: [{ label: t('Назвал время', 'Named a time'), next: 'goal_callback' }],
    },
    wrong_person: {
      say: t(
        'Извините за беспокойство. Возможно, заявку оставил ваш коллега. Подскажите, кто у вас занимается …?',
        'Sorry to bother you. Perhaps a colleague sent it. Who handles … at your company?',
      ),
      answers: [
        { label: t('Назвал коллегу', 'Named a colleague'), next: 'goal_colleague' },
        { label: t('Никто, это ошибка', 'Nobody, it was a mistake'), next: 'goal_exit' },
      ],
    },
    task: {
      say: t(
        'Расскажите, пожалуйста, какую задачу вы хотите решить и к какому сроку?',
        'Please tell me what you want to achieve, and by when?',
      ),
      answers: [
        { label: t('Задача и срок понятны', 'Clear task and deadline'), next: 'decision' },
        { label: t('Просто узнаю цены', 'Just checking prices'), next: 'price_only' },
      ],
    },
    price_only: {
      say: t(
        'Конечно, сориентирую. Цена зависит от объёма и сроков — уточню два момента, и назову точную цифру, а не «от». Какой объём вам нужен и к какому сроку?',
        'Of course. The price depends on volume and timing; let me ask two things so I can give you an exact figure rather than a "from" price. What volume do you need, and by when?',
      ),
      answers: [
        { label: t('Ответил на вопросы', 'Answered'), next: 'decision' },
        { label: t('Нужна только цена', 'Only wants a price'), next: 'goal_price_email' },
      ],
    },
    decision: {
      say: t(
        'Кто, кроме вас, участвует в выборе и как у вас обычно принимают такие решения?',
        'Who else takes part in the choice, and how are such decisions usually made at your company?',
      ),
      hint: t('Запишите потребность и ЛПР в карточку сделки.', 'Record the need and the decision maker in the deal card.'),
      answers: [
        { label: t('Решает сам', 'Decides alone'), next: 'next_step' },
        { label: t('Решает руководитель', 'The boss decides'), next: 'involve_dm' },
      ],
    },
    involve_dm: {
      say: t(
        'Давайте я подготовлю то, что важно вашему руководителю — сроки, деньги, результат, — и мы проведём короткую встречу втроём?',
        'Shall I prepare what matters to your manager — timing, money, results — and we hold a short meeting, the three of us?',
      ),
      answers: [
        { label: t('Согласен', 'Agrees'), next: 'goal_meeting' },
        { label: t('Сначала посмотрю сам', 'Wants to look first'), next: 'next_step' },
      ],
    },
    next_step: {
      say: t(
        'Предлагаю так: наш специалист подготовит расчёт под вашу задачу и покажет его на встрече или по видеосвязи. Завтра или послезавтра удобнее?',
        'Here is what I suggest: our specialist prepares a calculation for your task and walks you through it in a meeting or a video call. Is tomorrow or the day after better?',
      ),
      answers: [
        { label: t('Выбрал время', 'Picked a time'), next: 'goal_meeting' },
        { label: t('Пришлите на почту', 'Email it to me'), next: 'goal_price_email' },
      ],
    },
    goal_meeting: {
      say: t(
        'Записал. Пришлю приглашение, а накануне напомню. Спасибо, до встречи!',
        'Noted. I will send an invitation and remind you the day before. Thank you, see you then!',
      ),
      hint: t('Передайте сделку клоузеру с заполненными полями: потребность, ЛПР, дата встречи.', 'Hand the deal to a closer with the need, decision maker and meeting date filled in.'),
      goal: true,
      outcome: 'meeting_booked',
      answers: [],
    },
    goal_price_email: {
      say: t(
        'Хорошо, отправлю расчёт сегодня и позвоню завтра, чтобы ответить на вопросы.',
        'Fine, I will send the calculation today and call tomorrow to answer any questions.',
      ),
      goal: true,
      outcome: 'reached',
      answers: [],
    },
    goal_callback: {
      say: t('Договорились, перезвоню. Хорошего дня!', 'Agreed, I will call back. Have a good day!'),
      goal: true,
      outcome: 'callback',
      answers: [],
    },
    goal_colleague: {
      say: t('Спасибо! Свяжусь с коллегой и сошлюсь на наш разговор.', 'Thank you! I will contact your colleague and mention our talk.'),
      goal: true,
      outcome: 'reached',
      answers: [],
    },
    goal_exit: {
      say: t('Понял, извините за беспокойство. Всего доброго!', 'I see, sorry for the trouble. All the best!'),
      hint: t('Закройте заявку с причиной «Ошибочная заявка».', 'Close the lead with the reason "Request sent by mistake".'),
      goal: true,
      outcome: 'declined',
      hintWhen: { stageNot: ['lost'] },
      answers: [],
    },
  },
};
