import type { ActivityNorm } from '../schema';
import { t } from './text';

/**
 * Minimum activity per role. The VIP questionnaire figures come from seed 004; call and meeting
 * minimums are starting figures a sales head replaces with their own (seed 001 asks for a daily
 * minimum but gives no number).
 */
export const DEFAULT_ACTIVITY_NORMS: ActivityNorm[] = [
  { role: 'hunter', period: 'day', metric: 'calls', min: 40 },
  { role: 'hunter', period: 'week', metric: 'meetings', min: 8, note: t('Назначенные встречи', 'Meetings booked') },
  { role: 'inbound', period: 'day', metric: 'calls', min: 30 },
  { role: 'closer', period: 'day', metric: 'meetings', min: 2 },
  { role: 'closer', period: 'week', metric: 'proposals', min: 5 },
  { role: 'farmer', period: 'day', metric: 'calls', min: 20 },
  {
    role: 'farmer',
    period: 'week',
    metric: 'vip_questionnaires',
    min: 5,
    note: t('Для менеджера, который ведёт VIP-работу наряду с продажами', 'For a manager doing VIP work beside sales'),
  },
  {
    role: 'vip_lead',
    period: 'week',
    metric: 'vip_questionnaires',
    min: 15,
    note: t('Для сотрудника, занятого только VIP-программой', 'For someone working on the VIP program full time'),
  },
];
