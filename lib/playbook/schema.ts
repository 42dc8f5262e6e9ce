import { z } from 'zod';
import { TouchKindSchema, TouchOutcomeSchema } from '../touches/touch';
import { TEXT_LIMITS, boundedText } from '../wire/bounded-text';
import { VALUE_TYPES } from './field-value';
import { normalizeText } from './text-match';
import { PARETO_CLASSES } from '../segments/pareto-classes';

/**
 * The playbook: a sales department's standard written down as data — stages and how CRM stage
 * names map onto them, branching call scripts, objection answers, the CRM fields each stage
 * requires, touch norms per client segment and daily/weekly activity norms per role.
 * The engine (engine.ts) applies it to one client; teams may import their own file, so every
 * cross-reference is checked here and each problem names its path.
 */

export const PLAYBOOK_VERSION = 1 as const;

/** Text in both UI languages: a name (short) or a line to say, a hint, an answer (long). */
const ShortText = z.object({ ru: boundedText(TEXT_LIMITS.name, 1), en: boundedText(TEXT_LIMITS.name, 1) });
const LongText = z.object({ ru: boundedText(TEXT_LIMITS.longText, 1), en: boundedText(TEXT_LIMITS.longText, 1) });
/** A reference to another part by id; checked against the ids below. */
const RefSchema = boundedText(TEXT_LIMITS.id);
const Label = boundedText(TEXT_LIMITS.label, 1);
const MAX_LIST = 500;
/** A CRM's adapter id ('amocrm', 'bitrix24', 'generic', …), the key of per-CRM stage names. */
export const CrmKeySchema = boundedText(TEXT_LIMITS.id, 1).regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be an adapter id such as "amocrm" or "bitrix24"');

/**
 * Every string is bounded and well-formed (lib/wire/bounded-text.ts): a playbook is published
 * to the server and pulled by every device of the team, so one NUL or a megabyte-long name
 * must be refused at import, naming its path. Lists are bounded so a file stays reviewable.
 */
const IdSchema = boundedText(TEXT_LIMITS.id, 1).regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case latin letters, digits, "_" or "-"');

export const RoleSchema = z.object({
  id: IdSchema,
  name: ShortText,
  description: LongText,
});
export type Role = z.infer<typeof RoleSchema>;

/**
 * Required fields are cumulative. A stage requires its own `requiredFields` plus everything its
 * parent requires; the parent is `inheritFrom` when set, otherwise the previous stage in order
 * (the first stage has none). `inheritFrom` must name an EARLIER stage, so chains never loop.
 * This is how a lost deal is handled: a deal can be lost at any step, so the lost stage inherits
 * from an early stage and adds the loss reason, instead of demanding a budget the lead never had.
 */
export const StageSchema = z.object({
  id: IdSchema,
  name: ShortText,
  /** What the manager must achieve before moving the deal on. */
  goal: LongText,
  /** Role id that owns the stage. */
  role: RefSchema,
  /** CRM stage names mapped to this stage in any CRM; compared ignoring case and extra whitespace. */
  crmNames: z.array(Label).max(MAX_LIST),
  /**
   * Stage names (or stage ids) per CRM, keyed by adapter id: Bitrix24's `C3:PREPARATION` and
   * amoCRM's «Переговоры» can both be this stage. Optional, so files written before it parse.
   */
  crmStages: z.record(CrmKeySchema, z.array(Label).max(MAX_LIST)).optional(),
  scriptId: RefSchema.optional(),
  /** Field ids this stage newly requires. */
  requiredFields: z.array(RefSchema).max(MAX_LIST),
  inheritFrom: RefSchema.optional(),
  terminal: z.enum(['won', 'lost']).optional(),
});
export type Stage = z.infer<typeof StageSchema>;

/**
 * Where the engine finds a field's value. 'contact.any' is satisfied by a phone or an email;
 * 'field' looks the value up among the page's form fields by label alias.
 */
export const FIELD_SOURCES = [
  'contact.phone',
  'contact.email',
  'contact.any',
  'budget',
  'company',
  'responsible',
  'name',
  'field',
] as const;
export const FieldSourceSchema = z.enum(FIELD_SOURCES);
export type FieldSource = z.infer<typeof FieldSourceSchema>;

