import type { ClientContext } from '../context/client-context';
import type { Touch } from '../touches/touch';
import { computeCadence } from '../cadence/next-touch-due';
import { describeNorm, describeReason } from '../cadence/rule-text';
import { crmSegmentValue, explainSegment, type RevenueSegment } from '../cadence/segment-match';
import { CadenceViewSchema, type CadenceView, type ObjectionView, type PanelModel, type ScriptView, type StageView } from './panel-model';
import type { HintCondition, Playbook, Script, Stage } from './schema';
import { placeholderValues } from './placeholders';
import { buildChecklist, resolveField } from './checklist';
import { normalizeText } from './text-match';
import { feedAsTouches, mergeCrmHistory } from '../crm-feed/merge-crm-history';
import { clientKey } from '../context/client-key';

/** CRM stage names are compared ignoring case, 'ё'/'е' and extra or non-breaking spaces. */
export function normalizeStageName(s: string): string {
  return normalizeText(s);
}

/** Which CRM shows the stage, and under what: its name, and its own id where the page holds one. */
export interface CrmStageRef {
  /** Adapter id ('amocrm', 'bitrix24', …); without it only the names for any CRM are tried. */
  source?: string;
  /** The CRM's stage id, e.g. Bitrix24's `C3:PREPARATION`. */
  stageId?: string | null;
}

/**
 * The playbook stage a CRM stage maps to, or undefined when none lists it. The CRM's own list
 * (`crmStages[source]`, by name or stage id) wins over the names for any CRM (`crmNames`), so a
 * team running two CRMs can map the same word differently in each.
 */
export function matchStage(playbook: Playbook, crmStage: string, ref: CrmStageRef = {}): Stage | undefined {
  const name = normalizeStageName(crmStage);
  const id = normalizeStageName(ref.stageId ?? '');
  if (name === '' && id === '') return undefined;
  const source = ref.source;
  if (source !== undefined) {
    // The CRM's own list also holds stage ids, which a name for any CRM never is.
    const own = playbook.stages.find((stage) =>
      (Object.hasOwn(stage.crmStages ?? {}, source) ? (stage.crmStages?.[source] ?? []) : []).some((n) => {
        const listed = normalizeStageName(n);
        return listed !== '' && (listed === name || listed === id);
      }),
    );
    if (own !== undefined) return own;
  }
  if (name === '') return undefined;
  return playbook.stages.find((stage) => stage.crmNames.some((n) => normalizeStageName(n) === name));
}

/** Where the deal is and what the card lacks: what a hint's condition is checked against. */
export interface HintFacts {
  stageId: string | null;
  /** Playbook field ids still empty on the card. */
  emptyFields: ReadonlySet<string>;
}

/** True when every constraint of the hint's condition holds (no condition: always). */
export function hintApplies(when: HintCondition | undefined, facts: HintFacts): boolean {
  if (when === undefined) return true;
  if (when.stageNot !== undefined && facts.stageId !== null && when.stageNot.includes(facts.stageId)) return false;
  if (when.stageIn !== undefined && (facts.stageId === null || !when.stageIn.includes(facts.stageId))) return false;
  if (when.fieldEmpty !== undefined && !when.fieldEmpty.some((id) => facts.emptyFields.has(id))) return false;
  return true;
}

export function toScriptView(script: Script, facts: HintFacts = { stageId: null, emptyFields: new Set() }): ScriptView {
  const nodes: ScriptView['nodes'] = {};
  for (const [id, node] of Object.entries(script.nodes)) {
    nodes[id] = {
      id,
      say: node.say,
      hint: node.hint !== undefined && hintApplies(node.hintWhen, facts) ? node.hint : null,
      goal: node.goal ?? false,
      outcome: node.outcome ?? null,
      answers: node.answers.map((a) => ({ label: a.label, next: a.next })),
    };
  }
  return { id: script.id, title: script.title, start: script.start, nodes };
}

/**
 * What the panel shows for one client: pure, so the same inputs always give the same model and
 * nothing is read from the clock, the page or storage.
 *  - stage: mapped, 'unmapped' (the CRM shows a stage the playbook does not list) or 'none';
 *  - objections: all of them, those tagged for the stage (and untagged ones) first and marked
 *    relevant; every one is relevant without a mapped stage;
 *  - checklist: cumulative requirements of the stage; without a mapped stage, the first stage's
 *    requirements, the minimum every client needs;
 *  - cadence: the client's segment norm applied to the touches (see lib/cadence).
 */
