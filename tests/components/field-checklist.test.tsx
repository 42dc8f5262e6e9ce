// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
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

describe('FieldChecklist values and the way to the CRM field', () => {
  const items = () =>
    makeChecklist().map((i) =>
      i.id === 'need' ? { ...i, label: { ru: 'КП отправлено', en: 'Proposal sent' }, value: '1', valueType: 'checkbox' as const }
      : i.id === 'next_step' ? { ...i, bad: '1', valueType: 'date' as const }
      : i,
    );

  it('shows a ticked checkbox as yes, not "1", and says why a "1" is not a date', async () => {
    const user = userEvent.setup();
    render(<FieldChecklist items={items()} lang="ru" />);
    const nextStep = screen.getAllByTestId('checklist-item').find((li) => li.dataset.fieldId === 'next_step')!;
    expect(within(nextStep).getByTestId('checklist-bad').textContent).toBe('«1» — это не дата');
    await user.click(screen.getByTestId('checklist-filled-toggle'));
    const sent = screen.getAllByTestId('checklist-item').find((li) => li.dataset.fieldId === 'need')!;
    expect(within(sent).getByTestId('checklist-value').textContent).toBe('да');
  });

  it('brings the CRM form to a gap’s field on click or Enter; a gap not on the page is plain text', async () => {
    const user = userEvent.setup();
    const reveal = vi.fn();
    render(<FieldChecklist items={items()} lang="en" onRevealField={reveal} />);
    const buttons = screen.getAllByTestId('checklist-reveal');
    // source (cf:1) and next_step (cf:4) are on the page; decision_maker is not.
    expect(buttons).toHaveLength(2);
    expect(buttons[0]?.title).toBe('Show the “Lead source” field in the CRM');
    await user.click(buttons[0]!);
    buttons[1]!.focus();
    await user.keyboard('{Enter}');
    expect(reveal.mock.calls).toEqual([['cf:1'], ['cf:4']]);
    const dm = screen.getAllByTestId('checklist-item').find((li) => li.dataset.fieldId === 'decision_maker')!;
    expect(within(dm).queryByTestId('checklist-reveal')).toBeNull();
  });
});
