// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TouchLogger } from '../../components/panel/TouchLogger';
import type { TouchDraft } from '../../lib/touches/touch';

/** 2 December 2026, 18:20 local time. */
const NOW = new Date(2026, 11, 2, 18, 20).getTime();

function setup(lang: 'ru' | 'en') {
  const user = userEvent.setup();
  const onLogTouch = vi.fn((_draft: TouchDraft, _callback?: { at: number }) => Promise.resolve());
  render(<TouchLogger lang={lang} onLogTouch={onLogTouch} now={() => NOW} />);
  return { user, onLogTouch };
}

describe('the callback time in the touch logger', () => {
  it('asks when to call back, tomorrow at 10:00 unless changed, and sends that time', async () => {
    const { user, onLogTouch } = setup('ru');
    await user.click(screen.getByTestId('touch-kind-call'));
    expect(screen.queryByTestId('touch-callback-at')).toBeNull();
    await user.click(screen.getByTestId('touch-outcome-callback'));

    const field = screen.getByLabelText('Когда перезвонить');
    expect(field).toHaveProperty('value', '2026-12-03T10:00');
    expect(screen.getByTestId('touch-callback-hint').textContent).toBe('В это время придёт напоминание');
    await user.click(screen.getByTestId('touch-save'));

    expect(onLogTouch).toHaveBeenCalledWith({ kind: 'call', outcome: 'callback', comment: '' }, { at: new Date(2026, 11, 3, 10, 0).getTime() });
    expect(await screen.findByTestId('touch-saved')).toBeTruthy();
  });

  it('takes another time from the keyboard and saves it with Ctrl+Enter', async () => {
    const { user, onLogTouch } = setup('en');
    await user.click(screen.getByTestId('touch-kind-call'));
    await user.click(screen.getByTestId('touch-outcome-callback'));
    // The field is the next stop after the outcome chips.
    screen.getByTestId('touch-outcome-declined').focus();
    await user.tab();
    const field = screen.getByLabelText('When to call back');
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: '2026-12-05T15:30' } });
    await user.type(screen.getByTestId('touch-comment'), 'After the board meeting');
    await user.keyboard('{Control>}{Enter}{/Control}');

    expect(onLogTouch).toHaveBeenCalledWith({ kind: 'call', outcome: 'callback', comment: 'After the board meeting' }, { at: new Date(2026, 11, 5, 15, 30).getTime() });
  });

  it('keeps the form and says what is missing when the time is cleared', async () => {
    const { user, onLogTouch } = setup('en');
    await user.click(screen.getByTestId('touch-kind-call'));
    await user.click(screen.getByTestId('touch-outcome-callback'));
    fireEvent.change(screen.getByTestId('touch-callback-at'), { target: { value: '' } });

    expect(screen.getByTestId('touch-callback-at').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('touch-callback-hint').textContent).toBe('Enter the date and time of the call');
    await user.click(screen.getByTestId('touch-save'));
    expect(onLogTouch).not.toHaveBeenCalled();
    expect(screen.getByTestId('touch-form')).toBeTruthy();
  });

  it('sends no time for any other outcome, even after a callback was picked first', async () => {
    const { user, onLogTouch } = setup('en');
    await user.click(screen.getByTestId('touch-kind-call'));
    await user.click(screen.getByTestId('touch-outcome-callback'));
    await user.click(screen.getByTestId('touch-outcome-reached'));
    expect(screen.queryByTestId('touch-callback-at')).toBeNull();
    await user.click(screen.getByTestId('touch-save'));

    expect(onLogTouch).toHaveBeenCalledTimes(1);
    expect(onLogTouch.mock.calls[0]).toEqual([{ kind: 'call', outcome: 'reached', comment: '' }]);
  });

  it('starts from tomorrow 10:00 again for the next callback', async () => {
    const { user } = setup('en');
    await user.click(screen.getByTestId('touch-kind-call'));
    await user.click(screen.getByTestId('touch-outcome-callback'));
    fireEvent.change(screen.getByTestId('touch-callback-at'), { target: { value: '2026-12-09T09:00' } });
    await user.click(screen.getByTestId('touch-save'));
    await screen.findByTestId('touch-saved');

    await user.click(screen.getByTestId('touch-kind-call'));
    await user.click(screen.getByTestId('touch-outcome-callback'));
    expect(screen.getByTestId('touch-callback-at')).toHaveProperty('value', '2026-12-03T10:00');
  });
});
