/**
 * One item of the CRM's own event feed of a card (a note, a call, a letter, a task), as a
 * site adapter reads it off the page. Plain types, no zod: the content script builds these
 * inside the CRM's page (its size budget has no room for zod); the background parses them
 * with crm-feed-schema.ts where they arrive, as part of the ClientContext.
 */
export const CRM_FEED_KINDS = ['call', 'meeting', 'email', 'note', 'task'] as const;
export type CrmFeedKind = (typeof CRM_FEED_KINDS)[number];

/**
 * How the item went, in the touch outcomes' words: 'reached' (a call answered, a meeting
 * held, a letter from the client), 'no_answer' (a missed call), 'sent' (our letter), 'done'
 * (a note, a finished task), 'planned' (an open task: shown, never counted).
 */
export const CRM_FEED_OUTCOMES = ['reached', 'no_answer', 'sent', 'done', 'planned'] as const;
export type CrmFeedOutcome = (typeof CRM_FEED_OUTCOMES)[number];

export interface CrmFeedItem {
  /** The CRM's own id of the item where the page shows one, else one made from its content. */
  id: string;
  kind: CrmFeedKind;
  outcome: CrmFeedOutcome;
  /** The item's text as the CRM shows it, whitespace collapsed, cut to MAX_FEED_TEXT. */
  text: string;
  /** When it happened (epoch ms); null when the page shows no time we can read. */
  at: number | null;
  /** Who wrote or made it, as the CRM names them; null when not shown. */
  author: string | null;
}

/** At most this many items travel per card: the latest ones, which is what norms look at. */
export const MAX_FEED_ITEMS = 100;
/** Longer texts are cut: the panel shows a line or two, and dedup needs the start and the tag. */
export const MAX_FEED_TEXT = 1000;

/** The newest MAX_FEED_ITEMS items, each text bounded (keeps the tag at the end readable). */
export function boundFeed(items: readonly CrmFeedItem[]): CrmFeedItem[] {
  const kept = items.length > MAX_FEED_ITEMS ? items.slice(items.length - MAX_FEED_ITEMS) : [...items];
  return kept.map((item) => (item.text.length > MAX_FEED_TEXT ? { ...item, text: cutText(item.text) } : item));
}

/** Keep the head and the last 60 units (where Sufler's tag sits), dropping lone surrogates at the cut. */
function cutText(text: string): string {
  const tail = text.slice(-60);
  const head = text.slice(0, MAX_FEED_TEXT - 61);
  return `${head}…${tail}`.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}
