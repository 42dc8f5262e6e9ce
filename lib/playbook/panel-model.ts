import { z } from 'zod';
import { LocalizedTextSchema } from '../i18n/lang';
import { TouchOutcomeSchema } from '../touches/touch';
import { VALUE_TYPES } from './field-value';
import { CrmFeedItemSchema } from '../crm-feed/crm-feed-schema';

/**
 * What the panel shows for one client: the output of engine.evaluate(). It crosses from
 * the background to the panel page, where it is parsed again, so it is a zod schema.
 * Texts stay bilingual here; the panel picks the language.
 */

export const StageViewSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('mapped'),
    stageId: z.string(),
    name: LocalizedTextSchema,
    /** What the manager must achieve at this stage. */
    goal: LocalizedTextSchema,
    /** The stage name as the CRM shows it. */
    crmStage: z.string(),
    /** 0-based position among the playbook's stages, and their count, for a progress bar. */
    index: z.number().int().nonnegative(),
    total: z.number().int().positive(),
    /** Role that owns this stage (hunter, closer, …). */
    role: z.string(),
  }),
  /** The CRM shows a stage the playbook has no mapping for. */
  z.object({ status: z.literal('unmapped'), crmStage: z.string() }),
  /** The page shows no stage at all (a contact or company card, say). */
  z.object({ status: z.literal('none') }),
]);
export type StageView = z.infer<typeof StageViewSchema>;

export const ScriptNodeViewSchema = z.object({
  id: z.string(),
  /** What the manager says. */
  say: LocalizedTextSchema,
  /** A short coaching hint for new hires; null when it has none or its condition does not hold. */
  hint: LocalizedTextSchema.nullable(),
  /** A goal node ends the walk-through: the script reached its aim (or a polite exit). */
  goal: z.boolean(),
  /** For a goal node: the touch outcome "Log outcome" pre-fills; null to let the manager pick. */
  outcome: TouchOutcomeSchema.nullable().default(null),
  /** The client's possible answers, each leading to the next node. */
  answers: z.array(z.object({ label: LocalizedTextSchema, next: z.string() })),
});
export type ScriptNodeView = z.infer<typeof ScriptNodeViewSchema>;

export const ScriptViewSchema = z.object({
  id: z.string(),
  title: LocalizedTextSchema,
  start: z.string(),
  nodes: z.record(z.string(), ScriptNodeViewSchema),
});
export type ScriptView = z.infer<typeof ScriptViewSchema>;

export const ObjectionViewSchema = z.object({
  id: z.string(),
  /** The objection in the client's words. */
  phrase: LocalizedTextSchema,
  /** Ready answers, best first. */
  answers: z.array(LocalizedTextSchema).min(1),
  /** Other ways clients say it, for the search. */
  synonyms: z.array(z.string()).default([]),
  /** Tagged for the client's stage (or for every stage): listed before the rest. */
  relevant: z.boolean().default(true),
});
export type ObjectionView = z.infer<typeof ObjectionViewSchema>;

export const ChecklistItemSchema = z.object({
  id: z.string(),
  label: LocalizedTextSchema,
  filled: z.boolean(),
  /** The value found, '' when missing; a ticked checkbox is '1' (shown as yes). */
  value: z.string(),
  /** How the value was checked: the panel shows a checkbox as yes/no. */
  valueType: z.enum(VALUE_TYPES).default('text'),
  /** What the field holds when it is not a value of its type ("1" in a date field); null otherwise. */
  bad: z.string().nullable().default(null),
  /** Key of the page field to outline when missing; null when no such field is on the page. */
  fieldKey: z.string().nullable(),
  /** Playbook stage that first requires this field. */
  requiredFrom: z.string(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const CadenceViewSchema = z.object({
  /** The playbook segment whose norm applies. */
  segment: z.object({ id: z.string(), name: LocalizedTextSchema }),
  /** The CRM's own segment value on the card ("Средний"); shown instead of the playbook's name. */
  crmSegment: z.string().nullable().default(null),
  /** The team server's segment by revenue and why ("A: 6 % of revenue, rank 4 of 212"); null when the CRM names one or none is known. */
  revenueSegment: LocalizedTextSchema.nullable().default(null),
  /** The norm in words, e.g. "a call or meeting every 14 days". */
  rule: LocalizedTextSchema,
  /** Why this norm was chosen (the field value, the stage, or the default). */
  reason: LocalizedTextSchema.nullable().default(null),
  /** What is due next: any counting touch, or a meeting that takes place. */
  dueFor: z.enum(['touch', 'meeting']).default('touch'),
  lastTouchAt: z.number().nullable(),
  /** Latest meeting that took place, when the norm asks for meetings. */
  lastMeetingAt: z.number().nullable().default(null),
  nextDueAt: z.number().nullable(),
  overdue: z.boolean(),
  /** Whole days past due; 0 when not overdue. */
  overdueDays: z.number().int().nonnegative(),
});
export type CadenceView = z.infer<typeof CadenceViewSchema>;

export const PanelModelSchema = z.object({
  stage: StageViewSchema,
  /** The script for this stage and role; null when the stage has none. */
  script: ScriptViewSchema.nullable(),
  /** All scripts, so the manager can switch to another one. */
  scripts: z.array(z.object({ id: z.string(), title: LocalizedTextSchema })),
  /**
   * Optional: every script's full node map, so the panel can switch to another script
   * without a round trip. Without it the panel can walk only `script`.
   */
  allScripts: z.array(ScriptViewSchema).optional(),
  objections: z.array(ObjectionViewSchema),
  /** Values for the placeholders of script lines (lib/playbook/placeholders.ts); absent = unknown. */
  placeholders: z.record(z.string(), z.string()).default({}),
  checklist: z.array(ChecklistItemSchema),
  cadence: CadenceViewSchema,
  /** The CRM's own feed items that are not Sufler's touches, newest first (lib/crm-feed). */
  crmHistory: z.array(CrmFeedItemSchema).default([]),
  /** Sufler touches the CRM's feed shows too. */
  inCrm: z.array(z.string()).default([]),
});
export type PanelModel = z.infer<typeof PanelModelSchema>;
