import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { evaluate, matchStage, normalizeStageName } from '../../../lib/playbook/engine';
import { PanelModelSchema, type ChecklistItem, type PanelModel } from '../../../lib/playbook/panel-model';
import type { ClientContext } from '../../../lib/context/client-context';
import type { Touch } from '../../../lib/touches/touch';
import { contact, DAY, field, makeContext, makeTouch, NOW } from './fixtures';

const pb = DEFAULT_PLAYBOOK;

function run(ctx: Partial<ClientContext>, touches: Touch[] = []): PanelModel {
  return evaluate(pb, makeContext(ctx), touches, NOW);
}

function item(model: PanelModel, id: string): ChecklistItem {
  const found = model.checklist.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no checklist item ${id}`);
  return found;
}

describe('stage mapping', () => {
  it('maps a Russian amoCRM stage name and reports its place in the funnel', () => {
    const { stage } = run({ stage: 'Переговоры' });
    expect(stage).toEqual({
      status: 'mapped',
      stageId: 'negotiation',
      name: pb.stages[5]?.name,
      goal: pb.stages[5]?.goal,
      crmStage: 'Переговоры',
      index: 5,
      total: pb.stages.length,
      role: 'closer',
    });
  });

  it('maps English names and ignores case, extra and non-breaking spaces', () => {
    expect(run({ stage: 'Closed - won' }).stage).toMatchObject({ status: 'mapped', stageId: 'won' });
    expect(run({ stage: '  закрыто   И не\u00a0РЕАЛИЗОВАНО ' }).stage).toMatchObject({ status: 'mapped', stageId: 'lost' });
    expect(run({ stage: 'qualified' }).stage).toMatchObject({ status: 'mapped', stageId: 'qualification' });
    expect(matchStage(pb, 'Принимают решение')?.id).toBe('negotiation');
    expect(normalizeStageName('  Успешно\u00a0 реализовано ')).toBe('успешно реализовано');
  });

  it('says "unmapped" with the CRM name for a stage the playbook does not list', () => {
    const model = run({ stage: 'Тендер на площадке' });
    expect(model.stage).toEqual({ status: 'unmapped', crmStage: 'Тендер на площадке' });
    expect(model.script).toBeNull();
  });

  it('says "none" when the card shows no stage', () => {
    expect(run({ stage: null }).stage).toEqual({ status: 'none' });
    expect(run({ stage: '   ' }).stage).toEqual({ status: 'none' });
  });
});

describe('checklist', () => {
  it('accumulates the requirements of every earlier stage, each marked with where it started', () => {
    const model = run({ stage: 'Потребность выявлена' });
    expect(model.checklist.map((c) => [c.id, c.requiredFrom])).toEqual([
      ['contact', 'lead'],
      ['lead_source', 'lead'],
      ['company', 'qualification'],
      ['need', 'qualification'],
      ['decision_maker', 'qualification'],
      ['meeting_date', 'meeting_booked'],
      ['next_step_date', 'needs_identified'],
    ]);
  });

  it('asks a lost deal for the loss reason and the lead basics, not for later-stage fields', () => {
    const ids = run({ stage: 'Закрыто и не реализовано' }).checklist.map((c) => c.id);
    expect(ids).toEqual(['contact', 'lead_source', 'loss_reason']);
  });

  it('hands a won deal over with everything the won stage required, and no loss reason', () => {
    const ids = run({ stage: 'Передан на сопровождение' }).checklist.map((c) => c.id);
    expect(ids).toContain('contract_number');
    expect(ids).toContain('budget');
    expect(ids).toContain('account_manager');
    expect(ids).not.toContain('loss_reason');
  });

  it('uses the first stage requirements when the stage is unmapped or absent', () => {
    const first = pb.stages[0]?.requiredFields;
    expect(run({ stage: 'Тендер' }).checklist.map((c) => c.id)).toEqual(first);
    expect(run({ stage: null }).checklist.map((c) => c.id)).toEqual(first);
  });

  it('treats whitespace-only values as empty', () => {
    const model = run({
      stage: 'Квалификация',
      company: '   ',
      contacts: [contact([' '], ['\t'])],
      fields: [field('Потребность', '  \n ', 'cf:need')],
    });
    expect(item(model, 'company')).toMatchObject({ filled: false, value: '' });
    expect(item(model, 'contact')).toMatchObject({ filled: false, value: '' });
    expect(item(model, 'need')).toEqual(expect.objectContaining({ filled: false, value: '', fieldKey: 'cf:need' }));
  });

  it('is satisfied by a phone or by an email', () => {
    expect(item(run({ contacts: [contact(['+7 900 123-45-67'])] }), 'contact')).toMatchObject({ filled: true, value: '+7 900 123-45-67' });
    expect(item(run({ contacts: [contact([], ['ivan@firma.ru'])] }), 'contact')).toMatchObject({ filled: true, value: 'ivan@firma.ru' });
    expect(item(run({ contacts: [contact(['', ''], []), contact([], ['  a@b.ru '])] }), 'contact')).toMatchObject({ filled: true, value: 'a@b.ru' });
  });

  it('finds a custom field by any alias, ignoring case and a trailing colon or asterisk, and gives its key', () => {
    const ru = run({ fields: [field('Бюджет', '', 'budget'), field('Источник сделки:', 'Выставка', 'cf:777')] });
    expect(item(ru, 'lead_source')).toEqual(expect.objectContaining({ filled: true, value: 'Выставка', fieldKey: 'cf:777' }));
    const en = run({ fields: [field('LEAD SOURCE *', '', 'cf:778')] });
    expect(item(en, 'lead_source')).toEqual(expect.objectContaining({ filled: false, fieldKey: 'cf:778' }));
  });

  it('gives a null field key when the page has no such field to outline', () => {
    const model = run({ fields: [field('Комментарий', 'перезвонить')] });
    expect(item(model, 'lead_source')).toEqual(expect.objectContaining({ filled: false, value: '', fieldKey: null }));
    expect(item(model, 'contact').fieldKey).toBeNull();
  });

  it('points a missing contact at the phone field on the page when there is one', () => {
    const model = run({ fields: [field('Раб. телефон', '', 'phone')] });
    expect(item(model, 'contact')).toMatchObject({ filled: false, fieldKey: 'phone' });
  });

  it('counts a zero budget as empty and outlines the budget field', () => {
    const at = (budget: string) => item(run({ stage: 'КП отправлено', budget, fields: [field('Бюджет', budget, 'budget')] }), 'budget');
    expect(at('0')).toMatchObject({ filled: false, fieldKey: 'budget' });
    expect(at('0 ₽')).toMatchObject({ filled: false });
    expect(at('150 000 ₽')).toMatchObject({ filled: true, value: '150 000 ₽', fieldKey: 'budget' });
  });
});

describe('objections and scripts', () => {
  it('marks the objections tagged for the stage (and the untagged ones) relevant and lists them first', () => {
    const relevantAt = (stage: string) => run({ stage }).objections.filter((o) => o.relevant).map((o) => o.id);
    const atProposal = relevantAt('КП отправлено');
    expect(atProposal).toEqual(expect.arrayContaining(['too_expensive', 'need_to_think', 'no_time']));
    expect(atProposal).not.toContain('have_supplier');
    const atLead = relevantAt('Первичный контакт');
    expect(atLead).toEqual(expect.arrayContaining(['have_supplier', 'send_by_email', 'no_time']));
    expect(atLead).not.toContain('too_expensive');
    // Every objection is there for the search, the stage's own first.
    const all = run({ stage: 'Первичный контакт' }).objections;
    expect(all).toHaveLength(pb.objections.length);
    expect(all.slice(0, atLead.length).every((o) => o.relevant)).toBe(true);
    expect(all.find((o) => o.id === 'need_to_think')?.synonyms).toContain('подумаю');
  });

  it('shows every objection when the stage is unknown', () => {
    expect(run({ stage: 'Тендер' }).objections).toHaveLength(pb.objections.length);
    expect(run({ stage: null }).objections).toHaveLength(pb.objections.length);
  });

  it("gives the stage's script with every node, and lists all scripts to switch to", () => {
    const model = run({ stage: 'Proposal sent' });
    expect(model.script?.id).toBe('proposal_follow_up');
    expect(model.script?.start).toBe('check');
    const source = pb.scripts.find((s) => s.id === 'proposal_follow_up');
    expect(Object.keys(model.script?.nodes ?? {})).toEqual(Object.keys(source?.nodes ?? {}));
    expect(model.script?.nodes.impression).toMatchObject({ id: 'impression', hint: null, goal: false });
    expect(model.script?.nodes.goal_contract?.goal).toBe(true);
    expect(model.scripts.map((s) => s.id)).toEqual(pb.scripts.map((s) => s.id));
  });

  it('carries every script in full so the panel can switch without a round trip', () => {
    const model = run({ stage: null });
    expect(model.allScripts?.map((s) => s.id)).toEqual(pb.scripts.map((s) => s.id));
    const vip = model.allScripts?.find((s) => s.id === 'vip_invitation');
    expect(vip?.nodes[vip.start]?.answers.length).toBeGreaterThanOrEqual(2);
  });

  it('gives no script for a stage without one', () => {
    expect(run({ stage: 'Встреча назначена' }).script).toBeNull();
  });
});

describe('cadence in the panel model', () => {
  it('puts a key client on the key norm and an open deal on the new-lead norm', () => {
    const key = run({ stage: 'Успешно реализовано', fields: [field('Категория клиента', 'Ключевой')] });
    expect(key.cadence.segment.id).toBe('key');
    expect(key.cadence.rule.ru).toContain('15 дней');
    expect(run({ stage: 'Первичный контакт' }).cadence.segment.id).toBe('new_lead');
    expect(run({ stage: 'Успешно реализовано' }).cadence.segment.id).toBe('regular');
  });

  it('reports the last counting touch and how late the next one is', () => {
    const touches = [
      makeTouch({ kind: 'call', outcome: 'reached', at: NOW - 5 * DAY }),
      makeTouch({ kind: 'note', outcome: 'done', at: NOW - DAY }),
    ];
    const { cadence } = run({ stage: 'Квалификация' }, touches);
    expect(cadence).toMatchObject({ lastTouchAt: NOW - 5 * DAY, nextDueAt: NOW - 2 * DAY, overdue: true, overdueDays: 2 });
  });
});

describe('evaluate as a pure function', () => {
  it('returns a model the panel accepts', () => {
    const model = run({ stage: 'Переговоры', fields: [field('Сегмент', 'VIP')] }, [makeTouch()]);
    expect(PanelModelSchema.safeParse(model).success).toBe(true);
  });

  it('gives the same answer for the same inputs and leaves the inputs untouched', () => {
    const ctx = makeContext({ stage: 'Переговоры', contacts: [contact(['+7 900'])], fields: [field('ЛПР', 'Директор')] });
    const touches = [makeTouch({ at: NOW - 3 * DAY }), makeTouch({ kind: 'meeting', at: NOW - 10 * DAY })];
    const before = structuredClone({ pb, ctx, touches });
    const first = evaluate(pb, ctx, touches, NOW);
    const second = evaluate(pb, ctx, touches, NOW);
    expect(second).toEqual(first);
    expect({ pb, ctx, touches }).toEqual(before);
  });
});
