// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CadenceBadge } from '../../components/panel/CadenceBadge';
import { makeModel } from './factories';

const cadence = makeModel().cadence;

describe('CadenceBadge', () => {
  it('shows the segment, the norm and the next due date', () => {
    render(<CadenceBadge cadence={{ ...cadence, crmSegment: null }} lang="en" now={Date.UTC(2026, 2, 10)} />);
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

  it('says it is time to get in touch on the due date, and when the last touch was', () => {
    render(<CadenceBadge cadence={cadence} lang="en" now={cadence.nextDueAt ?? 0} />);
    expect(screen.getByTestId('cadence-due-now').textContent).toBe('Time to get in touch');
    expect(screen.getByTestId('cadence-next').textContent).toBe('Time to get in touch: the last touch was 15 days ago');
  });

  it('says a meeting is due and why: the last one that took place was 97 days ago', () => {
    const now = Date.UTC(2026, 5, 10);
    const meetingDue = { ...cadence, dueFor: 'meeting' as const, lastMeetingAt: now - 97 * 86_400_000, nextDueAt: now - 7 * 86_400_000, overdue: true, overdueDays: 7 };
    const { unmount } = render(<CadenceBadge cadence={meetingDue} lang="en" now={now} />);
    expect(screen.getByTestId('cadence-next').textContent).toBe('A meeting is due: the last one was 97 days ago');
    unmount();
    render(<CadenceBadge cadence={{ ...meetingDue, lastMeetingAt: null }} lang="ru" now={now} />);
    expect(screen.getByTestId('cadence-next').textContent).toBe('Нужна встреча: встреч ещё не было');
  });

  it('shows the CRM’s own segment and the rule that chose the norm on hover and focus', () => {
    const view = {
      ...cadence,
      crmSegment: 'Средний',
      segment: { id: 'new_lead', name: { ru: 'Новая сделка', en: 'Open deal' } },
      rule: { ru: 'Звонок, встреча или письмо — не реже раза в 3 дня', en: 'A call, a meeting or an email at least every 3 days' },
      reason: { ru: 'Сегмента CRM «Средний» нет в правилах плейбука. Сделка на этапе «Встреча назначена»', en: 'x' },
    };
    render(<CadenceBadge cadence={view} lang="ru" now={Date.UTC(2026, 2, 10)} />);
    const pill = screen.getByTestId('cadence-segment');
    expect(pill.textContent).toBe('Сегмент: Средний');
    expect(pill.tabIndex).toBe(0);
    const why = 'Норма «Новая сделка»: Звонок, встреча или письмо — не реже раза в 3 дня. Почему: Сегмента CRM «Средний» нет в правилах плейбука. Сделка на этапе «Встреча назначена».';
    expect(pill.title).toBe(why);
    expect(document.getElementById(pill.getAttribute('aria-describedby') ?? '')?.textContent).toBe(why);
  });

  it('shows the segment by revenue and why, in Russian and in English, and nothing of it when the CRM names one', () => {
    const reason = { ru: 'A: 6 % выручки, место 4 из 212', en: 'A: 6 % of revenue, rank 4 of 212' };
    const { unmount } = render(<CadenceBadge cadence={{ ...cadence, crmSegment: null, revenueSegment: reason }} lang="en" now={Date.UTC(2026, 2, 10)} />);
    expect(screen.getByTestId('cadence-revenue').textContent).toBe('A: 6 % of revenue, rank 4 of 212');
    unmount();
    const ru = render(<CadenceBadge cadence={{ ...cadence, crmSegment: null, revenueSegment: reason }} lang="ru" now={Date.UTC(2026, 2, 10)} />);
    expect(screen.getByTestId('cadence-revenue').textContent).toBe('A: 6 % выручки, место 4 из 212');
    ru.unmount();
    render(<CadenceBadge cadence={{ ...cadence, crmSegment: 'Средний', revenueSegment: null }} lang="ru" now={Date.UTC(2026, 2, 10)} />);
    expect(screen.queryByTestId('cadence-revenue')).toBeNull();
  });
});
