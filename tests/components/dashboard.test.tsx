// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '../../components/dashboard/DashboardApp';
import { MESSAGES_EN, MESSAGES_RU } from '../../lib/i18n/messages';
import type { ReportRequest } from '../../lib/reports/report-messages';
import type { TeamRequest } from '../../lib/team/team-messages';
import { REPORT_KINDS, REPORT_TABLES, type ReportResponse, type ReportScopeResponse } from '../../lib/wire/reports';

const HEAD_SCOPE: ReportScopeResponse = {
  role: 'head',
  userId: '2',
  teams: [{ id: '1', name: 'North' }],
  managers: [
    { id: '3', email: 'ann@acme.test', teamId: '1' },
    { id: '4', email: 'boris@acme.test', teamId: '1' },
  ],
};

const COMPLIANCE: ReportResponse = {
  kind: 'compliance',
  from: '2026-03-02',
  to: '2026-03-08',
  scope: { team: '1', manager: null },
  tables: {
    byManager: [
      { manager: 'boris@acme.test', deals: 1, deals_with_gaps: 0, required: 4, filled: 4, fill_rate: 100 },
      { manager: 'ann@acme.test', deals: 4, deals_with_gaps: 1, required: 13, filled: 11, fill_rate: 84.6 },
    ],
    byStage: [],
    byField: [],
    gaps: [{ title: 'Трубы', url: 'https://acme.amocrm.ru/leads/detail/1001', stage: 'Квалификация', manager: 'ann@acme.test', responsible: null, missing: 2, missing_fields: 'Потребность', viewed_on: '2026-03-04' }],
    trend: [
      { day: '2026-03-02', deals: 2, deals_with_gaps: 2, fill_rate: 55.6 },
      { day: '2026-03-03', deals: 2, deals_with_gaps: 1, fill_rate: 80 },
    ],
  },
};

function backend(answers: { scope?: unknown; report?: (r: Extract<ReportRequest, { type: 'reports:get' }>) => unknown } = {}) {
  const requests: ReportRequest[] = [];
  const send = vi.fn(async (request: ReportRequest | TeamRequest) => {
    if (request.type.startsWith('team:')) return { ok: true, team: { canManageOrg: false, teams: [], members: [] } };
    requests.push(request as ReportRequest);
    if (request.type === 'reports:scope') return answers.scope ?? { ok: true, scope: HEAD_SCOPE };
    if (request.type === 'reports:get') return answers.report ? answers.report(request) : { ok: true, report: { ...COMPLIANCE, kind: request.kind } };
    return { ok: true, csv: '\uFEFFa\r\n', filename: 'x.csv' };
  });
  return { send, requests };
}

