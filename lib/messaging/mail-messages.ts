import { z } from 'zod';
import { MAX_RECIPIENTS } from '../wire/tracking';

const Address = z.string().max(320);
const Addresses = z.array(Address).max(MAX_RECIPIENTS);

/**
 * A webmail tab's relay asks the background about a letter being sent (lib/mail/mail-relay.ts).
 * Parsed here, where it arrives from the page: bounded, so a page cannot make us store a
 * megabyte subject or a thousand recipients.
 */
export const MailSendRequestSchema = z.object({
  type: z.literal('mail:send'),
  site: z.string().min(1).max(40),
  from: Address.nullable(),
  letter: z.object({
    messageId: z.string().min(1).max(200),
    to: Addresses,
    cc: Addresses,
    bcc: Addresses,
    subject: z.string().max(1000),
  }),
});
export type MailSendRequest = z.infer<typeof MailSendRequestSchema>;

/** The answer: the markup to append to the letter, or null to send it untouched. */
export interface MailSendAnswer {
  pixelHtml: string | null;
}