export function evaluate(playbook: Playbook, context: ClientContext, touches: Touch[], now: number, revenue: RevenueSegment | null = null): PanelModel {
  const crmStage = context.stage?.trim() ?? '';
  const stage = crmStage === '' ? undefined : matchStage(playbook, crmStage, { source: context.source, stageId: context.stageId });

  let stageView: StageView;
  if (stage !== undefined) {
    stageView = {
      status: 'mapped',
      stageId: stage.id,
      name: stage.name,
      goal: stage.goal,
      crmStage: context.stage ?? '',
      index: playbook.stages.indexOf(stage),
      total: playbook.stages.length,
      role: stage.role,
    };
  } else if (crmStage !== '') {
    stageView = { status: 'unmapped', crmStage: context.stage ?? '' };
  } else {
    stageView = { status: 'none' };
  }

  const stageScript = stage?.scriptId === undefined ? undefined : playbook.scripts.find((s) => s.id === stage.scriptId);

  // Every objection, the stage's own first: a client says "I need to think" at any stage.
  const objectionViews: ObjectionView[] = playbook.objections.map((o) => ({
    id: o.id,
    phrase: o.phrase,
    answers: [...o.answers],
    synonyms: [...(o.synonyms ?? [])],
    relevant: stage === undefined || o.stages.length === 0 || o.stages.includes(stage.id),
  }));
  const objections = [...objectionViews.filter((o) => o.relevant), ...objectionViews.filter((o) => !o.relevant)];

  const checklistStage = stage ?? playbook.stages[0];
  const checklist = checklistStage === undefined ? [] : buildChecklist(playbook, checklistStage.id, context);

  const facts: HintFacts = { stageId: stage?.id ?? null, emptyFields: emptyFieldIds(playbook, context) };
  // The CRM's own history counts toward the norms too, each contact once (lib/crm-feed).
  const crm = mergeCrmHistory(touches, context.feed);
  const history = crm.items.length === 0 ? touches : [...touches, ...feedAsTouches(crm.items, clientKey(context))];
  return {
    stage: stageView,
    script: stageScript === undefined ? null : toScriptView(stageScript, facts),
    scripts: playbook.scripts.map((s) => ({ id: s.id, title: s.title })),
    // Every script in full, so the panel can switch scripts without asking the background again.
    allScripts: playbook.scripts.map((s) => toScriptView(s, facts)),
    objections,
    placeholders: placeholderValues(context, playbook.ourCompany),
    checklist,
    cadence: cadenceView(playbook, context, history, now, stage?.id ?? null, revenue),
    crmHistory: crm.items,
    inCrm: crm.inCrm,
  };
}

/** Playbook fields the card leaves empty, whatever the stage requires. */
function emptyFieldIds(playbook: Playbook, context: ClientContext): Set<string> {
  return new Set(playbook.fields.filter((f) => resolveField(f, context).value === '').map((f) => f.id));
}

/** `touches` is this client's history (the caller selects it by clientKey). */
function cadenceView(playbook: Playbook, context: ClientContext, touches: Touch[], now: number, stageId: string | null, revenue: RevenueSegment | null): CadenceView {
  const chosen = explainSegment(playbook.segments, context.fields, stageId, revenue);
  if (chosen === undefined) {
    // The schema requires a default segment; this only guards a playbook built without parsing.
    return CadenceViewSchema.parse({ segment: { id: '', name: { ru: '—', en: '—' } }, rule: { ru: '—', en: '—' }, lastTouchAt: null, nextDueAt: null, overdue: false, overdueDays: 0 });
  }
  const { segment, reason } = chosen;
  const crmSegment = crmSegmentValue(playbook.segments, context.fields);
  const state = computeCadence(segment.norm, touches, now);
  return {
    segment: { id: segment.id, name: segment.name },
    crmSegment,
    // The CRM's own segment takes precedence: the computed one is shown only without it.
    revenueSegment: crmSegment === null && revenue !== null ? revenue.reason : null,
    rule: describeNorm(segment.norm),
    reason: describeReason(reason, crmSegment, (id) => playbook.stages.find((s) => s.id === id)?.name),
    dueFor: state.dueFor,
    lastTouchAt: state.lastTouchAt,
    lastMeetingAt: state.lastMeetingAt,
    nextDueAt: state.nextDueAt,
    overdue: state.overdue,
    overdueDays: state.overdueDays,
  };
}