export const FieldSchema = z.object({
  id: IdSchema,
  label: ShortText,
  /** Labels the field goes by on CRM pages, in the CRM's UI languages; compared case-insensitively. */
  aliases: z.array(Label).max(MAX_LIST),
  /**
   * The field's stable ids on the CRM page, tried before the labels so the field is found
   * whatever language the CRM shows: a page field key ('cf:512306', 'budget') or the form
   * control's name ('CFV[512306]').
   */
  keys: z.array(boundedText(TEXT_LIMITS.label, 1)).max(MAX_LIST).optional(),
  source: FieldSourceSchema,
  /** What a filled value looks like; the page's own field type wins when it names one. */
  type: z.enum(VALUE_TYPES).optional(),
});
export type Field = z.infer<typeof FieldSchema>;

export const ScriptAnswerSchema = z.object({ label: LongText, next: RefSchema });

/**
 * When a hint applies; every listed constraint must hold. A hint saying "move the deal to
 * «Переговоры»" carries stageNot: ['negotiation'], so it is not shown on a deal already there.
 */
export const HintConditionSchema = z.object({
  /** Shown only while the deal is NOT at one of these playbook stages. */
  stageNot: z.array(RefSchema).max(MAX_LIST).optional(),
  /** Shown only while the deal IS at one of these playbook stages. */
  stageIn: z.array(RefSchema).max(MAX_LIST).optional(),
  /** Shown only while one of these playbook fields is still empty on the card. */
  fieldEmpty: z.array(RefSchema).max(MAX_LIST).optional(),
});
export type HintCondition = z.infer<typeof HintConditionSchema>;

export const ScriptNodeSchema = z.object({
  /** May hold placeholders: {contact}, {contact_first}, {company}, {manager}, {manager_first}, {deal}, {our_company}. */
  say: LongText,
  hint: LongText.optional(),
  hintWhen: HintConditionSchema.optional(),
  /** A goal node ends the script; it has no answers. */
  goal: z.boolean().optional(),
  /** For a goal node: the outcome to pre-fill when the manager logs the call from the walk. */
  outcome: TouchOutcomeSchema.optional(),
  answers: z.array(ScriptAnswerSchema).max(MAX_LIST),
});
export type ScriptNode = z.infer<typeof ScriptNodeSchema>;

export const ScriptSchema = z.object({
  id: IdSchema,
  title: ShortText,
  /** Role the script is written for. */
  role: RefSchema.optional(),
  start: RefSchema,
  nodes: z.record(RefSchema, ScriptNodeSchema),
});
export type Script = z.infer<typeof ScriptSchema>;

export const ObjectionSchema = z.object({
  id: IdSchema,
  /** The objection in the client's words. */
  phrase: LongText,
  /** Ready answers, best first. */
  answers: z.array(LongText).min(1).max(MAX_LIST),
  /**
   * Other ways clients say it, in any language ("дороговато", "нет денег", "pricey"): the
   * panel's search matches them by word stem as it matches the phrase.
   */
  synonyms: z.array(Label).max(100).optional(),
  /** Stage ids where it is shown first; empty means every stage. Search covers all stages. */
  stages: z.array(RefSchema).max(MAX_LIST),
});
export type Objection = z.infer<typeof ObjectionSchema>;

/**
 * How a client falls into a segment. Segments are tried in order and the first match wins;
 * the 'default' segment takes everyone else (exactly one is required).
 *  - field: a page field found by one of `aliases` holds one of `values` (case-insensitive; a
 *    multi-select shown as "A, B" matches when any part matches);
 *  - stage: the deal sits at one of these playbook stages;
 *  - pareto: the team server ranked the client into one of these classes by revenue
 *    (lib/segments), and the card shows no segment of the CRM's own, which takes precedence.
 */
export const SegmentMatchSchema = z.discriminatedUnion('by', [
  z.object({
    by: z.literal('field'),
    aliases: z.array(Label).min(1).max(MAX_LIST),
    values: z.array(Label).min(1).max(MAX_LIST),
  }),
  z.object({ by: z.literal('stage'), stages: z.array(RefSchema).min(1).max(MAX_LIST) }),
  z.object({ by: z.literal('pareto'), classes: z.array(z.enum(PARETO_CLASSES)).min(1).max(PARETO_CLASSES.length) }),
  z.object({ by: z.literal('default') }),
]);
export type SegmentMatch = z.infer<typeof SegmentMatchSchema>;

/** The touch norm of a segment; lib/cadence does the date arithmetic. */
export const TouchNormSchema = z.object({
  /** Most days allowed between two counting touches. */
  touchEveryDays: z.number().positive().max(3650),
  /** Touch kinds that count toward the norm (a note never should). */
  countingKinds: z.array(TouchKindSchema).min(1),
  /** Most days between two meetings, for clients who must be met in person. */
  meetingEveryDays: z.number().positive().max(3650).optional(),
});
export type TouchNorm = z.infer<typeof TouchNormSchema>;

