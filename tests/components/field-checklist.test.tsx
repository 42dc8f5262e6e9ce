// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FieldChecklist } from '../../components/panel/FieldChecklist';
import { makeChecklist } from './factories';

describe('FieldChecklist', () => {
  it('counts filled fields and agrees the Russian count of missing ones', () => {
    render(<FieldChecklist items={makeChecklist()} lang="ru" />);
    expect(screen.getByTestId('checklist-count').textContent).toBe('Заполнено 3 из 6');
    expect(screen.getByTestId('checklist-summary').textContent).toBe('3 поля не заполнены');
  });

  it('lists missing fields first, in playbook order, marked as missing', () => {
    render(<FieldChecklist items={makeChecklist()} lang="en" />);
    const items = screen.getAllByTestId('checklist-item');
    expect(items.map((li) => li.dataset.fieldId)).toEqual(['source', 'decision_maker', 'next_step', 'phone', 'budget', 'need']);
    expect(items.map((li) => li.dataset.filled)).toEqual(['false', 'false', 'false', 'true', 'true', 'true']);
    expect(items[0]?.textContent).toContain('missing');
    expect(items[3]?.textContent).toContain('+7 900 000-00-00');
  });

  it('says when a missing field is not on the page at all', () => {
    render(<FieldChecklist items={makeChecklist()} lang="en" />);
    const dm = screen.getAllByTestId('checklist-item').find((li) => li.dataset.fieldId === 'decision_maker');
    const source = screen.getAllByTestId('checklist-item').find((li) => li.dataset.fieldId === 'source');
    if (!dm || !source) throw new Error('items not rendered');
    expect(within(dm).getByTestId('checklist-not-on-page').textContent).toMatch(/not on the page/);
    expect(within(source).queryByTestId('checklist-not-on-page')).toBeNull();
  });

  it('congratulates when everything is filled', () => {
    const items = makeChecklist().map((i) => ({ ...i, filled: true, value: i.value || 'x' }));
    render(<FieldChecklist items={items} lang="ru" />);
    expect(screen.getByTestId('checklist-count').textContent).toBe('Заполнено 6 из 6');
    expect(screen.getByTestId('checklist-summary').textContent).toBe('Все обязательные поля заполнены');
  });

  it('uses the singular for one missing field', () => {
    const items = makeChecklist().map((i) => (i.id === 'source' ? i : { ...i, filled: true, value: 'x' }));
    render(<FieldChecklist items={items} lang="ru" />);
    expect(screen.getByTestId('checklist-summary').textContent).toBe('1 поле не заполнено');
  });
});
