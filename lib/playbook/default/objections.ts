import type { Objection } from '../schema';
import { t } from './text';

const EARLY = ['lead', 'qualification', 'meeting_booked'];
const CLOSING = ['proposal_sent', 'negotiation'];

/** Common objections in B2B sales, each with ready answers, best first. */
export const DEFAULT_OBJECTIONS: Objection[] = [
  {
    id: 'too_expensive',
    phrase: t('Дорого', 'Too expensive'),
    answers: [
      t(
        'С чем сравниваете? Давайте положим предложения рядом и посмотрим, что входит в цену у нас и у них.',
        'What are you comparing with? Let us put the offers side by side and see what the price includes in each.',
      ),
      t(
        'Давайте посчитаем, сколько вы теряете сейчас без решения, — часто разница окупается за несколько месяцев.',
        'Let us work out what the current situation costs you; the difference often pays for itself within a few months.',
      ),
      t(
        'Можем убрать то, что вам сейчас не нужно, или разбить оплату на этапы. Что для вас важнее — сумма или порядок оплаты?',
        'We can drop what you do not need now, or split the payment into stages. Which matters more to you: the total or the schedule?',
      ),
    ],
    synonyms: ['дорого', 'дороговато', 'дорогой', 'дороже', 'цена', 'высокая цена', 'не по карману', 'expensive', 'pricey', 'price', 'costly', 'too much'],
    stages: [...CLOSING, 'needs_identified'],
  },
  {
    id: 'have_supplier',
    phrase: t('У нас уже есть поставщик', 'We already have a supplier'),
    answers: [
      t(
        'Отлично, значит, вы знаете, что ждать от такой услуги. Что вам нравится в работе с ними и что хотелось бы улучшить?',
        'Good, so you know what to expect from such a service. What do you like about working with them, and what would you improve?',
      ),
      t(
        'Многие наши клиенты держат двух поставщиков, чтобы сравнивать условия и не зависеть от одного. Давайте начнём с небольшого заказа.',
        'Many of our clients keep two suppliers to compare terms and avoid depending on one. Shall we start with a small order?',
      ),
    ],
    synonyms: ['поставщик', 'уже работаем', 'есть подрядчик', 'работаем с другими', 'другая компания', 'supplier', 'vendor', 'already work with'],
    stages: EARLY,
  },
  {
    id: 'send_by_email',
    phrase: t('Пришлите предложение на почту', 'Send me a proposal by email'),
    answers: [
      t(
        'Пришлю. Чтобы оно было про вас, а не общим, уточню два вопроса: … и …?',
        'I will. So it is about you rather than generic, may I ask two quick questions: … and …?',
      ),
      t(
        'Конечно. Когда вам удобно созвониться на 10 минут, чтобы я пояснил цифры и ответил на вопросы?',
        'Of course. When can we have a 10-minute call so I can explain the figures and answer questions?',
      ),
    ],
    synonyms: ['пришлите', 'отправьте', 'скиньте', 'на почту', 'кп на почту', 'email', 'send', 'proposal by email'],
    stages: ['lead', 'qualification', 'meeting_booked', 'needs_identified'],
  },
  {
    id: 'no_time',
    phrase: t('Сейчас нет времени', 'I have no time now'),
    answers: [
      t(
        'Понимаю. Когда вам удобно — завтра утром или после обеда? Перезвоню точно в это время.',
        'I understand. When suits you: tomorrow morning or afternoon? I will call back exactly then.',
      ),
      t(
        'Одна минута, только главное: … . Если это интересно — договоримся о времени для подробного разговора.',
        'One minute, just the essentials: … . If it sounds useful, we will set a time for a proper talk.',
      ),
    ],
    synonyms: ['некогда', 'занят', 'неудобно говорить', 'перезвоните', 'нет времени', 'busy', 'no time', 'call back later'],
    stages: [],
  },
  {
    id: 'need_to_think',
    phrase: t('Мне нужно подумать / посоветоваться', 'I need to think it over / consult'),
    answers: [
      t(
        'Конечно. Скажите, над чем именно хотите подумать — цена, сроки, условия? Возможно, я отвечу сразу.',
        'Of course. What exactly do you want to think over: price, timing, terms? Perhaps I can answer right now.',
      ),
      t(
        'С кем будете советоваться? Давайте я подготовлю для них короткую сводку или встречусь с ними сам.',
        'Who will you consult? Let me prepare a short summary for them or meet them myself.',
      ),
      t(
        'Хорошо. Когда мне вернуться к вам за решением — в четверг подойдёт?',
        'Fine. When should I come back for your decision: would Thursday work?',
      ),
    ],
    synonyms: ['подумаю', 'подумать', 'надо подумать', 'посоветоваться', 'посоветуюсь', 'обсудить с руководством', 'think', 'think it over', 'consult'],
    stages: CLOSING,
  },
  {
    id: 'no_budget',
    phrase: t('В этом году нет бюджета', 'There is no budget this year'),
    answers: [
      t(
        'Когда планируете бюджет на следующий год? Давайте подготовим расчёт заранее, чтобы заложить его.',
        "When do you plan next year's budget? Let us prepare a calculation in advance so you can include it.",
      ),
      t(
        'Можно начать с пилота на небольшую сумму или с оплаты по этапам — так расход попадёт в текущие лимиты.',
        'We could start with a small pilot or staged payments, so the cost fits within current limits.',
      ),
    ],
    synonyms: ['нет денег', 'денег нет', 'деньги', 'бюджет', 'нет бюджета', 'финансы', 'no money', 'budget', 'cannot afford'],
    stages: ['qualification', 'needs_identified', ...CLOSING],
  },
  {
    id: 'not_decision_maker',
    phrase: t('Это решаю не я', "I'm not the one who decides"),
    answers: [
      t(
        'Спасибо, что сказали. Кто принимает решение? Давайте встретимся вместе — я подготовлю то, что важно именно ему.',
        'Thanks for telling me. Who makes the decision? Let us meet together; I will prepare what matters to them.',
      ),
      t(
        'Ваше мнение всё равно важно: что вы бы порекомендовали руководителю? Помогу подготовить обоснование.',
        'Your view still matters: what would you recommend to your manager? I can help you prepare the case.',
      ),
    ],
    synonyms: ['не решаю', 'не я решаю', 'руководитель', 'директор', 'начальство', 'ЛПР', 'boss', 'decision maker', 'not my decision'],
    stages: ['qualification', 'meeting_booked', 'needs_identified', 'proposal_sent'],
  },
  {
    id: 'bad_experience',
    phrase: t('У нас были проблемы с вашим качеством', 'We had quality problems with you'),
    answers: [
      t(
        'Спасибо, что говорите прямо. Расскажите, что случилось, — я запишу и лично прослежу за решением, пока вы не подтвердите результат.',
        'Thank you for being direct. Tell me what happened; I will record it and follow it personally until you confirm it is fixed.',
      ),
      t(
        'Давайте я сначала разберусь с этой проблемой, а к остальному вернёмся, когда вы будете довольны.',
        'Let me deal with that problem first; we will return to everything else once you are satisfied.',
      ),
    ],
    synonyms: ['проблемы', 'жалоба', 'качество', 'подвели', 'complaint', 'quality', 'problem'],
    stages: ['won', 'handed_over', 'growth'],
  },
  {
    id: 'all_is_fine',
    phrase: t('Нас всё устраивает, ничего не нужно', "We're happy as we are, we need nothing"),
    answers: [
      t(
        'Рад это слышать! Подскажите, какие задачи у вас на следующий месяц — возможно, мы уже умеем с ними помогать.',
        "Glad to hear it! What are your plans for next month? We may already be able to help with them.",
      ),
      t(
        'Кого из ваших партнёров могла бы заинтересовать такая же работа? Будем благодарны за рекомендацию.',
        'Which of your partners might want the same kind of service? We would be grateful for a referral.',
      ),
    ],
    synonyms: ['всё устраивает', 'ничего не нужно', 'не нужно', 'не интересно', 'happy', 'need nothing', 'not interested'],
    stages: ['handed_over', 'growth'],
  },
];
