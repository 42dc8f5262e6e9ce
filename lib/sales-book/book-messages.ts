import { z } from 'zod';
import { ReportErrorSchema } from '../reports/report-messages';
import { CrmKeySchema } from '../playbook/schema';
import { TEXT_LIMITS, boundedText } from '../wire/bounded-text';
import { PlaybookVersionParamsSchema } from '../wire/playbooks';

/**
 * The sales book editor (options page) and the panel's one-click stage mapping ask the
 * background, which holds the server address and token, as the dashboard does for reports.
 * The background checks the sender and these shapes; the server checks the playbook again.
 */
const Version = PlaybookVersionParamsSchema.shape.version;

export const BookRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('book:versions') }),
  z.object({ type: z.literal('book:version'), version: Version }),
  z.object({ type: z.literal('book:publish'), playbook: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('book:rollback'), version: Version }),
  z.object({ type: z.literal('book:draft') }),
  z.object({ type: z.literal('book:save-draft'), playbook: z.record(z.string(), z.unknown()) }),
  /** Add the CRM's stage name to a stage of the team's draft (made from the published one if none). */
  z.object({
    type: z.literal('book:map-stage'),
    stageId: boundedText(TEXT_LIMITS.id, 1),
    source: CrmKeySchema,
    crmStage: boundedText(TEXT_LIMITS.label, 1),
  }),
]);
export type BookRequest = z.infer<typeof BookRequestSchema>;

/** Every answer: the server's JSON as parsed by the background, or why it failed (worded by the page). */
export const BookAnswerSchema = z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: ReportErrorSchema })]);
export type BookAnswer = { ok: true; value: unknown } | { ok: false; error: z.infer<typeof ReportErrorSchema> };
