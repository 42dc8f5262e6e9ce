import type { CrmFeedItem } from './crm-feed-item';

/**
 * Reads a card's own event feed off the page. Given the nodes changed since its last call
 * (null: anything may have changed) it re-reads only the items they lie in. Returns null
 * when the page shows no feed; never throws (bad markup → null, or items left out).
 */
export type FeedReader = (doc: Document, changed: ReadonlySet<Node> | null, now: number) => CrmFeedItem[] | null;
