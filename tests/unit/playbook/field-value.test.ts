import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { evaluate } from '../../../lib/playbook/engine';
import { checkValue, effectiveType, looksLikeDate } from '../../../lib/playbook/field-value';
import { field, makeContext, NOW } from './fixtures';

describe('values checked by type', () => {
  it('does not take "1" for a date, and takes the CRM’s date formats', () => {
    expect(checkValue('1', 'date')).toEqual({ filled: false, bad: '1' });
    for (const d of ['02.12.2025', '2.12.25', '2025-12-02', '02/12/2025 14:30', '2 декабря 2025']) {
      expect(looksLikeDate(d), d).toBe(true);
    }
    expect(looksLikeDate('31.02.2025')).toBe(false);
    expect(looksLikeDate('завтра')).toBe(false);
  });

  it('checks phones, emails and numbers', () => {
    expect(checkValue('+7 912 345-67-89', 'phone').filled).toBe(true);
    expect(checkValue('позвонить', 'phone')).toEqual({ filled: false, bad: 'позвонить' });
    expect(checkValue('petrov@vector.example', 'email').filled).toBe(true);
    expect(checkValue('petrov@', 'email').filled).toBe(false);
    expect(checkValue('1 250 000 ₽', 'number').filled).toBe(true);
    expect(checkValue('много', 'number').filled).toBe(false);
  });

  it('reads a checkbox as ticked or not, and a select placeholder as empty', () => {
    expect(checkValue('1', 'checkbox')).toEqual({ filled: true, shown: '1' });
    expect(checkValue('0', 'checkbox')).toEqual({ filled: false, bad: null });
    expect(checkValue('Выбрать', 'select')).toEqual({ filled: false, bad: null });
    expect(checkValue('Сайт', 'select').filled).toBe(true);
  });

  it('lets the page’s own type win over the playbook’s', () => {
    expect(effectiveType('checkbox', 'date')).toBe('checkbox');
    expect(effectiveType('text', 'date')).toBe('date');
    expect(effectiveType(undefined, undefined)).toBe('text');
  });

  it('survives hostile values', () => {
    expect(checkValue('\u0000\ud800', 'date').filled).toBe(false);
    expect(checkValue('1'.repeat(1_000_000), 'date').filled).toBe(false);
    expect(checkValue('x'.repeat(1_000_000), 'email').filled).toBe(false);
  });
});

describe('the checklist on real-looking cards', () => {
  const checklist = (stage: string, fields: ReturnType<typeof field>[]) => evaluate(DEFAULT_PLAYBOOK, makeContext({ stage, fields }), [], NOW).checklist;

  it('counts "1" typed into a date field as missing and says why', () => {
    const item = checklist('Переговоры', [{ ...field('Срок принятия решения', '1'), type: 'date' }]).find((i) => i.id === 'decision_date');
    expect(item).toMatchObject({ filled: false, bad: '1', valueType: 'date' });
  });

  it('satisfies "proposal sent" with the CRM’s tick, shown as a checkbox', () => {
    const item = checklist('КП отправлено', [{ ...field('КП отправлено', '1'), type: 'checkbox' }]).find((i) => i.id === 'proposal_date');
    expect(item).toMatchObject({ filled: true, value: '1', valueType: 'checkbox' });
  });

  it('gives one CRM field to one requirement: an empty "next meeting date" is one gap, not two', () => {
    const items = checklist('Переговоры', [field('Дата следующей встречи', '', 'cf:512306')]);
    const onThatField = items.filter((i) => i.fieldKey === 'cf:512306');
    expect(onThatField.map((i) => i.id)).toEqual(['meeting_date']);
    expect(items.find((i) => i.id === 'next_step_date')).toMatchObject({ filled: false, fieldKey: null });
  });

  it('lets a later requirement take another field with the same label when the first is taken', () => {
    const pb = structuredClone(DEFAULT_PLAYBOOK);
    pb.fields.find((f) => f.id === 'next_step_date')!.aliases.push('Дата следующей встречи');
    const fields = [field('Дата следующей встречи', '02.12.2025', 'cf:1'), field('Дата следующей встречи', '', 'cf:2')];
    const items = evaluate(pb, makeContext({ stage: 'Переговоры', fields }), [], NOW).checklist;
    expect(items.find((i) => i.id === 'meeting_date')).toMatchObject({ filled: true, fieldKey: 'cf:1' });
    expect(items.find((i) => i.id === 'next_step_date')).toMatchObject({ filled: false, fieldKey: 'cf:2' });
  });
});
