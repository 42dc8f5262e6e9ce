import { z } from 'zod';
import type { ClientContext } from '../context/client-context';
import { feedAsTouches, mergeCrmHistory } from '../crm-feed/merge-crm-history';
import { LocalizedTextSchema } from '../i18n/lang';
import { matchStage } from '../playbook/engine';
import type { Playbook, Segment } from '../playbook/schema';
import type { ParetoClass } from '../segments/pareto-classes';
import type { Touch } from '../touches/touch';
import { computeCadence } from './next-touch-due';
import { crmSegmentValue, explainSegment, type RevenueSegment } from './segment-match';

/**
 * "My key clients" (issue 12): the clients this manager has opened that are key, with what the
 * norm asks of each next, most overdue first. Key means the team's revenue split put the client
 * in the top or A, or the card's own CRM segment picks a key segment of the playbook.
 */

/** The revenue classes that make a client key whatever the card says (seed 004). */
export const KEY_CLASSES: readonly ParetoClass[] = ['top', 'a'];

/** At most this many rows travel to the panel and popup; the count says how many there are. */
export const KEY_CLIENT_LIMIT = 100;

/**
 * A key segment: one the playbook fills from the top or A of the revenue split, or one read from
 * the CRM field with a meeting norm — the seeds meet key clients in person, others they do not.
 */
export function isKeySegment(segment: Segment): boolean {
  const m = segment.match;
  if (m.by === 'pareto') return m.classes.some((c) => KEY_CLASSES.includes(c));
  return m.by === 'field' && segment.norm.meetingEveryDays !== undefined;
}

/** A client as the clients table keeps it: what is needed to judge and to open its card. */
export interface KeyClientSource {
  key: string;
  name: string;
  crmId: string;
  context: ClientContext;
}

/** A client that is key, with the segment whose norm applies to it. */
export interface KeyClientCandidate {
  client: KeyClientSource;
  segment: Segment;
  crmSegment: string | null;
  revenue: RevenueSegment | null;
}

/**
 * Which clients are key. The segment is chosen as the panel chooses it (segment-match.ts), so the
 * list and the client's own panel always agree on the norm.
 */
export function selectKeyClients(
  playbook: Playbook,
  clients: readonly KeyClientSource[],
  revenueOf: (clientKey: string) => RevenueSegment | null,
): KeyClientCandidate[] {
  const picked: KeyClientCandidate[] = [];
  for (const client of clients) {
    const revenue = revenueOf(client.key);
    const { context } = client;
    const crmStage = context.stage?.trim() ?? '';
    const stage = crmStage === '' ? undefined : matchStage(playbook, crmStage, { source: context.source, stageId: context.stageId });
    const chosen = explainSegment(playbook.segments, context.fields, stage?.id ?? null, revenue);
    if (chosen === undefined) continue;
    const byRevenue = revenue !== null && KEY_CLASSES.includes(revenue.class);
    if (!byRevenue && !isKeySegment(chosen.segment)) continue;
    picked.push({ client, segment: chosen.segment, crmSegment: crmSegmentValue(playbook.segments, context.fields), revenue });
  }
  return picked;
}

/** Only web addresses become links: a card URL from a hostile page must not run script on a click. */
export function cardUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export const KeyClientRowSchema = z.object({
  clientKey: z.string(),
  /** The card's name, or its CRM id when the card has none. */
  name: z.string(),
  /** The CRM card to open; null when the stored address is not a web address. */
  url: z.string().nullable(),
  segment: z.object({ id: z.string(), name: LocalizedTextSchema }),
  /** The CRM's own segment on the card, shown instead of the playbook's name when present. */
  crmSegment: z.string().nullable(),
  dueFor: z.enum(['touch', 'meeting']),
  nextDueAt: z.number(),
  lastTouchAt: z.number().nullable(),
  overdue: z.boolean(),
  overdueDays: z.number().int().nonnegative(),
});
export type KeyClientRow = z.infer<typeof KeyClientRowSchema>;

export const KeyClientsViewSchema = z.object({
  rows: z.array(KeyClientRowSchema),
  /** How many key clients there are in all (rows holds the first KEY_CLIENT_LIMIT). */
  total: z.number().int().nonnegative(),
});
export type KeyClientsView = z.infer<typeof KeyClientsViewSchema>;

/**
 * The norm applied to each key client at `now`, most overdue first: by the due moment, earliest
 * first (so two clients late by the same count of days keep the later-due one below), then by name.
 * The CRM's own feed on the stored card counts as in the panel, each contact once.
 */
export function keyClientRows(candidates: readonly KeyClientCandidate[], touchesOf: (clientKey: string) => readonly Touch[], now: number): KeyClientRow[] {
  const rows = candidates.map(({ client, segment, crmSegment }): KeyClientRow => {
    const touches = touchesOf(client.key);
    const crm = mergeCrmHistory(touches, client.context.feed);
    const history = crm.items.length === 0 ? touches : [...touches, ...feedAsTouches(crm.items, client.key)];
    const state = computeCadence(segment.norm, history, now);
    return {
      clientKey: client.key,
      name: client.name.trim() !== '' ? client.name : client.crmId,
      url: cardUrl(client.context.url),
      segment: { id: segment.id, name: segment.name },
      crmSegment,
      dueFor: state.dueFor,
      nextDueAt: state.nextDueAt,
      lastTouchAt: state.lastTouchAt,
      overdue: state.overdue,
      overdueDays: state.overdueDays,
    };
  });
  return rows.sort((a, b) => a.nextDueAt - b.nextDueAt || a.name.localeCompare(b.name) || (a.clientKey < b.clientKey ? -1 : a.clientKey > b.clientKey ? 1 : 0));
}

/** The list for the panel and popup, cut to KEY_CLIENT_LIMIT rows. */
export function keyClientsView(candidates: readonly KeyClientCandidate[], touchesOf: (clientKey: string) => readonly Touch[], now: number): KeyClientsView {
  const rows = keyClientRows(candidates, touchesOf, now);
  return { rows: rows.slice(0, KEY_CLIENT_LIMIT), total: rows.length };
}
