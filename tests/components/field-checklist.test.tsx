// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FieldChecklist } from '../../components/panel/FieldChecklist';
import { makeChecklist } from './factories';

describe('FieldChecklist', () => {
  it('counts filled fields and agrees the Russian count of missing ones', () => {
    render(<FieldChecklist items={makeChecklist()} lang="ru" />);
    expect(screen.getByTestId('checklist-count').textContent).toBe('3 из 6');
    expect(screen.getByTestId('checklist-summary').textContent).toBe('3 поля не заполнены');
    expect(screen.getByTestId('checklist-filled-toggle').textContent).toContain('3 из 6 заполнено');
  });

  it('lists only the gaps and folds the filled rows into one line that opens on demand', async () => {
    const user = userEvent.setup();
    render(<FieldChecklist items={makeChecklist()} lang="en" />);
    let items = screen.getAllByTestId('checklist-item');
    expect(items.map((li) => li.dataset.fieldId)).toEqual(['source', 'decision_maker', 'next_step']);
    expect(items.every((li) => li.dataset.filled === 'false')).toBe(true);
    expect(items[0]?.textContent).toContain('missing');

    const fold = screen.getByTestId('checklist-filled-toggle');
    expect(fold.textContent).toContain('3 of 6 filled');
    expect(fold.getAttribute('aria-expanded')).toBe('false');
    await user.click(fold);
    expect(fold.getAttribute('aria-expanded')).toBe('true');
    items = screen.getAllByTestId('checklist-item');
    expect(items.map((li) => li.dataset.fieldId)).toEqual(['source', 'decision_maker', 'next_step', 'phone', 'budget', 'need']);
    expect(items[3]?.textContent).toContain('+7 900 000-00-00');
    await user.click(fold);
    expect(screen.getAllByTestId('checklist-item')).toHaveLength(3);
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
    expect(screen.getByTestId('checklist-count').textContent).toBe('6 из 6');
    expect(screen.getByTestId('checklist-summary').textContent).toBe('Все обязательные поля заполнены');
    expect(screen.queryByTestId('checklist-gaps')).toBeNull();
    expect(screen.queryAllByTestId('checklist-item')).toHaveLength(0);
  });

  it('uses the singular for one missing field', () => {
    const items = makeChecklist().map((i) => (i.id === 'source' ? i : { ...i, filled: true, value: 'x' }));
    render(<FieldChecklist items={items} lang="ru" />);
    expect(screen.getByTestId('checklist-summary').textContent).toBe('1 поле не заполнено');
  });
});
