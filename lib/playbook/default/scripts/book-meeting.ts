import type { Script } from '../../schema';
import { t } from '../text';

/** After qualification: a meeting with the decision maker at the table. */
export const BOOK_MEETING: Script = {
  id: 'book_meeting',
  title: t('Назначение встречи', 'Booking a meeting'),
  role: 'hunter',
  start: 'propose',
  nodes: {
    propose: {
      say: t(
        '{contact_first}, по итогам разговора вижу, что мы можем помочь вам с … . Предлагаю встречу на 40 минут: покажем решение и посчитаем эффект на ваших цифрах. Вам удобнее во вторник или в среду?',
        '{contact_first}, from our conversation I can see we can help you with … . Let us meet for 40 minutes: we will show the solution and estimate the effect on your figures. Would Tuesday or Wednesday suit you better?',
      ),
      hint: t('Предлагайте выбор из двух вариантов времени, а не вопрос «да или нет».', 'Offer a choice of two times rather than a yes-or-no question.'),
      answers: [
        { label: t('Выбрал день', 'Picked a day'), next: 'attendees' },
        { label: t('Давайте онлайн', "Let's do it online"), next: 'online' },
        { label: t('Зачем встреча, пришлите КП', 'Why meet? Just send a proposal'), next: 'why_meet' },
        { label: t('Сейчас не до этого', 'Not a priority now'), next: 'later' },
      ],
    },
    why_meet: {
      say: t(
        'Понимаю, время дорого. За 40 минут мы сделаем то, на что в переписке ушли бы недели: уточним задачу и сразу обсудим условия. После встречи предложение будет точным, а не примерным. Договоримся?',
        'I understand your time is valuable. In 40 minutes we will do what would take weeks by email: pin down the task and discuss the terms. After the meeting the proposal will be exact, not approximate. Shall we?',
      ),
      answers: [
        { label: t('Да', 'Yes'), next: 'attendees' },
        { label: t('Нет, только КП', 'No, a proposal only'), next: 'goal_proposal_request' },
      ],
    },
    online: {
      say: t(
        'Конечно, проведём по видеосвязи. Какой сервис вам удобен и в какое время?',
        'Of course, we can meet by video. Which service do you use, and what time suits you?',
      ),
      answers: [{ label: t('Согласовали время', 'Time agreed'), next: 'attendees' }],
    },
    later: {
      say: t(
        'Когда лучше вернуться к этому вопросу? Я запишу и напомню заранее.',
        'When would be a better time to come back to this? I will note it and remind you in advance.',
      ),
      answers: [{ label: t('Назвал срок', 'Named a date'), next: 'goal_later' }],
    },
    attendees: {
      say: t(
        'Кто ещё с вашей стороны будет на встрече? Важно, чтобы были те, кто принимает решение, и те, кто будет работать с результатом.',
        'Who else from your side will attend? It helps to have whoever makes the decision and whoever will work with the result.',
      ),
      answers: [
        { label: t('ЛПР будет', 'The decision maker will attend'), next: 'goal_booked' },
        { label: t('ЛПР не будет', 'The decision maker will not attend'), next: 'invite_dm' },
      ],
    },
    invite_dm: {
      say: t(
        'Чтобы не проводить встречу дважды, давайте пригласим и …? Я подготовлю для него короткий блок про сроки и бюджет.',
        'So we do not need a second meeting, could we invite … as well? I will prepare a short part on timing and budget for them.',
      ),
      answers: [
        { label: t('Пригласит', 'Will invite them'), next: 'goal_booked' },
        { label: t('Не получится', 'Not possible'), next: 'goal_booked_no_dm' },
      ],
    },
    goal_booked: {
      say: t(
        'Отлично, отправлю приглашение с повесткой и накануне подтвержу время. До встречи!',
        'Great, I will send an invitation with the agenda and confirm the day before. See you then!',
      ),
      hint: t('Заполните дату встречи и переведите сделку на этап «Встреча назначена».', 'Fill in the meeting date and move the deal to "Meeting booked".'),
      goal: true,
      outcome: 'meeting_booked',
      hintWhen: { stageNot: ['meeting_booked'] },
      answers: [],
    },
    goal_booked_no_dm: {
      say: t(
        'Хорошо, встретимся с вами, а материалы для руководителя я подготовлю отдельно.',
        'Fine, we will meet with you, and I will prepare materials for your manager separately.',
      ),
      hint: t('Запишите, кто ЛПР: на встрече договоритесь о следующей — уже с ним.', 'Record who decides: at the meeting, agree on a follow-up with them present.'),
      goal: true,
      outcome: 'meeting_booked',
      hintWhen: { fieldEmpty: ['decision_maker'] },
      answers: [],
    },
    goal_proposal_request: {
      say: t(
        'Хорошо, пришлю предложение и позвоню через два дня, чтобы обсудить вопросы.',
        'Fine, I will send a proposal and call in two days to discuss any questions.',
      ),
      goal: true,
      outcome: 'reached',
      answers: [],
    },
    goal_later: {
      say: t('Договорились, свяжусь в назначенный срок. Спасибо!', 'Agreed, I will be in touch on that date. Thank you!'),
      hint: t('Поставьте задачу с датой и запишите, что мешает сейчас.', 'Set a dated task and note what stands in the way now.'),
      goal: true,
      outcome: 'callback',
      answers: [],
    },
  },
};
