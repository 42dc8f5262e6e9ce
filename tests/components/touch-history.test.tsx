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
    render(<TouchHistory touches={touches} total={3} lang="ru" />);
    const items = screen.getAllByTestId('touch-history-item');
    expect(items.map((li) => li.dataset.kind)).toEqual(['meeting', 'direct_mail', 'call']);
    expect(items[0]?.textContent).toContain('Встреча');
    expect(items[0]?.textContent).toContain('Встреча прошла');
    expect(items[0]?.textContent).toContain('Обсудили объёмы на квартал');
    expect(items[2]?.textContent).toContain('Не дозвонился');
  });

  it('writes dates in the UI language', () => {
    const { rerender } = render(<TouchHistory touches={touches} total={3} lang="en" />);
    const time = () => within(screen.getAllByTestId('touch-history-item')[0] as HTMLElement).getByRole('time');
    expect(time().getAttribute('datetime')).toBe('2026-02-03T12:00:00.000Z');
    expect(time().textContent).toMatch(/Feb/);
    rerender(<TouchHistory touches={touches} total={3} lang="ru" />);
    expect(time().textContent).toMatch(/февр/);
  });

  it('says when only the latest of a long history are listed', () => {
    render(<TouchHistory touches={touches} total={240} lang="ru" />);
    expect(screen.getAllByTestId('touch-history-item')).toHaveLength(3);
    expect(screen.getByTestId('touch-history-more').textContent).toContain('Последние 3 из 240');
  });

  it('lists everything without a note when nothing is left out', () => {
    render(<TouchHistory touches={touches} total={3} lang="en" />);
    expect(screen.queryByTestId('touch-history-more')).toBeNull();
  });

  it('says when there are no touches yet', () => {
    render(<TouchHistory touches={[]} total={0} lang="en" />);
    expect(screen.getByText('No touches with this client yet')).toBeTruthy();
  });
});
