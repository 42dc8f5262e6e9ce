import type { ComplianceSnapshot } from '../../../lib/wire/compliance';
import { newUlid, type Item } from './sync-fixtures';

/** A deal card snapshot as the extension sends it; tests override what they exercise. */
export function makeSnapshot(overrides: Partial<ComplianceSnapshot> = {}): ComplianceSnapshot {
  const crmId = overrides.crmId ?? '1001';
  return {
    id: newUlid(),
    clientKey: `amocrm:acme.amocrm.ru:lead:${crmId}`,
    crm: 'amocrm',
    account: 'acme.amocrm.ru',
    entity: 'lead',
    crmId,
    url: `https://acme.amocrm.ru/leads/detail/${crmId}`,
    title: 'Поставка труб',
    crmStage: 'Квалификация',
    stageId: 'qualification',
    terminal: null,
    responsible: 'Анна',
    segmentId: 'new_lead',
    amount: null,
    fields: [
      { id: 'contact', filled: true },
      { id: 'lead_source', filled: false },
    ],
    day: '2026-03-02',
    takenAt: Date.UTC(2026, 2, 2, 9, 0),
    ...overrides,
  };
}

export const snapshotItem = (snapshot: ComplianceSnapshot | Record<string, unknown>, id = String(snapshot.id)): Item => ({
  id,
  entity: 'compliance',
  op: 'upsert',
  payload: snapshot as Record<string, unknown>,
});
