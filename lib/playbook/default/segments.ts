import type { Segment } from '../schema';
import { t } from './text';

const SEGMENT_LABELS = ['Сегмент', 'Сегмент клиента', 'Категория клиента', 'Тип клиента', 'Segment', 'Client segment', 'Client category', 'Customer tier'];

/**
 * Touch norms for key and other clients. Tried in order, first match wins:
 *  - top key clients: a touch twice a month (every 15 days) and a meeting every month;
 *  - key clients (the 20 % giving 80 % of revenue): a call or meeting twice a month — direct mail
 *    counts — and a meeting every quarter (90 days);
 *  - the same two by revenue, where the card names no segment of its own: the top of the team's
 *    Pareto split (lib/segments) as the top key clients, the rest of class A as key clients;
 *  - open deals, not yet won or lost: contact every 3 days so a lead does not go cold
 *    (with no touch yet, the first one is due at once);
 *  - everyone else: some contact every 30 days, a starting figure each team may change.
 */
export const DEFAULT_SEGMENTS: Segment[] = [
  {
    id: 'top_key',
    name: t('Топ-ключевой клиент', 'Top key client'),
    match: { by: 'field', aliases: SEGMENT_LABELS, values: ['Топ', 'Топ-ключевой', 'Стратегический', 'Top', 'Top key', 'Strategic'] },
    norm: { touchEveryDays: 15, countingKinds: ['call', 'meeting', 'direct_mail'], meetingEveryDays: 30 },
  },
  {
    id: 'key',
    name: t('Ключевой клиент', 'Key client'),
    match: { by: 'field', aliases: SEGMENT_LABELS, values: ['Ключевой', 'Ключевой клиент', 'VIP', 'Key', 'Key client', 'Key account'] },
    norm: { touchEveryDays: 15, countingKinds: ['call', 'meeting', 'direct_mail'], meetingEveryDays: 90 },
  },
  {
    id: 'revenue_top',
    name: t('Самый ценный по выручке', 'Most valuable by revenue'),
    match: { by: 'pareto', classes: ['top'] },
    norm: { touchEveryDays: 15, countingKinds: ['call', 'meeting', 'direct_mail'], meetingEveryDays: 30 },
  },
  {
    id: 'revenue_a',
    name: t('Ключевой по выручке (A)', 'Key by revenue (A)'),
    match: { by: 'pareto', classes: ['a'] },
    norm: { touchEveryDays: 15, countingKinds: ['call', 'meeting', 'direct_mail'], meetingEveryDays: 90 },
  },
  {
    id: 'new_lead',
    name: t('Новая сделка', 'Open deal'),
    match: { by: 'stage', stages: ['lead', 'qualification', 'meeting_booked', 'needs_identified', 'proposal_sent', 'negotiation'] },
    norm: { touchEveryDays: 3, countingKinds: ['call', 'meeting', 'email'] },
  },
  {
    id: 'regular',
    name: t('Обычный клиент', 'Regular client'),
    match: { by: 'default' },
    norm: { touchEveryDays: 30, countingKinds: ['call', 'meeting', 'email', 'direct_mail'] },
  },
];
