import type { Script } from '../../schema';
import { t } from '../text';

/**
 * The call that opens a VIP-program meeting (seed 004): the client is invited as an expert to
 * help improve the service, not sold to. A quality problem pauses everything until it is fixed.
 */
export const VIP_INVITATION: Script = {
  id: 'vip_invitation',
  title: t('Приглашение на VIP-встречу', 'VIP meeting invitation'),
  role: 'vip_lead',
  start: 'intro',
  nodes: {
    intro: {
      say: t(
        '{contact_first}, добрый день! Меня зовут {manager_first}, компания «{our_company}». Мы запустили программу повышения качества обслуживания. Вы работаете с нами давно, и ваше мнение как эксперта для нас очень ценно. Хотел бы встретиться и задать несколько вопросов по специальной анкете — это около часа, я приеду к вам в удобное время. Когда вам было бы удобно?',
        'Good afternoon, {contact_first}! My name is {manager_first}, from {our_company}. We have started a program to improve the quality of our service. You have worked with us for a long time, and your view as an expert matters a great deal to us. I would like to meet and ask you some questions from a short questionnaire; it takes about an hour, and I will come to your office at a time that suits you. When would be convenient?',
      ),
      hint: t(
        'Вы не продаёте, а спрашиваете мнение. Выходите на ключевых лиц клиента, а не только на привычный контакт.',
        "You are not selling; you are asking for an opinion. Reach the client's key people, not only your usual contact.",
      ),
      answers: [
        { label: t('Соглашается, выбирает время', 'Agrees and picks a time'), next: 'confirm' },
        { label: t('Зачем это нам?', 'What is in it for us?'), next: 'value' },
        { label: t('У нас есть претензии к качеству', 'We have complaints about quality'), next: 'problem' },
        { label: t('Нет времени', 'No time'), next: 'short' },
      ],
    },
    value: {
      say: t(
        'По итогам встречи мы поймём, что улучшить именно для вашей компании, и вы увидите изменения на деле. Это час вашего времени, после которого работать с нами станет удобнее.',
        'After the meeting we will know what to improve specifically for your company, and you will see the changes in practice. It is an hour of your time that makes working with us easier.',
      ),
      answers: [
        { label: t('Согласен', 'Agrees'), next: 'confirm' },
        { label: t('Всё равно нет', 'Still no'), next: 'goal_decline' },
      ],
    },
    problem: {
      say: t(
        'Спасибо, что сказали. Расскажите, пожалуйста, что произошло — я сразу передам это ответственному и буду лично следить за вопросом, пока вы сами не подтвердите, что всё исправлено.',
        'Thank you for telling me. Please describe what happened; I will pass it to the person responsible at once and follow it personally until you confirm that everything is fixed.',
      ),
      hint: t(
        'Запишите проблему полностью и внесите её в реестр проблемных анкет. Анкету продолжайте только после того, как клиент подтвердит, что качество восстановлено.',
        'Record the problem in full and add it to the problem registry. Resume the questionnaire only after the client confirms that quality is restored.',
      ),
      answers: [{ label: t('Описал проблему', 'Described the problem'), next: 'goal_problem' }],
    },
    short: {
      say: t(
        'Понимаю. Встречу можно назначить на удобную вам дату, хоть через пару недель, или сократить до получаса. Какой вариант вам ближе?',
        'I understand. We can set the meeting for whenever suits you, even in a couple of weeks, or keep it to half an hour. Which would you prefer?',
      ),
      answers: [
        { label: t('Выбрал время', 'Picked a time'), next: 'confirm' },
        { label: t('Не сейчас', 'Not now'), next: 'goal_later' },
      ],
    },
    confirm: {
      say: t(
        'Записываю. Кто ещё из ваших коллег мог бы поделиться мнением — например, руководители подразделений, которые работают с нашими услугами?',
        'Noted. Which of your colleagues could also share their view — for example, heads of the departments that use our services?',
      ),
      answers: [
        { label: t('Назвал коллег', 'Named colleagues'), next: 'goal_meeting' },
        { label: t('Только я', 'Only me'), next: 'goal_meeting' },
      ],
    },
    goal_meeting: {
      say: t('Спасибо! Пришлю подтверждение и буду у вас в назначенное время.', 'Thank you! I will send a confirmation and be there on time.'),
      hint: t('Встреча засчитывается, только когда анкета заполнена.', 'A meeting counts only once its questionnaire is filled in.'),
      goal: true,
      outcome: 'meeting_booked',
      answers: [],
    },
    goal_problem: {
      say: t(
        'Я взял вопрос на личный контроль и позвоню вам, как только он будет решён. Тогда и встретимся.',
        'I have taken this under my personal control and will call you as soon as it is resolved. Then we can meet.',
      ),
      goal: true,
      outcome: 'reached',
      answers: [],
    },
    goal_later: {
      say: t('Хорошо, вернусь к вам позже. Спасибо!', 'Fine, I will come back to you later. Thank you!'),
      goal: true,
      outcome: 'callback',
      answers: [],
    },
    goal_decline: {
      say: t(
        'Понял вас. Если захотите что-то улучшить в нашей работе — звоните мне напрямую.',
        'Understood. If you ever want us to improve something, call me directly.',
      ),
      goal: true,
      outcome: 'declined',
      answers: [],
    },
  },
};
