// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CadenceBadge } from '../../components/panel/CadenceBadge';
import { makeModel } from './factories';

const cadence = makeModel().cadence;

describe('CadenceBadge', () => {
  it('shows the segment, the norm and the next due date', () => {
    render(<CadenceBadge cadence={cadence} lang="en" now={Date.UTC(2026, 2, 10)} />);
    expect(screen.getByTestId('cadence-segment').textContent).toBe('Segment: Key client');
    expect(screen.getByTestId('cadence-rule').textContent).toBe('A call or meeting every 15 days');
    expect(screen.getByTestId('cadence-next').textContent).toMatch(/Next touch due: Mar 16, 2026/);
    expect(screen.queryByTestId('cadence-overdue')).toBeNull();
  });

  it('flags overdue days with Russian agreement', () => {
    const late = { ...cadence, overdue: true, overdueDays: 2 };
    render(<CadenceBadge cadence={late} lang="ru" now={Date.UTC(2026, 2, 18)} />);
    expect(screen.getByTestId('cadence-overdue').textContent).toBe('Просрочено на 2 дня');
  });

  it('says it is time to get in touch on the due date', () => {
    render(<CadenceBadge cadence={cadence} lang="en" now={cadence.nextDueAt ?? 0} />);
    expect(screen.getByTestId('cadence-due-now').textContent).toBe('Time to get in touch');
  });
});
