import { pickSegment } from '../cadence/segment-match';
import { clientKey, type ClientContext } from '../context/client-context';
import { buildChecklist } from '../playbook/checklist';
import { matchStage } from '../playbook/engine';
import type { Playbook } from '../playbook/schema';
import { SNAPSHOT_LIMITS, type ComplianceSnapshot } from '../wire/compliance';
import { parseAmount } from './parse-amount';
import { storableText } from './storable-text';

/** The local calendar day of an instant, YYYY-MM-DD, in the device's time zone. */
export function localDay(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * What a card shows about compliance: its stage, its manager and, for every field the stage
 * requires (cumulatively, as the panel's checklist), whether it is filled. Without a mapped stage
 * the first stage's requirements apply, the minimum every client needs — the same rule the panel uses.
 */
export function buildSnapshot(playbook: Playbook, context: ClientContext, id: string, now: number): ComplianceSnapshot {
  const stage = context.stage === null ? undefined : matchStage(playbook, context.stage, { source: context.source, stageId: context.stageId });
  const checklistStage = stage ?? playbook.stages[0];
  const checklist = checklistStage === undefined ? [] : buildChecklist(playbook, checklistStage.id, context);
  const segment = pickSegment(playbook.segments, context.fields, stage?.id ?? null);
  const text = (value: string, max: number): string => storableText(value, max);
  const nullable = (value: string | null, max: number): string | null => (value === null ? null : text(value, max));
  return {
    id,
    clientKey: text(clientKey(context), SNAPSHOT_LIMITS.clientKey),
    crm: text(context.source, SNAPSHOT_LIMITS.crm),
    account: text(context.account, SNAPSHOT_LIMITS.account),
    entity: context.entity,
    crmId: text(context.crmId, SNAPSHOT_LIMITS.crmId),
    url: /^https?:\/\//i.test(context.url) ? text(context.url, SNAPSHOT_LIMITS.url) : '',
    title: text(context.name, SNAPSHOT_LIMITS.title),
    crmStage: nullable(context.stage, SNAPSHOT_LIMITS.stage),
    stageId: stage?.id ?? null,
    terminal: stage?.terminal ?? null,
    responsible: nullable(context.responsible, SNAPSHOT_LIMITS.responsible),
    segmentId: segment?.id ?? null,
    amount: parseAmount(context.budget),
    fields: checklist.slice(0, SNAPSHOT_LIMITS.fields).map((item) => ({ id: item.id, filled: item.filled })),
    day: localDay(now),
    takenAt: now,
  };
}

/**
 * What makes two snapshots of one deal on one day different. The id, the time and the day
 * are left out: viewing an unchanged card again records nothing.
 */
export function snapshotFingerprint(s: ComplianceSnapshot): string {
  return JSON.stringify([s.clientKey, s.url, s.title, s.crmStage, s.stageId, s.terminal, s.responsible, s.segmentId, s.amount, s.fields]);
}
