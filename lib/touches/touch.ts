import { z } from 'zod';
import { MAX_EPOCH_MS, TEXT_LIMITS, boundedText } from '../wire/bounded-text';
import { MANUAL_TOUCH_KINDS, TOUCH_KINDS, TOUCH_OUTCOMES, type TouchKind, type TouchOutcome } from './touch-kinds';

// The plain lists live in ./touch-kinds (zod-free, for the panel's chunk).
export { MANUAL_TOUCH_KINDS, TOUCH_KINDS, TOUCH_OUTCOMES, type TouchKind, type TouchOutcome };

export const TouchKindSchema = z.enum(TOUCH_KINDS);
export const TouchOutcomeSchema = z.enum(TOUCH_OUTCOMES);

export const TouchSchema = z.object({
  /** ULID made on the device, so a retried sync push is harmless. */
  id: boundedText(TEXT_LIMITS.id, 10),
  /** clientKey() of the CRM record. */
  clientKey: boundedText(TEXT_LIMITS.clientKey, 1),
  kind: TouchKindSchema,
  outcome: TouchOutcomeSchema,
  comment: boundedText(TEXT_LIMITS.longText),
  /** When it happened, epoch ms (the server also refuses dates ahead of its clock). */
  at: z.number().int().nonnegative().max(MAX_EPOCH_MS),
  /** The playbook stage the client was at when the touch was logged, if known. */
  stageId: boundedText(TEXT_LIMITS.id).nullable(),
  /**
   * Edits and deletions travel as new versions of the same id (lib/touches/touch-versions.ts).
   * Absent on the version first logged, so an original touch serialises as it always did and
   * a resend of one stored before edits existed is still a duplicate, not a conflict.
   */
  version: z.number().int().min(2).max(1_000_000).optional(),
  /** When this version was made (epoch ms); present with `version`. */
  updatedAt: z.number().int().nonnegative().max(MAX_EPOCH_MS).optional(),
  /** A tombstone: the touch was deleted. Kept so the deletion syncs and history keeps it. */
  deleted: z.literal(true).optional(),
});
export type Touch = z.infer<typeof TouchSchema>;

/** What the panel sends to log a touch; the background adds id, clientKey, stage and time. */
export const TouchDraftSchema = z.object({
  kind: z.enum(MANUAL_TOUCH_KINDS),
  outcome: TouchOutcomeSchema,
  comment: boundedText(TEXT_LIMITS.longText),
});
export type TouchDraft = z.infer<typeof TouchDraftSchema>;