export const SegmentSchema = z.object({
  id: IdSchema,
  name: ShortText,
  match: SegmentMatchSchema,
  norm: TouchNormSchema,
});
export type Segment = z.infer<typeof SegmentSchema>;

export const ACTIVITY_METRICS = ['calls', 'meetings', 'proposals', 'vip_questionnaires'] as const;

/** A minimum number of actions a person in a role does per day or week. */
export const ActivityNormSchema = z.object({
  role: RefSchema,
  period: z.enum(['day', 'week']),
  metric: z.enum(ACTIVITY_METRICS),
  min: z.number().int().positive().max(100_000),
  note: LongText.optional(),
});
export type ActivityNorm = z.infer<typeof ActivityNormSchema>;

const PlaybookShape = z.object({
  version: z.literal(PLAYBOOK_VERSION),
  id: IdSchema,
  name: ShortText,
  /** The selling company's name, for the {our_company} placeholder of script lines. */
  ourCompany: boundedText(TEXT_LIMITS.name, 1).optional(),
  roles: z.array(RoleSchema).min(1).max(MAX_LIST),
  stages: z.array(StageSchema).min(1).max(MAX_LIST),
  fields: z.array(FieldSchema).max(MAX_LIST),
  scripts: z.array(ScriptSchema).max(MAX_LIST),
  objections: z.array(ObjectionSchema).max(MAX_LIST),
  segments: z.array(SegmentSchema).min(1).max(MAX_LIST),
  activityNorms: z.array(ActivityNormSchema).max(MAX_LIST),
});

type Issue = { path: (string | number)[]; message: string };

function duplicateIds(items: readonly { id: string }[], list: string): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) issues.push({ path: [list, i, 'id'], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
  return issues;
}

/** Every problem of a script graph: dangling links, goal/answer rules, unreachable nodes. */
function scriptIssues(script: Script, si: number): Issue[] {
  const issues: Issue[] = [];
  const base = ['scripts', si];
  const ids = new Set(Object.keys(script.nodes));
  if (!ids.has(script.start)) issues.push({ path: [...base, 'start'], message: `unknown node "${script.start}"` });
  for (const [nodeId, node] of Object.entries(script.nodes)) {
    const at = [...base, 'nodes', nodeId];
    if (node.goal && node.answers.length > 0) {
      issues.push({ path: [...at, 'answers'], message: 'a goal node ends the script and must have no answers' });
    }
    if (!node.goal && node.answers.length === 0) {
      issues.push({ path: [...at, 'answers'], message: 'needs at least one answer, or mark the node as a goal' });
    }
    if (node.outcome !== undefined && !node.goal) {
      issues.push({ path: [...at, 'outcome'], message: 'only a goal node has an outcome' });
    }
    node.answers.forEach((answer, ai) => {
      if (!ids.has(answer.next)) issues.push({ path: [...at, 'answers', ai, 'next'], message: `unknown node "${answer.next}"` });
    });
  }
  if (ids.has(script.start)) {
    const reached = new Set([script.start]);
    const queue = [script.start];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      for (const answer of script.nodes[id]?.answers ?? []) {
        if (ids.has(answer.next) && !reached.has(answer.next)) {
          reached.add(answer.next);
          queue.push(answer.next);
        }
      }
    }
    for (const nodeId of ids) {
      if (!reached.has(nodeId)) {
        issues.push({ path: [...base, 'nodes', nodeId], message: `unreachable from the start node "${script.start}"` });
      }
    }
  }
  return issues;
}