describe('the dashboard', () => {
  it('shows a head the compliance report: the chart, tables sortable from the keyboard, links to the CRM cards', async () => {
    const { send } = backend();
    render(<DashboardApp send={send} lang="en" />);
    const table = await screen.findByRole('table', { name: /By manager/ });
    expect(screen.getByRole('img', { name: /Required fields filled by day, %.*55\.6 → 80/ })).toBeTruthy();
    const managers = () => within(table).getAllByRole('row').slice(1).map((row) => row.querySelector('td')?.textContent);
    expect(managers()).toEqual(['boris@acme.test', 'ann@acme.test']);

    const user = userEvent.setup();
    const header = within(table).getByRole('button', { name: /Filled, %/ });
    header.focus();
    await user.keyboard('{Enter}');
    expect(managers()).toEqual(['ann@acme.test', 'boris@acme.test']);
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    await user.keyboard('{Enter}');
    expect(managers()).toEqual(['boris@acme.test', 'ann@acme.test']);

    const link = screen.getByRole('link', { name: 'Open the card' });
    expect(link.getAttribute('href')).toBe('https://acme.amocrm.ru/leads/detail/1001');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('switches reports with the arrow keys and asks for the filtered period, team member included', async () => {
    const { send, requests } = backend();
    render(<DashboardApp send={send} lang="en" />);
    const user = userEvent.setup();
    const tab = await screen.findByRole('tab', { name: 'CRM filling' });
    tab.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Activity' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(requests.at(-1)).toMatchObject({ type: 'reports:get', kind: 'activity' }));

    await user.selectOptions(screen.getByLabelText('Manager'), 'boris@acme.test');
    const from = screen.getByLabelText('From') as HTMLInputElement;
    await user.clear(from);
    await user.type(from, '2026-03-02');
    const to = screen.getByLabelText('To') as HTMLInputElement;
    await user.clear(to);
    await user.type(to, '2026-03-08');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() =>
      expect(requests.at(-1)).toEqual({ type: 'reports:get', kind: 'activity', filters: { from: '2026-03-02', to: '2026-03-08', team: null, manager: '4', lang: 'en' } }),
    );
  });

  it('says so inline when the end of the period is before its start, and sends nothing', async () => {
    const { send, requests } = backend();
    render(<DashboardApp send={send} lang="ru" />);
    const user = userEvent.setup();
    await screen.findByRole('table', { name: /По менеджерам/ });
    const asked = requests.length;
    const to = screen.getByLabelText('По') as HTMLInputElement;
    await user.clear(to);
    await user.type(to, '2000-01-01');
    expect(screen.getByRole('alert').textContent).toBe('Дата «по» раньше даты «с»');
    expect(screen.getByRole('button', { name: 'Показать' })).toHaveProperty('disabled', true);
    expect(requests.length).toBe(asked);
  });

  it('offers a manager no team or person to choose and says they see their own figures', async () => {
    const { send } = backend({ scope: { ok: true, scope: { role: 'manager', userId: '3', teams: [], managers: [{ id: '3', email: 'ann@acme.test', teamId: '1' }] } } });
    render(<DashboardApp send={send} lang="en" />);
    expect(await screen.findByText('You see your own figures only.')).toBeTruthy();
    expect(screen.queryByLabelText('Manager')).toBeNull();
    expect(screen.queryByLabelText('Team')).toBeNull();
  });

  it('shows loading, then an error with a retry that asks again, then an empty period', async () => {
    let release: (value: unknown) => void = () => {};
    let calls = 0;
    const { send } = backend({
      report: () => {
        calls += 1;
        if (calls === 1) return new Promise((resolve) => (release = resolve));
        return { ok: true, report: { ...COMPLIANCE, tables: { byManager: [], byStage: [], byField: [], gaps: [], trend: [] } } };
      },
    });
    render(<DashboardApp send={send} lang="en" />);
    await waitFor(() => expect(calls).toBe(1));
    expect(screen.getByText('Loading the report…').getAttribute('role')).toBe('status');
    expect(screen.getByRole('tabpanel').getAttribute('aria-busy')).toBe('true');
    release({ ok: false, error: { code: 'not_configured', message: 'no team server is connected' } });
    expect((await screen.findByRole('alert')).textContent).toContain('No team server is connected');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No data for this period.')).toBeTruthy();
  });

  it('has a Russian and an English name for every report, table and column', () => {
    const ru = MESSAGES_RU as Record<string, unknown>;
    const en = MESSAGES_EN as Record<string, unknown>;
    for (const kind of REPORT_KINDS) {
      for (const key of [`dashboard.kind.${kind}`, ...Object.keys(REPORT_TABLES[kind]).map((table) => `dashboard.table.${kind}.${table}`)]) {
        expect(ru[key], key).toBeTypeOf('string');
        expect(en[key], key).toBeTypeOf('string');
      }
      for (const column of Object.values(REPORT_TABLES[kind]).flat()) {
        expect(ru[`dashboard.col.${column}`], column).toBeTypeOf('string');
        expect(en[`dashboard.col.${column}`], column).toBeTypeOf('string');
      }
    }
  });
});
