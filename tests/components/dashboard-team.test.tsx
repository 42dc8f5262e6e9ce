// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '../../components/dashboard/DashboardApp';
import type { ReportRequest } from '../../lib/reports/report-messages';
import type { TeamRequest } from '../../lib/team/team-messages';
import type { TeamMembersResponse } from '../../lib/wire/team';

const SCOPE = (role: 'head' | 'manager') => ({ role, userId: '2', teams: [{ id: '1', name: 'North' }], managers: [] });
const REPORT = { kind: 'compliance', from: '2026-03-02', to: '2026-03-08', scope: { team: null, manager: null }, tables: {} };

/** A small team server behind the background: it keeps the members and answers like the real one. */
function backend(role: 'head' | 'manager' = 'head') {
  const team: TeamMembersResponse = {
    canManageOrg: false,
    teams: [{ id: '1', name: 'North' }],
    members: [
      { id: '3', email: 'ann@acme.test', role: 'manager', teamId: '1', tokens: [{ id: '7', createdAt: '2026-03-01T10:00:00Z', expiresAt: null, lastUsedAt: null }] },
      { id: '2', email: 'head@acme.test', role: 'head', teamId: '1', tokens: [] },
    ],
  };
  const teamCalls: TeamRequest[] = [];
  const send = vi.fn(async (request: ReportRequest | TeamRequest) => {
    if (request.type === 'reports:scope') return { ok: true, scope: SCOPE(role) };
    if (request.type === 'reports:get') return { ok: true, report: { ...REPORT, kind: request.kind } };
    if (request.type === 'reports:csv') return { ok: false, error: { code: 'server', message: 'x' } };
    teamCalls.push(request);
    switch (request.type) {
      case 'team:list':
        return { ok: true, team: structuredClone(team) };
      case 'team:add':
        if (request.member.email === 'ann@acme.test') return { ok: false, error: { code: 'bad_request', message: 'ann@acme.test already has an account' } };
        team.members.unshift({ id: '9', email: request.member.email, role: request.member.role ?? 'manager', teamId: '1', tokens: [] });
        return { ok: true };
      case 'team:update': {
        const m = team.members.find((x) => x.id === request.userId);
        if (m && request.change.role) m.role = request.change.role;
        return { ok: true };
      }
      case 'team:invite':
        team.members.find((x) => x.id === request.userId)?.tokens.push({ id: '12', createdAt: '2026-03-10T10:00:00Z', expiresAt: '2026-04-09T10:00:00Z', lastUsedAt: null });
        return { ok: true, invite: 'sufler1.CODE', tokenId: '12', expiresAt: '2026-04-09T10:00:00Z' };
      case 'team:revoke':
        for (const m of team.members) m.tokens = m.tokens.filter((k) => k.id !== request.tokenId);
        return { ok: true };
    }
  });
  return { send, teamCalls };
}

describe('the team page of the dashboard', () => {
  it('a head adds a manager, creates an invite shown once, sets a role and revokes access, all from the keyboard', async () => {
    const { send, teamCalls } = backend();
    render(<DashboardApp send={send} lang="en" />);
    const section = await screen.findByTestId('team-section');
    await within(section).findByTestId('team-member-ann@acme.test');
    // The head's own role cannot be changed here; there is no admin role to give.
    expect((within(section).getByRole('combobox', { name: 'Role: head@acme.test' }) as HTMLSelectElement).disabled).toBe(true);
    expect(within(within(section).getByTestId('team-add-role')).queryByRole('option', { name: 'admin' })).toBeNull();

    const user = userEvent.setup();
    await user.click(within(section).getByTestId('team-add-email'));
    await user.keyboard('Nina@Acme.test{Enter}');
    expect(await within(section).findByTestId('team-member-nina@acme.test')).toBeTruthy();
    expect(teamCalls).toContainEqual({ type: 'team:add', member: { email: 'nina@acme.test', role: 'manager' } });
    expect(within(section).getByTestId('team-notice').textContent).toContain('nina@acme.test added');

    within(section).getByRole('button', { name: 'Create an invite for nina@acme.test' }).focus();
    await user.keyboard('{Enter}');
    const invite = await within(section).findByTestId('team-invite');
    expect((within(invite).getByTestId('team-invite-code') as HTMLTextAreaElement).value).toBe('sufler1.CODE');
    expect(teamCalls).toContainEqual({ type: 'team:invite', userId: '9', options: { expiresInDays: 30 } });
    expect(within(within(section).getByTestId('team-member-nina@acme.test')).getByText(/Access #12/)).toBeTruthy();
    await user.click(within(invite).getByRole('button', { name: 'Close' }));
    expect(within(section).queryByTestId('team-invite')).toBeNull();

    await user.selectOptions(within(section).getByRole('combobox', { name: 'Role: ann@acme.test' }), 'head');
    await waitFor(() => expect(within(section).getByTestId('team-notice').textContent).toContain('Role of ann@acme.test: head of sales'));

    await user.click(within(section).getByRole('button', { name: 'Revoke access #7' }));
    await waitFor(() => expect(within(section).queryByRole('button', { name: 'Revoke access #7' })).toBeNull());
    expect(within(within(section).getByTestId('team-member-ann@acme.test')).getByText('no live access')).toBeTruthy();
  });

  it("says why the server refused, and checks the email before sending", async () => {
    const { send, teamCalls } = backend();
    render(<DashboardApp send={send} lang="ru" />);
    const section = await screen.findByTestId('team-section');
    await within(section).findByTestId('team-member-ann@acme.test');
    const user = userEvent.setup();
    const emailBox = within(section).getByTestId('team-add-email');
    await user.type(emailBox, 'ann@acme.test{Enter}');
    expect((await within(section).findByTestId('team-error')).textContent).toContain('ann@acme.test already has an account');
    await user.clear(emailBox);
    // A NUL in the address: refused here (by the form's check or ours), never sent.
    await user.type(emailBox, 'a\u0000@{Enter}');
    await waitFor(() => expect(teamCalls.filter((c) => c.type === 'team:add')).toHaveLength(1));
  });

  it('a manager sees no team page', async () => {
    const { send, teamCalls } = backend('manager');
    render(<DashboardApp send={send} lang="en" />);
    await screen.findByRole('tablist');
    expect(screen.queryByTestId('team-section')).toBeNull();
    expect(teamCalls).toEqual([]);
  });
});
