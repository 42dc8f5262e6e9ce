import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { evaluate, matchStage } from '../../../lib/playbook/engine';
import { mapCrmStage } from '../../../lib/playbook/map-crm-stage';
import { parsePlaybook } from '../../../lib/playbook/parse-playbook';
import type { Playbook } from '../../../lib/playbook/schema';
import { makeContext, NOW } from './fixtures';

/** A playbook file as teams wrote them before per-CRM names: crmNames only, no crmStages key. */
const OLD_SHAPE_FILE = `{
  "version": 1, "id": "acme", "name": {"ru": "Акме", "en": "Acme"},
  "roles": [{"id": "rep", "name": {"ru": "Менеджер", "en": "Rep"}, "description": {"ru": "Ведёт сделку", "en": "Runs the deal"}}],
  "stages": [
    {"id": "lead", "name": {"ru": "Лид", "en": "Lead"}, "goal": {"ru": "Связаться", "en": "Get in touch"}, "role": "rep", "crmNames": ["Новый лид"], "requiredFields": []},
    {"id": "negotiation", "name": {"ru": "Переговоры", "en": "Negotiation"}, "goal": {"ru": "Договориться", "en": "Agree"}, "role": "rep", "crmNames": ["Переговоры"], "requiredFields": []}
  ],
  "fields": [], "scripts": [], "objections": [],
  "segments": [{"id": "all", "name": {"ru": "Все", "en": "All"}, "match": {"by": "default"}, "norm": {"touchEveryDays": 7, "countingKinds": ["call"]}}],
  "activityNorms": []
}`;

function parsed(input: unknown): Playbook {
  const result = parsePlaybook(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.playbook;
}

describe('per-CRM stage mapping', () => {
  it('still parses a playbook file of the old shape and maps its names for any CRM', () => {
    const pb = parsed(OLD_SHAPE_FILE);
    expect(pb.stages[1]).not.toHaveProperty('crmStages');
    expect(matchStage(pb, 'переговоры', { source: 'bitrix24', stageId: 'C3:PREPARATION' })?.id).toBe('negotiation');
    expect(matchStage(pb, 'Переговоры')?.id).toBe('negotiation');
  });

  it('maps a Bitrix24 stage id and an amoCRM name onto one stage, each in its own CRM only', () => {
    const pb = parsed({
      ...JSON.parse(OLD_SHAPE_FILE),
      stages: JSON.parse(OLD_SHAPE_FILE).stages.map((s: { id: string }) =>
        s.id === 'negotiation' ? { ...s, crmNames: [], crmStages: { bitrix24: ['C3:PREPARATION'], amocrm: ['Принимают решение'] } } : s,
      ),
    });
    const bitrix = makeContext({ source: 'bitrix24', stage: 'Подготовка документов', stageId: 'C3:PREPARATION' });
    expect(evaluate(pb, bitrix, [], NOW).stage).toMatchObject({ status: 'mapped', stageId: 'negotiation' });
    expect(evaluate(pb, makeContext({ stage: 'Принимают решение' }), [], NOW).stage).toMatchObject({ status: 'mapped', stageId: 'negotiation' });
    // The amoCRM name means nothing in Bitrix24, and a Bitrix24 id nothing in amoCRM.
    expect(matchStage(pb, 'Принимают решение', { source: 'bitrix24' })).toBeUndefined();
    expect(matchStage(pb, 'x', { source: 'amocrm', stageId: 'C3:PREPARATION' })).toBeUndefined();
  });

  it('lets a CRM map a word its own way over the names for any CRM', () => {
    const pb = mapCrmStage(parsed(OLD_SHAPE_FILE), 'lead', 'bitrix24', 'Переговоры');
    expect(matchStage(pb, 'Переговоры', { source: 'bitrix24' })?.id).toBe('lead');
    expect(matchStage(pb, 'Переговоры', { source: 'amocrm' })?.id).toBe('negotiation');
  });

  it('refuses one CRM name on two stages of the same CRM, naming the path', () => {
    const pb: any = structuredClone(DEFAULT_PLAYBOOK);
    pb.stages[0].crmStages = { bitrix24: ['NEW'] };
    pb.stages[1].crmStages = { bitrix24: ['new'], amocrm: ['NEW'] };
    const result = parsePlaybook(pb);
    expect(result.ok ? [] : result.errors).toEqual([`stages[1].crmStages.bitrix24[0]: "new" is already mapped to stage "${pb.stages[0].id}" for bitrix24`]);
  });

  it('refuses a CRM key that is not an adapter id and hostile names', () => {
    const pb: any = structuredClone(DEFAULT_PLAYBOOK);
    pb.stages[0].crmStages = { 'Bitrix 24': ['A'] };
    pb.stages[1].crmStages = { amocrm: ['bad\u0000name', 'x'.repeat(1_000_000)] };
    const result = parsePlaybook(pb);
    const errors = result.ok ? [] : result.errors;
    expect(errors.some((e) => e.startsWith('stages[0].crmStages'))).toBe(true);
    expect(errors.some((e) => e.startsWith('stages[1].crmStages.amocrm[0]'))).toBe(true);
    expect(errors.some((e) => e.startsWith('stages[1].crmStages.amocrm[1]'))).toBe(true);
  });

  it('one-click mapping moves a name from another stage and keeps the playbook valid', () => {
    let pb = mapCrmStage(DEFAULT_PLAYBOOK, 'negotiation', 'bitrix24', ' C3:PREPARATION ');
    pb = mapCrmStage(pb, 'proposal_sent', 'bitrix24', 'c3:preparation');
    expect(parsePlaybook(pb).ok).toBe(true);
    // The default lists stay; the moved name leaves negotiation's list for Bitrix24.
    expect(pb.stages.find((s) => s.id === 'negotiation')?.crmStages?.bitrix24).toEqual(['PREPAYMENT_INVOICE']);
    expect(pb.stages.find((s) => s.id === 'proposal_sent')?.crmStages?.bitrix24).toEqual(['PREPARATION', 'c3:preparation']);
    expect(mapCrmStage(pb, 'no-such-stage', 'bitrix24', 'X')).toBe(pb);
  });

  it('maps each CRM\'s default stages in the default playbook, by its own name or stage id', () => {
    const at = (name: string, source: string, stageId?: string) => matchStage(DEFAULT_PLAYBOOK, name, { source, stageId: stageId ?? null })?.id;
    expect(at('Proposal/Price Quote', 'salesforce')).toBe('proposal_sent');
    expect(at('Working - Contacted', 'salesforce')).toBe('qualification');
    expect(at('Negotiation/Review', 'zoho')).toBe('negotiation');
    expect(at('Closed-Lost to Competition', 'zoho')).toBe('lost');
    expect(at('Contract sent', 'hubspot')).toBe('negotiation');
    expect(at('Appointment scheduled', 'hubspot')).toBe('meeting_booked');
    expect(at('Подготовка документов', 'bitrix24', 'PREPARATION')).toBe('proposal_sent');
    expect(at('Сделка провалена', 'bitrix24', 'LOSE')).toBe('lost');
    // Another CRM's own name is not mapped by it.
    expect(at('Contract sent', 'amocrm')).toBeUndefined();
  });
});
