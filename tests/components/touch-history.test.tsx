// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TouchHistory } from '../../components/panel/TouchHistory';
import { makeTouch } from './factories';

describe('TouchHistory', () => {
  const touches = [
    makeTouch({ kind: 'call', outcome: 'no_answer', at: Date.UTC(2026, 0, 10, 9, 30) }),
    makeTouch({ kind: 'meeting', outcome: 'reached', comment: 'Обсудили объёмы на квартал', at: Date.UTC(2026, 1, 3, 12) }),
    makeTouch({ kind: 'direct_mail', outcome: 'sent', at: Date.UTC(2026, 0, 20, 8) }),
  ];

  it('lists touches newest first with kind, outcome and comment', () => {
    render(<TouchHistory touches={touches} lang="ru" />);
    const items = screen.getAllByTestId('touch-history-item');
    expect(items.map((li) => li.dataset.kind)).toEqual(['meeting', 'direct_mail', 'call']);
    expect(items[0]?.textContent).toContain('Встреча');
    expect(items[0]?.textContent).toContain('Встреча прошла');
    expect(items[0]?.textContent).toContain('Обсудили объёмы на квартал');
    expect(items[2]?.textContent).toContain('Не дозвонился');
  });

  it('writes dates in the UI language', () => {
    const { rerender } = render(<TouchHistory touches={touches} lang="en" />);
    const time = () => within(screen.getAllByTestId('touch-history-item')[0] as HTMLElement).getByRole('time');
    expect(time().getAttribute('datetime')).toBe('2026-02-03T12:00:00.000Z');
    expect(time().textContent).toMatch(/Feb/);
    rerender(<TouchHistory touches={touches} lang="ru" />);
    expect(time().textContent).toMatch(/февр/);
  });

  it('says when there are no touches yet', () => {
    render(<TouchHistory touches={[]} lang="en" />);
    expect(screen.getByText('No touches with this client yet')).toBeTruthy();
  });
});
