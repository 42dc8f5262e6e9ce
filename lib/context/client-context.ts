import { z } from 'zod';
import { CrmFeedSchema } from '../crm-feed/crm-feed-schema';

/**
 * What an adapter reads off a CRM page: the client and deal the manager is looking at.
 * It crosses from the host page's content script to the background, so it is parsed
 * with zod on arrival; field values are plain strings, '' meaning "empty on the page".
 */
export const ContactSchema = z.object({
  name: z.string(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
});
export type Contact = z.infer<typeof ContactSchema>;

export const PageFieldSchema = z.object({
  /** Stable key the adapter can find the field by again, e.g. 'cf:512345', 'budget'. */
  key: z.string().min(1),
  /** The label the user sees next to the field, as on the page. */
  label: z.string(),
  /** The value as text; '' when the field is empty. */
  value: z.string(),
  /** The CRM's own field type when the page says it ('date', 'checkbox', 'numeric', …). */
  type: z.string().max(40).optional(),
});
export type PageField = z.infer<typeof PageFieldSchema>;

export const ClientContextSchema = z.object({
  /** Adapter id, e.g. 'amocrm' or 'generic'. */
  source: z.string().min(1),
  /** CRM account host, e.g. 'acme.amocrm.ru'. */
  account: z.string().min(1),
  entity: z.enum(['lead', 'contact', 'company', 'deal', 'unknown']),
  /** The record's id in the CRM. */
  crmId: z.string().min(1),
  url: z.string(),
  /** Deal or client name as shown on the card. */
  name: z.string(),
  pipeline: z.string().nullable(),
  /** Stage name as the CRM shows it; mapped to a playbook stage by the engine. */
  stage: z.string().nullable(),
  stageId: z.string().nullable(),
  /** Budget as shown (digits and separators kept as text), '' when empty. */
  budget: z.string(),
  responsible: z.string().nullable(),
  company: z.string().nullable(),
  contacts: z.array(ContactSchema),
  /** Every form field of the card, by visible label, empty ones included. */
  fields: z.array(PageFieldSchema),
  /** Where the data came from: the page's own JavaScript state, or its markup. */
  origin: z.enum(['page-data', 'dom']),
  /** The card's own event feed as the CRM shows it (lib/crm-feed); absent where not read. */
  feed: CrmFeedSchema.optional(),
});
export type ClientContext = z.infer<typeof ClientContextSchema>;

export { clientKey } from './client-key';
