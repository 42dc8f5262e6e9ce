// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TouchLogger } from '../../components/panel/TouchLogger';
import { HubRequestTimeoutError } from '../../lib/messaging/hub-port';
import { TouchDraftSchema, type TouchDraft } from '../../lib/touches/touch';

describe('TouchLogger', () => {
  it('logs the chosen kind, outcome and comment', async () => {
    const user = userEvent.setup();
    const onLogTouch = vi.fn((_draft: TouchDraft) => Promise.resolve());
    render(<TouchLogger lang="ru" onLogTouch={onLogTouch} />);

    await user.click(screen.getByTestId('touch-kind-call'));
    expect(screen.getByTestId('touch-save')).toHaveProperty('disabled', true);
    await user.click(screen.getByTestId('touch-outcome-meeting_booked'));
    await user.type(screen.getByTestId('touch-comment'), '  Встреча во вторник в 11:00 ');
    await user.click(screen.getByTestId('touch-save'));

    expect(onLogTouch).toHaveBeenCalledTimes(1);
    const draft = onLogTouch.mock.calls[0]?.[0];
    expect(TouchDraftSchema.parse(draft)).toEqual({ kind: 'call', outcome: 'meeting_booked', comment: 'Встреча во вторник в 11:00' });
    expect((await screen.findByTestId('touch-saved')).textContent).toContain('Касание записано');
    expect(screen.queryByTestId('touch-form')).toBeNull();
  });

  it('offers only the outcomes that fit the kind', async () => {
    const user = userEvent.setup();
    render(<TouchLogger lang="en" onLogTouch={() => Promise.resolve()} />);
    await user.click(screen.getByTestId('touch-kind-direct_mail'));
    expect(screen.getByTestId('touch-outcome-sent').textContent).toBe('Sent');
    expect(screen.getByTestId('touch-outcome-reached').textContent).toBe('Delivered');
    expect(screen.queryByTestId('touch-outcome-no_answer')).toBeNull();
    await user.click(screen.getByTestId('touch-kind-call'));
    expect(screen.getByTestId('touch-outcome-no_answer')).toBeTruthy();
    expect(screen.queryByTestId('touch-outcome-sent')).toBeNull();
  });

  it('saves with Ctrl+Enter from the comment', async () => {
    const user = userEvent.setup();
    const onLogTouch = vi.fn((_draft: TouchDraft) => Promise.resolve());
    render(<TouchLogger lang="en" onLogTouch={onLogTouch} />);
    await user.click(screen.getByTestId('touch-kind-note'));
    // A note has a single outcome, chosen for the manager.
    expect(screen.getByTestId('touch-outcome-done').getAttribute('aria-pressed')).toBe('true');
    await user.type(screen.getByTestId('touch-comment'), 'Prefers Telegram');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onLogTouch).toHaveBeenCalledWith({ kind: 'note', outcome: 'done', comment: 'Prefers Telegram' });
  });

  it('shows the background\'s error and keeps the draft for a retry', async () => {
    const user = userEvent.setup();
    const onLogTouch = vi
      .fn((_draft: TouchDraft) => Promise.resolve())
      .mockRejectedValueOnce(new Error('No client card on this tab'));
    render(<TouchLogger lang="en" onLogTouch={onLogTouch} />);
    await user.click(screen.getByTestId('touch-kind-meeting'));
    await user.click(screen.getByTestId('touch-outcome-reached'));
    await user.type(screen.getByTestId('touch-comment'), 'Met the CFO');
    await user.click(screen.getByTestId('touch-save'));

    expect((await screen.findByRole('alert')).textContent).toBe('Could not save: No client card on this tab');
    expect(screen.getByTestId('touch-comment')).toHaveProperty('value', 'Met the CFO');
    expect(screen.getByTestId('touch-outcome-reached').getAttribute('aria-pressed')).toBe('true');

    await user.click(screen.getByTestId('touch-save'));
    expect(onLogTouch).toHaveBeenCalledTimes(2);
    expect(onLogTouch.mock.calls[1]?.[0]).toEqual({ kind: 'meeting', outcome: 'reached', comment: 'Met the CFO' });
    expect(await screen.findByTestId('touch-saved')).toBeTruthy();
  });

  it('explains a timeout in the UI language', async () => {
    const user = userEvent.setup();
    render(<TouchLogger lang="ru" onLogTouch={() => Promise.reject(new HubRequestTimeoutError(10_000))} />);
    await user.click(screen.getByTestId('touch-kind-email'));
    await user.click(screen.getByTestId('touch-outcome-sent'));
    await user.click(screen.getByTestId('touch-save'));
    expect((await screen.findByRole('alert')).textContent).toContain('Расширение не отвечает');
  });

  it('cancels with Esc without logging anything', async () => {
    const user = userEvent.setup();
    const onLogTouch = vi.fn((_draft: TouchDraft) => Promise.resolve());
    render(<TouchLogger lang="en" onLogTouch={onLogTouch} />);
    await user.click(screen.getByTestId('touch-kind-call'));
    await user.click(screen.getByTestId('touch-outcome-no_answer'));
    await user.type(screen.getByTestId('touch-comment'), 'draft');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('touch-form')).toBeNull();
    expect(onLogTouch).not.toHaveBeenCalled();
    // Focus returns to the kind the manager had chosen.
    expect(document.activeElement).toBe(screen.getByTestId('touch-kind-call'));
    await user.click(screen.getByTestId('touch-kind-call'));
    expect(screen.getByTestId('touch-comment')).toHaveProperty('value', '');
  });
});
