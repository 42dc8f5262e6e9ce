import { z } from 'zod';
import { MAX_EPOCH_MS, TEXT_LIMITS, boundedText } from '../wire/bounded-text';
import { CRM_FEED_KINDS, CRM_FEED_OUTCOMES, MAX_FEED_ITEMS, MAX_FEED_TEXT } from './crm-feed-item';

/** A CRM feed item as it arrives from the content script (see crm-feed-item.ts). */
export const CrmFeedItemSchema = z.object({
  id: boundedText(200, 1),
  kind: z.enum(CRM_FEED_KINDS),
  outcome: z.enum(CRM_FEED_OUTCOMES),
  text: boundedText(MAX_FEED_TEXT),
  at: z.number().int().nonnegative().max(MAX_EPOCH_MS).nullable(),
  author: boundedText(TEXT_LIMITS.name).nullable(),
});

export const CrmFeedSchema = z.array(CrmFeedItemSchema).max(MAX_FEED_ITEMS);
