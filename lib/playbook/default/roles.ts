import type { Role } from '../schema';
import { t } from './text';

/** Specialised roles, each with its own stage of the deal. */
export const DEFAULT_ROLES: Role[] = [
  {
    id: 'inbound',
    name: t('Входящие заявки', 'Inbound'),
    description: t(
      'Быстро отвечает на заявки от маркетинга, квалифицирует и передаёт клоузеру.',
      'Answers marketing requests quickly, qualifies them and hands them to a closer.',
    ),
  },
  {
    id: 'hunter',
    name: t('Хантер (разведчик)', 'Hunter (scout)'),
    description: t(
      'Находит новых клиентов, выясняет потребность и назначает встречи; сделки не закрывает.',
      'Finds new prospects, learns their need and books meetings; does not close deals.',
    ),
  },
  {
    id: 'closer',
    name: t('Клоузер', 'Closer'),
    description: t(
      'Превращает квалифицированный лид в подписанный договор с максимальным первым чеком.',
      'Turns a qualified lead into a signed contract with the largest possible first order.',
    ),
  },
  {
    id: 'farmer',
    name: t('Фермер (клиентский отдел)', 'Farmer (account manager)'),
    description: t(
      'Удерживает и развивает действующих клиентов, следит за оплатами и повторными заказами.',
      'Keeps and grows existing clients, watches payments and repeat orders.',
    ),
  },
  {
    id: 'customer_success',
    name: t('Успех клиента', 'Customer success'),
    description: t(
      'Помогает клиенту получить результат от покупки; оценивается по повторным заказам.',
      'Helps the client get results from the purchase; judged by repeat orders.',
    ),
  },
  {
    id: 'vip_lead',
    name: t('Руководитель VIP-программы', 'VIP program lead'),
    description: t(
      'Планирует и контролирует VIP-программу: встречи с ключевыми лицами клиентов и анкеты.',
      "Plans and runs the VIP program: meetings with clients' key people and questionnaires.",
    ),
  },
];
