// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TouchHistory } from '../../components/panel/TouchHistory';
import type { TouchChangeHandlers } from '../../components/panel/TouchHistoryItem';
import { editedTouch } from '../../lib/touches/touch-versions';
import { makeTouch } from './factories';

function handlers(overrides: Partial<TouchChangeHandlers> = {}): TouchChangeHandlers {
  return { onEditTouch: vi.fn(async () => {}), onDeleteTouch: vi.fn(async () => {}), ...overrides };
}

describe('TouchHistory: editing and deleting a touch', () => {
  const call = makeTouch({ kind: 'call', outcome: 'no_answer', comment: 'не взял трубку', at: Date.UTC(2026, 0, 10, 9, 30) });
  const open = makeTouch({ kind: 'email_open', outcome: 'reached', comment: '', at: Date.UTC(2026, 0, 11) });

  it('edits outcome and comment in place and sends them with the touch id', async () => {
    const h = handlers();
    render(<TouchHistory touches={[call]} total={1} lang="ru" handlers={h} />);
    fireEvent.click(screen.getByTestId('touch-edit'));
    const form = screen.getByTestId('touch-edit-form');
    // The form starts from what is stored, with the comment focused.
    expect(within(form).getByTestId('touch-edit-outcome-no_answer').getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByTestId('touch-edit-comment')));
    fireEvent.click(within(form).getByTestId('touch-edit-outcome-callback'));
    fireEvent.change(within(form).getByTestId('touch-edit-comment'), { target: { value: '  перезвонить в пятницу ' } });
    await act(async () => fireEvent.click(within(form).getByTestId('touch-edit-save')));
    expect(h.onEditTouch).toHaveBeenCalledWith(call.id, { kind: 'call', outcome: 'callback', comment: 'перезвонить в пятницу' });
    expect(screen.queryByTestId('touch-edit-form')).toBeNull();
  });

  it('Escape leaves the edit without sending; Ctrl+Enter saves', async () => {
    const h = handlers();
    render(<TouchHistory touches={[call]} total={1} lang="en" handlers={h} />);
    fireEvent.click(screen.getByTestId('touch-edit'));
    fireEvent.keyDown(screen.getByTestId('touch-edit-comment'), { key: 'Escape' });
    expect(screen.queryByTestId('touch-edit-form')).toBeNull();
    expect(h.onEditTouch).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('touch-edit'));
    await act(async () => fireEvent.keyDown(screen.getByTestId('touch-edit-comment'), { key: 'Enter', ctrlKey: true }));
    expect(h.onEditTouch).toHaveBeenCalledWith(call.id, { kind: 'call', outcome: 'no_answer', comment: 'не взял трубку' });
  });

  it('keeps what was typed and says why when the edit fails', async () => {
    const h = handlers({ onEditTouch: vi.fn(async () => Promise.reject(new Error('Этого касания уже нет'))) });
    render(<TouchHistory touches={[call]} total={1} lang="ru" handlers={h} />);
    fireEvent.click(screen.getByTestId('touch-edit'));
    fireEvent.change(screen.getByTestId('touch-edit-comment'), { target: { value: 'новый текст' } });
    await act(async () => fireEvent.click(screen.getByTestId('touch-edit-save')));
    expect(screen.getByTestId('touch-change-error').textContent).toContain('Этого касания уже нет');
    expect((screen.getByTestId('touch-edit-comment') as HTMLTextAreaElement).value).toBe('новый текст');
  });

  it('deletes only after a confirmation, and Cancel keeps the touch', async () => {
    const h = handlers();
    render(<TouchHistory touches={[call]} total={1} lang="ru" handlers={h} />);
    fireEvent.click(screen.getByTestId('touch-delete'));
    expect(screen.getByTestId('touch-delete-confirm').textContent).toContain('Удалить это касание?');
    expect(document.activeElement).toBe(screen.getByTestId('touch-delete-yes'));
    fireEvent.click(screen.getByTestId('touch-delete-no'));
    expect(h.onDeleteTouch).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('touch-delete'));
    await act(async () => fireEvent.click(screen.getByTestId('touch-delete-yes')));
    expect(h.onDeleteTouch).toHaveBeenCalledWith(call.id);
  });

  it('marks an edited touch, and offers no edit for an email open or without handlers', () => {
    const edited = editedTouch(call, { kind: 'call', outcome: 'reached', comment: 'дозвонился' }, call.at + 60_000);
    const { rerender } = render(<TouchHistory touches={[edited, open]} total={2} lang="en" handlers={handlers()} />);
    const item = (id: string) => screen.getAllByTestId('touch-history-item').find((li) => li.dataset.touchId === id) as HTMLElement;
    expect(within(item(call.id)).getByTestId('touch-edited').textContent).toBe('edited');
    expect(within(item(call.id)).queryByTestId('touch-edit')).not.toBeNull();
    expect(within(item(open.id)).queryByTestId('touch-edit')).toBeNull();
    expect(within(item(open.id)).queryByTestId('touch-edited')).toBeNull();
    rerender(<TouchHistory touches={[edited]} total={1} lang="en" />);
    expect(screen.queryByTestId('touch-edit')).toBeNull();
  });
});
