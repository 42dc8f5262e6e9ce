import { z } from 'zod';
import { UlidSchema } from './id-schemas';
import { HIT_CLASSES } from '../tracking/hit-classes';

/** Most recipients one tracked letter may list (to, cc and bcc together). */
export const MAX_RECIPIENTS = 200;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text the database can keep exactly: no NUL (PostgreSQL refuses it), no half of a surrogate pair. */
function storedText(min: number, max: number) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL')
    .refine((s) => !LONE_SURROGATE.test(s), 'must be well-formed Unicode (a lone surrogate was found)');
}

/** An address as typed in a recipient field; checked loosely, the webmail has already accepted it. */
export const RecipientSchema = storedText(3, 320).regex(/^[^\s@<>]+@[^\s@<>]+$/, 'expected an email address');

/** When the extension sends a tracked letter: `POST /api/tracked-emails`. */
export const CreateTrackedEmailSchema = z.object({
  /** ULID made on the device: a retried request returns the same record and token. */
  id: UlidSchema,
  subject: storedText(0, 1000),
  recipients: z.array(RecipientSchema).min(1).max(MAX_RECIPIENTS),
  /** Epoch ms on the device. */
  sentAt: z.number().int().nonnegative(),
  /** clientKey() of the matched client, when the recipient matched one. */
  clientId: storedText(1, 512).optional(),
});
export type CreateTrackedEmail = z.infer<typeof CreateTrackedEmailSchema>;

export const CreatedTrackedEmailSchema = z.object({
  id: z.string(),
  /** Goes into the pixel URL; the server keeps only its hash. */
  token: z.string(),
  pixelUrl: z.string(),
  /** The sender's own part of every pixel path, for the extension's blocking rules. */
  senderKey: z.string(),
});
export type CreatedTrackedEmail = z.infer<typeof CreatedTrackedEmailSchema>;

export const HitClassSchema = z.enum(HIT_CLASSES);

export const TrackedHitSchema = z.object({
  /** Epoch ms on the server. */
  at: z.number(),
  class: HitClassSchema,
  counted: z.boolean(),
  /** Why, in words. */
  reason: z.string(),
  classifierVersion: z.number().int(),
});
export type TrackedHit = z.infer<typeof TrackedHitSchema>;

/** `GET /api/tracked-emails/:id`. */
export const TrackedEmailSchema = z.object({
  id: z.string(),
  subject: z.string(),
  recipients: z.array(z.string()),
  sentAt: z.number(),
  clientId: z.string().nullable(),
  /** Hits counted as opens (a person, or a webmail's image proxy), stored or not. */
  opens: z.number().int(),
  lastOpenAt: z.number().nullable(),
  /** Every request for the pixel, stored or not (a flood is counted, not kept). */
  hitsTotal: z.number().int(),
  /** Hits seen but not kept because the letter already had many stored. */
  hitsNotStored: z.number().int(),
  /** The stored hits, oldest first. */
  hits: z.array(TrackedHitSchema),
});
export type TrackedEmail = z.infer<typeof TrackedEmailSchema>;

export const TrackedEmailParamsSchema = z.object({ id: UlidSchema });

/** `POST /api/tracked-emails/:id/sender-views`: the extension showed the sender their own letter. */
export const SenderViewSchema = z.object({ at: z.number().int().nonnegative() });
export type SenderView = z.infer<typeof SenderViewSchema>;

export const SenderViewResultSchema = z.object({
  /** Hits re-classed as the sender's own view by this report. */
  reclassified: z.number().int(),
});

/** The `email_open` server-sent event: a counted open of one of the caller's letters. */
export const EmailOpenEventSchema = z.object({
  trackedEmailId: z.string(),
  subject: z.string(),
  clientId: z.string().nullable(),
  at: z.number(),
  class: HitClassSchema,
  reason: z.string(),
  opens: z.number().int(),
  /** The email_open touch made for the client (null for a letter linked to no client). */
  touchId: z.string().nullable(),
});
export type EmailOpenEvent = z.infer<typeof EmailOpenEventSchema>;
