import { describe, expect, it } from 'vitest';
import { pickSegment } from '../../../lib/cadence/segment-match';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import type { Segment } from '../../../lib/playbook/schema';
import { field } from '../playbook/fixtures';

const segments = DEFAULT_PLAYBOOK.segments;

function pick(fields: ReturnType<typeof field>[], stageId: string | null = null): string | undefined {
  return pickSegment(segments, fields, stageId)?.id;
}

describe('pickSegment', () => {
  it('recognises a key client by the segment field in Russian or English, in any case', () => {
    expect(pick([field('Категория клиента', 'Ключевой')])).toBe('key');
    expect(pick([field('Segment:', 'key account')])).toBe('key');
    expect(pick([field('СЕГМЕНТ', '  ключевой ')])).toBe('key');
  });

  it('matches one value of a multi-select field', () => {
    expect(pick([field('Тип клиента', 'Партнёр, VIP')])).toBe('key');
  });

  it('puts top key clients before key ones', () => {
    expect(pick([field('Сегмент', 'Топ-ключевой')])).toBe('top_key');
  });

  it('puts an open deal on the new-lead norm by its stage, unless a segment field says otherwise', () => {
    expect(pick([], 'qualification')).toBe('new_lead');
    expect(pick([field('Сегмент', 'Ключевой')], 'negotiation')).toBe('key');
  });

  it('falls back to the default segment', () => {
    expect(pick([field('Сегмент', 'Розница')], 'growth')).toBe('regular');
    expect(pick([field('Комментарий', 'Ключевой')], null)).toBe('regular');
    expect(pick([], 'lost')).toBe('regular');
  });

  it('uses the default segment wherever it stands in the list', () => {
    const reordered: Segment[] = [...segments].reverse();
    expect(pickSegment(reordered, [field('Сегмент', 'Ключевой')], null)?.id).toBe('key');
    expect(pickSegment(reordered, [], null)?.id).toBe('regular');
  });
});

describe('the CRM segment and the reason for the norm', () => {
  it('on the demo card "Север": the CRM says "Средний", the norm is the open-deal one, and the reason says why', async () => {
    const { DEFAULT_PLAYBOOK } = await import('../../../lib/playbook/default-playbook');
    const { evaluate } = await import('../../../lib/playbook/engine');
    const { makeContext, field } = await import('../playbook/fixtures');
    const ctx = makeContext({ stage: 'Встреча назначена', fields: [field('Сегмент клиента', 'Средний')] });
    const { cadence } = evaluate(DEFAULT_PLAYBOOK, ctx, [], Date.UTC(2026, 0, 1));
    expect(cadence.crmSegment).toBe('Средний');
    expect(cadence.segment.id).toBe('new_lead');
    expect(cadence.reason?.ru).toBe('Сегмента CRM «Средний» нет в правилах плейбука. Сделка на этапе «Встреча назначена»');
  });

  it('names the field and value when a segment rule matched', async () => {
    const { DEFAULT_PLAYBOOK } = await import('../../../lib/playbook/default-playbook');
    const { evaluate } = await import('../../../lib/playbook/engine');
    const { makeContext, field } = await import('../playbook/fixtures');
    const ctx = makeContext({ stage: 'Переговоры', fields: [field('Сегмент клиента', 'Ключевой')] });
    const { cadence } = evaluate(DEFAULT_PLAYBOOK, ctx, [], Date.UTC(2026, 0, 1));
    expect(cadence).toMatchObject({ crmSegment: 'Ключевой', segment: { id: 'key' } });
    expect(cadence.reason?.en).toBe('The CRM says “Сегмент клиента” = “Ключевой”');
  });
});
