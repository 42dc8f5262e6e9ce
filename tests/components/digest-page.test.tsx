// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DigestApp } from '../../components/digest/DigestApp';
import type { DigestRequest } from '../../lib/digest/digest-messages';
import { MESSAGES_EN, MESSAGES_RU } from '../../lib/i18n/messages';
import type { DigestResponse } from '../../lib/wire/digest';

const DIGEST: DigestResponse = {
  date: '2026-03-03',
  timeZone: 'UTC',
  scope: { team: '1' },
  tables: {
    belowNorm: [
      { manager: 'ann@acme.test', day: '2026-03-03', calls: 1, calls_norm: 2, meetings: 0, meetings_norm: 1, below_norm: 'calls, meetings' },
      { manager: 'boris@acme.test', day: '2026-03-03', calls: 0, calls_norm: 2, meetings: 0, meetings_norm: 1, below_norm: 'calls, meetings' },
    ],
    gaps: [{ title: '=Краны <b>', url: 'https://acme.amocrm.ru/leads/detail/1003', stage: 'Переговоры', manager: 'ann@acme.test', missing: 1, missing_fields: 'Дата решения' }],
    overdue: [],
  },
};

describe('the printable daily digest', () => {
  it('asks the background for the day in the address and lists the three sections', async () => {
    const send = vi.fn(async (_: DigestRequest) => ({ ok: true, digest: DIGEST }));
    render(<DigestApp send={send} search="?date=2026-03-03" settingsLang="en" />);
    expect(send).toHaveBeenCalledWith({ type: 'digest:get', date: '2026-03-03', lang: 'en' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Violations digest for 2026-03-03');
    const below = await screen.findByTestId('digest-belowNorm');
    expect(within(below).getByRole('heading').textContent).toBe(MESSAGES_EN['digest.section.belowNorm']);
    expect(within(below).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([
      expect.stringContaining('ann@acme.test'),
      expect.stringContaining('boris@acme.test'),
    ]);
    const gaps = screen.getByTestId('digest-gaps');
    // CRM text is text: the title shows as written, the card is a link.
    expect(within(gaps).getByText('=Краны <b>')).toBeTruthy();
    expect(within(gaps).getByRole('link').getAttribute('href')).toBe('https://acme.amocrm.ru/leads/detail/1003');
    expect(within(screen.getByTestId('digest-overdue')).getByText(MESSAGES_EN['digest.none'])).toBeTruthy();
    expect(screen.getByTestId('digest-zone').textContent).toBe('Days are counted in UTC time.');
    expect(screen.getByRole('button', { name: MESSAGES_EN['digest.print'] })).toBeTruthy();
  });

  it('a malformed day in the address asks for today; an error is said in Russian', async () => {
    const send = vi.fn(async (_: DigestRequest) => ({ ok: false, error: { code: 'forbidden', message: 'the daily digest is for heads and admins' } }));
    render(<DigestApp send={send} search={`?date=2026-02-30%00${'x'.repeat(100_000)}`} settingsLang="ru" />);
    expect(send.mock.calls[0]?.[0].date).toBe(new Date().toISOString().slice(0, 10));
    expect((await screen.findByTestId('digest-error')).textContent).toBe(MESSAGES_RU['dashboard.error.forbidden']);
  });

  it('an answer of the wrong shape is an error, not a blank page', async () => {
    render(<DigestApp send={async () => ({ ok: true, digest: { date: 1 } })} search="?date=2026-03-03" settingsLang="en" />);
    await waitFor(() => expect(screen.getByTestId('digest-error').textContent).toBe(MESSAGES_EN['dashboard.error.bad_response']));
  });
});
