import { describe, expect, it } from 'vitest';
import { buildSnapshot, localDay, snapshotFingerprint } from '../../../lib/compliance/build-snapshot';
import { parseAmount } from '../../../lib/compliance/parse-amount';
import { storableText } from '../../../lib/compliance/storable-text';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { ComplianceSnapshotSchema } from '../../../lib/wire/compliance';
import { contact, field, makeContext, NOW } from '../playbook/fixtures';

const ID = '01JD000000000000000000000A';

describe('buildSnapshot', () => {
  it('lists every field the stage requires, filled or missing, with the stage, manager and amount', () => {
    // Proposal sent requires (cumulatively) contact, source, company, need, decision maker,
    // meeting date, next step date, budget and the proposal date.
    const ctx = makeContext({
      stage: 'КП отправлено',
      responsible: 'Ирина Соколова',
      company: 'ООО Трубы',
      budget: '1 250 000 ₽',
      contacts: [contact(['+7 900 000-00-00'])],
      fields: [field('Источник', 'Сайт'), field('ЛПР', ''), field('Потребность', 'Трубы 100 мм')],
    });
    const s = buildSnapshot(DEFAULT_PLAYBOOK, ctx, ID, NOW);
    expect(ComplianceSnapshotSchema.parse(s)).toEqual(s);
    expect(s).toMatchObject({
      clientKey: 'amocrm:acme.amocrm.ru:lead:1001',
      crm: 'amocrm',
      url: 'https://acme.amocrm.ru/leads/detail/1001',
      title: 'Поставка оборудования',
      crmStage: 'КП отправлено',
      stageId: 'proposal_sent',
      terminal: null,
      responsible: 'Ирина Соколова',
      segmentId: 'new_lead',
      amount: 1_250_000,
      takenAt: NOW,
    });
    expect(s.fields).toEqual([
      { id: 'contact', filled: true },
      { id: 'lead_source', filled: true },
      { id: 'company', filled: true },
      { id: 'need', filled: true },
      { id: 'decision_maker', filled: false },
      { id: 'meeting_date', filled: false },
      { id: 'next_step_date', filled: false },
      { id: 'budget', filled: true },
      { id: 'proposal_date', filled: false },
    ]);
  });

  it('uses the first stage for an unmapped stage and marks a won deal', () => {
    expect(buildSnapshot(DEFAULT_PLAYBOOK, makeContext({ stage: 'Что-то своё' }), ID, NOW)).toMatchObject({
      stageId: null,
      crmStage: 'Что-то своё',
      fields: [{ id: 'contact', filled: false }, { id: 'lead_source', filled: false }],
    });
    expect(buildSnapshot(DEFAULT_PLAYBOOK, makeContext({ stage: 'Успешно реализовано' }), ID, NOW)).toMatchObject({ stageId: 'won', terminal: 'won' });
  });

  it('keeps hostile page text storable: NULs, lone surrogates, megabyte titles, script URLs', () => {
    const s = buildSnapshot(
      DEFAULT_PLAYBOOK,
      makeContext({ name: `a\u0000b\uD800c${'я'.repeat(1_000_000)}`, url: 'javascript:alert(1)', responsible: '\uDC00' }),
      ID,
      NOW,
    );
    expect(ComplianceSnapshotSchema.safeParse(s).success).toBe(true);
    expect(s.title.startsWith('ab\uFFFDc')).toBe(true);
    expect(s.title).toHaveLength(500);
    expect(s.url).toBe('');
    expect(s.responsible).toBe('\uFFFD');
  });

  it('gives the same fingerprint to an unchanged card viewed later, another after a field is filled', () => {
    const ctx = makeContext({ fields: [field('Источник', '')] });
    const first = buildSnapshot(DEFAULT_PLAYBOOK, ctx, ID, NOW);
    const later = buildSnapshot(DEFAULT_PLAYBOOK, ctx, '01JD000000000000000000000B', NOW + 3_600_000);
    const filled = buildSnapshot(DEFAULT_PLAYBOOK, makeContext({ fields: [field('Источник', 'Выставка')] }), ID, NOW);
    expect(snapshotFingerprint(later)).toBe(snapshotFingerprint(first));
    expect(snapshotFingerprint(filled)).not.toBe(snapshotFingerprint(first));
  });
});

describe('parseAmount', () => {
  it.each([
    ['1 250 000 ₽', 1_250_000],
    ['12,500.50 $', 12_500.5],
    ['1 234,5 руб.', 1_234.5],
    ['1.000.000', 1_000_000],
    ['0 ₽', null],
    ['', null],
    ['по договорённости', null],
  ])('%s → %s', (text, amount) => {
    expect(parseAmount(text)).toBe(amount);
  });
});

describe('storableText and localDay', () => {
  it('does not split a surrogate pair when cutting', () => {
    expect(storableText('ab😀', 3)).toBe('ab');
    expect(storableText('ab😀', 4)).toBe('ab😀');
  });
  it('names the local calendar day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59).getTime())).toBe('2026-01-05');
  });
});
