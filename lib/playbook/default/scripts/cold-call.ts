import type { Script } from '../../schema';
import { t } from '../text';

/** Hunter's outbound call: through the front desk to the person in charge, and to a meeting. */
export const COLD_CALL: Script = {
  id: 'cold_call',
  title: t('Холодный звонок', 'Cold call'),
  role: 'hunter',
  start: 'gatekeeper',
  nodes: {
    gatekeeper: {
      say: t(
        'Добрый день! Меня зовут {manager_first}, компания «{our_company}». Подскажите, пожалуйста, кто у вас отвечает за …?',
        'Good afternoon! My name is {manager_first}, from {our_company}. Could you tell me who is in charge of … at your company?',
      ),
      hint: t(
        'Говорите спокойно и уверенно, как с коллегой. Не продавайте секретарю — ваша цель только узнать имя и соединиться.',
        'Speak calmly and confidently, as to a colleague. Do not pitch to the front desk: you only want a name and a connection.',
      ),
      answers: [
        { label: t('Соединяют с ответственным', 'Puts me through'), next: 'intro' },
        { label: t('Просят прислать информацию на почту', 'Asks me to email the information'), next: 'gatekeeper_email' },
        { label: t('Ответственного нет на месте', 'The person is out'), next: 'callback_time' },
      ],
    },
    gatekeeper_email: {
      say: t(
        'С удовольствием пришлю. Чтобы письмо не потерялось среди общих, подскажите, на чьё имя его направить и как с этим коллегой связаться?',
        'Gladly. So the letter does not get lost in the general inbox, whose name should I put on it, and how can I reach that colleague?',
      ),
      answers: [
        { label: t('Назвали имя и контакт', 'Gave a name and a contact'), next: 'callback_time' },
        { label: t('Контакт не дают', 'Will not give a contact'), next: 'exit_polite' },
      ],
    },
    callback_time: {
      say: t(
        'Спасибо! Когда его удобнее застать? Я перезвоню именно в это время.',
        'Thank you! When is the best time to catch them? I will call back exactly then.',
      ),
      answers: [{ label: t('Назвали время', 'Named a time'), next: 'goal_callback' }],
    },
    intro: {
      say: t(
        '{contact_first}, добрый день! Меня зовут {manager_first}, компания «{our_company}». Мы помогаем компаниям вашей отрасли … . Звоню, чтобы понять, насколько это актуально для вас. Удобно говорить пару минут?',
        'Good afternoon, {contact_first}! My name is {manager_first}, from {our_company}. We help companies in your industry to … . I am calling to see whether this matters to you. Do you have a couple of minutes?',
      ),
      answers: [
        { label: t('Да, слушаю', 'Yes, go ahead'), next: 'qualify' },
        { label: t('Сейчас неудобно', 'Not a good time'), next: 'callback_time' },
        { label: t('Нам это не нужно', "We don't need it"), next: 'no_need' },
      ],
    },
    no_need: {
      say: t(
        'Понимаю вас. Многие наши клиенты тоже так считали, пока не сравнили условия. Подскажите, как у вас сейчас решается этот вопрос?',
        'I understand. Many of our clients felt the same until they compared the terms. How do you handle this today?',
      ),
      answers: [
        { label: t('Рассказывает, как сейчас устроено', 'Describes the current setup'), next: 'qualify' },
        { label: t('Твёрдо отказывается', 'Firmly declines'), next: 'exit_polite' },
      ],
    },
    qualify: {
      say: t(
        'Расскажите, пожалуйста, как это у вас устроено сейчас: что устраивает, а что хотелось бы улучшить?',
        'Could you tell me how it works for you now: what suits you, and what would you like to improve?',
      ),
      hint: t(
        'Слушайте больше, чем говорите. Запишите в карточку потребность и кто принимает решение.',
        'Listen more than you talk. Write the need and the decision maker into the CRM card.',
      ),
      answers: [
        { label: t('Есть задача, которую мы решаем', 'There is a problem we solve'), next: 'offer_meeting' },
        { label: t('Всё устраивает', 'Everything is fine'), next: 'plant_seed' },
      ],
    },
    plant_seed: {
      say: t(
        'Рад, что всё работает. Давайте я пришлю короткую справку с нашими условиями, а через месяц созвонимся и сверим, не изменилось ли что-то?',
        'Glad it works well. Let me send a short summary of our terms, and in a month we can talk again and see whether anything has changed?',
      ),
      answers: [
        { label: t('Согласен', 'Agrees'), next: 'goal_nurture' },
        { label: t('Не нужно', 'No need'), next: 'exit_polite' },
      ],
    },
    offer_meeting: {
      say: t(
        'Предлагаю встретиться на 30–40 минут: покажу, как мы решили похожую задачу для другого клиента, и прикинем эффект на ваших цифрах. Вам удобнее в четверг или в пятницу?',
        'Let us meet for 30–40 minutes: I will show how we solved a similar task for another client and estimate the effect on your figures. Would Thursday or Friday suit you better?',
      ),
      answers: [
        { label: t('Выбрал время', 'Picked a time'), next: 'goal_meeting' },
        { label: t('Сначала пришлите КП', 'Send a proposal first'), next: 'send_first' },
      ],
    },
    send_first: {
      say: t(
        'Пришлю обязательно. Но без ваших цифр предложение получится общим. Давайте созвонимся онлайн на 20 минут — и я пришлю расчёт точно под вашу задачу?',
        'I will. But without your figures a proposal can only be generic. Shall we have a 20-minute video call, after which I send a calculation made for your case?',
      ),
      answers: [
        { label: t('Согласен на созвон', 'Agrees to a call'), next: 'goal_meeting' },
        { label: t('Только письмо', 'Email only'), next: 'goal_nurture' },
      ],
    },
    goal_meeting: {
      say: t(
        'Отлично, записываю. Пришлю приглашение с короткой повесткой. Кто ещё с вашей стороны будет участвовать?',
        'Great, noted. I will send an invitation with a short agenda. Who else from your side will join?',
      ),
      hint: t(
        'Впишите дату встречи в карточку и переведите сделку на этап «Встреча назначена».',
        'Enter the meeting date in the card and move the deal to "Meeting booked".',
      ),
      goal: true,
      outcome: 'meeting_booked',
      hintWhen: { stageNot: ['meeting_booked'] },
      answers: [],
    },
    goal_callback: {
      say: t('Спасибо за помощь! Перезвоню в назначенное время.', 'Thank you for your help! I will call back at that time.'),
      hint: t('Поставьте задачу на перезвон в CRM прямо сейчас.', 'Create a callback task in the CRM right now.'),
      goal: true,
      outcome: 'callback',
      answers: [],
    },
    goal_nurture: {
      say: t(
        'Договорились: отправлю материалы сегодня и наберу вам через месяц.',
        'Agreed: I will send the materials today and call you in a month.',
      ),
      goal: true,
      outcome: 'reached',
      answers: [],
    },
    exit_polite: {
      say: t(
        'Понял вас, спасибо за время. Если ситуация изменится, мой номер у вас будет. Хорошего дня!',
        'Understood, thank you for your time. If things change, you will have my number. Have a good day!',
      ),
      hint: t('Запишите причину отказа в карточку — она пригодится при следующем звонке.', 'Write the reason for the refusal into the card: it helps on the next call.'),
      goal: true,
      outcome: 'declined',
      hintWhen: { fieldEmpty: ['loss_reason'] },
      answers: [],
    },
  },
};