/** Cross-references between the playbook's parts, each problem at the path that holds it. */
function playbookIssues(pb: z.infer<typeof PlaybookShape>): Issue[] {
  const issues: Issue[] = [
    ...duplicateIds(pb.roles, 'roles'),
    ...duplicateIds(pb.stages, 'stages'),
    ...duplicateIds(pb.fields, 'fields'),
    ...duplicateIds(pb.scripts, 'scripts'),
    ...duplicateIds(pb.objections, 'objections'),
    ...duplicateIds(pb.segments, 'segments'),
  ];
  const roleIds = new Set(pb.roles.map((r) => r.id));
  const fieldIds = new Set(pb.fields.map((f) => f.id));
  const scriptIds = new Set(pb.scripts.map((s) => s.id));
  const stageIndex = new Map(pb.stages.map((s, i) => [s.id, i] as const));

  pb.stages.forEach((stage, i) => {
    if (!roleIds.has(stage.role)) issues.push({ path: ['stages', i, 'role'], message: `unknown role "${stage.role}"` });
    if (stage.scriptId !== undefined && !scriptIds.has(stage.scriptId)) {
      issues.push({ path: ['stages', i, 'scriptId'], message: `unknown script "${stage.scriptId}"` });
    }
    stage.requiredFields.forEach((fieldId, fi) => {
      if (!fieldIds.has(fieldId)) issues.push({ path: ['stages', i, 'requiredFields', fi], message: `unknown field "${fieldId}"` });
    });
    if (stage.inheritFrom !== undefined) {
      const parent = stageIndex.get(stage.inheritFrom);
      if (parent === undefined) {
        issues.push({ path: ['stages', i, 'inheritFrom'], message: `unknown stage "${stage.inheritFrom}"` });
      } else if (parent >= i) {
        issues.push({ path: ['stages', i, 'inheritFrom'], message: `must name an earlier stage, "${stage.inheritFrom}" is not before "${stage.id}"` });
      }
    }
  });

  // One CRM stage name must lead to one playbook stage, or the mapping would depend on order:
  // among the names for any CRM, and within each CRM's own list.
  const crmOwner = new Map<string, string>();
  const perCrmOwner = new Map<string, string>();
  pb.stages.forEach((stage, i) => {
    stage.crmNames.forEach((name, ni) => {
      const key = normalizeText(name);
      const owner = crmOwner.get(key);
      if (owner !== undefined && owner !== stage.id) {
        issues.push({ path: ['stages', i, 'crmNames', ni], message: `"${name}" is already mapped to stage "${owner}"` });
      }
      crmOwner.set(key, stage.id);
    });
    for (const [crm, names] of Object.entries(stage.crmStages ?? {})) {
      names.forEach((name, ni) => {
        const key = `${crm}\u0000${normalizeText(name)}`;
        const owner = perCrmOwner.get(key);
        if (owner !== undefined && owner !== stage.id) {
          issues.push({ path: ['stages', i, 'crmStages', crm, ni], message: `"${name}" is already mapped to stage "${owner}" for ${crm}` });
        }
        perCrmOwner.set(key, stage.id);
      });
    }
  });

  pb.scripts.forEach((script, si) => {
    if (script.role !== undefined && !roleIds.has(script.role)) {
      issues.push({ path: ['scripts', si, 'role'], message: `unknown role "${script.role}"` });
    }
    issues.push(...scriptIssues(script, si));
  });

  pb.scripts.forEach((script, si) => {
    for (const [nodeId, node] of Object.entries(script.nodes)) {
      const when = node.hintWhen;
      if (when === undefined) continue;
      const at = ['scripts', si, 'nodes', nodeId, 'hintWhen'];
      for (const key of ['stageNot', 'stageIn'] as const) {
        when[key]?.forEach((stageId, i) => {
          if (!stageIndex.has(stageId)) issues.push({ path: [...at, key, i], message: `unknown stage "${stageId}"` });
        });
      }
      when.fieldEmpty?.forEach((fieldId, i) => {
        if (!fieldIds.has(fieldId)) issues.push({ path: [...at, 'fieldEmpty', i], message: `unknown field "${fieldId}"` });
      });
    }
  });

  pb.objections.forEach((objection, oi) => {
    objection.stages.forEach((stageId, i) => {
      if (!stageIndex.has(stageId)) issues.push({ path: ['objections', oi, 'stages', i], message: `unknown stage "${stageId}"` });
    });
  });

  let defaults = 0;
  pb.segments.forEach((segment, si) => {
    if (segment.match.by === 'default') defaults += 1;
    if (segment.match.by === 'stage') {
      segment.match.stages.forEach((stageId, i) => {
        if (!stageIndex.has(stageId)) issues.push({ path: ['segments', si, 'match', 'stages', i], message: `unknown stage "${stageId}"` });
      });
    }
  });
  if (defaults !== 1) {
    issues.push({ path: ['segments'], message: `exactly one segment must match by "default", found ${defaults}` });
  }

  pb.activityNorms.forEach((norm, i) => {
    if (!roleIds.has(norm.role)) issues.push({ path: ['activityNorms', i, 'role'], message: `unknown role "${norm.role}"` });
  });
  return issues;
}

export const PlaybookSchema = PlaybookShape.superRefine((pb, ctx) => {
  for (const issue of playbookIssues(pb)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});
export type Playbook = z.infer<typeof PlaybookSchema>;
