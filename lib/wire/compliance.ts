import { z } from 'zod';
import { UlidSchema } from './id-schemas';

/**
 * A compliance snapshot: what a manager's extension saw on a deal card — which required fields
 * were filled and which were empty at the deal's stage. One per deal per day unless something
 * changed. It crosses to the team server, so every string is bounded and unknown keys are refused.
 */

/** A NUL or a lone surrogate cannot be stored in a PostgreSQL text or jsonb value. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A string of at most `max` UTF-16 units that PostgreSQL can store. */
export function boundedText(max: number): z.ZodString {
  return z
    .string()
    .max(max)
    .refine((s) => !UNSTORABLE.test(s), { message: "contains a NUL or a lone surrogate" });
}

export const SNAPSHOT_LIMITS = {
  clientKey: 512,
  crm: 64,
  account: 255,
  crmId: 128,
  url: 2048,
  title: 500,
  stage: 255,
  id: 64,
  responsible: 255,
  fields: 100,
} as const;

/** A calendar day, YYYY-MM-DD, that exists. */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'no such date');

export const SnapshotFieldSchema = z.strictObject({
  /** The playbook field id. */
  id: boundedText(SNAPSHOT_LIMITS.id).min(1),
  filled: z.boolean(),
});
export type SnapshotField = z.infer<typeof SnapshotFieldSchema>;

export const ComplianceSnapshotSchema = z.strictObject({
  /** ULID made on the device; the push item carries the same id. */
  id: UlidSchema,
  clientKey: boundedText(SNAPSHOT_LIMITS.clientKey).min(1),
  /** The CRM adapter, e.g. 'amocrm'. */
  crm: boundedText(SNAPSHOT_LIMITS.crm).min(1),
  account: boundedText(SNAPSHOT_LIMITS.account).min(1),
  entity: z.enum(['lead', 'contact', 'company', 'deal', 'unknown']),
  crmId: boundedText(SNAPSHOT_LIMITS.crmId).min(1),
  /** The card's address, so a report links back to it; '' when unknown. */
  url: boundedText(SNAPSHOT_LIMITS.url),
  title: boundedText(SNAPSHOT_LIMITS.title),
  /** The stage as the CRM names it. */
  crmStage: boundedText(SNAPSHOT_LIMITS.stage).nullable(),
  /** The playbook stage it maps to, null when unmapped. */
  stageId: boundedText(SNAPSHOT_LIMITS.id).nullable(),
  terminal: z.enum(['won', 'lost']).nullable(),
  /** The responsible person as the card names them. */
  responsible: boundedText(SNAPSHOT_LIMITS.responsible).nullable(),
  /** The playbook segment the client falls in (touch norms). */
  segmentId: boundedText(SNAPSHOT_LIMITS.id).nullable(),
  /** The deal's amount read off the card, in the card's currency units. */
  amount: z.number().finite().nonnegative().max(1e13).nullable(),
  /** Every field the stage requires, filled or not. */
  fields: z.array(SnapshotFieldSchema).max(SNAPSHOT_LIMITS.fields),
  /** The manager's local day the card was viewed on. */
  day: DaySchema,
  /** When it was viewed, epoch ms. */
  takenAt: z.number().int().nonnegative(),
});
export type ComplianceSnapshot = z.infer<typeof ComplianceSnapshotSchema>;

/** How far ahead of the server's clock a device clock may run before a snapshot is refused. */
export const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;
