// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OptionsView } from '../../components/options/OptionsView';
import { MESSAGES_EN, MESSAGES_RU } from '../../lib/i18n/messages';
import { SYNC_OFF } from '../../lib/sync/sync-status';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { encodeInvite, INVITE_PREFIX } from '../../lib/wire/invite';
import type { MeResponse } from '../../lib/wire/me';

const TOKEN = 'A'.repeat(43);
const ME: MeResponse = { user: { id: '9', email: 'nina@acme.test', role: 'manager' }, team: { id: '1', name: 'North' }, org: { id: '1', name: 'Acme' }, tokenId: '12' };

function setup(lang: 'ru' | 'en' = 'en') {
  const server = {
    fetchMe: vi.fn(async () => ME),
    configure: vi.fn(async () => {}),
    disconnect: vi.fn(async () => {}),
    syncNow: vi.fn(async () => {}),
  };
  render(
    <OptionsView settings={{ ...DEFAULT_SETTINGS, lang }} onSettingsChange={vi.fn()} onImportPlaybook={vi.fn()} onResetPlaybook={vi.fn()} sync={SYNC_OFF} server={server} now={0} />,
  );
  return { server, user: userEvent.setup() };
}

describe('the invite code on the options page', () => {
  it('one pasted code (with the line breaks a chat adds) connects to its server with its token', async () => {
    const { server, user } = setup();
    const code = encodeInvite({ serverUrl: 'https://sufler.acme.test', token: TOKEN });
    await user.click(screen.getByTestId('sync-invite'));
    await user.paste(`  ${code.slice(0, 20)}\n${code.slice(20)}  `);
    await user.click(screen.getByTestId('sync-invite-connect'));
    await screen.findByTestId('sync-me');
    expect(server.fetchMe).toHaveBeenCalledWith('https://sufler.acme.test', TOKEN);
    expect(server.configure).toHaveBeenCalledWith('https://sufler.acme.test', TOKEN);
    expect(screen.getByTestId('sync-me-email').textContent).toBe('nina@acme.test');
    expect((screen.getByTestId('sync-url') as HTMLInputElement).value).toBe('https://sufler.acme.test');
    expect((screen.getByTestId('sync-invite') as HTMLTextAreaElement).value).toBe('');
  });

  const forged = (payload: unknown) => INVITE_PREFIX + btoa(JSON.stringify(payload)).replace(/=+$/, '');
  it.each([
    ['', 'invite.error.empty'],
    ['hello', 'invite.error.not_invite'],
    [`${INVITE_PREFIX}!!!`, 'invite.error.corrupt'],
    [`${INVITE_PREFIX}${btoa('not json')}`, 'invite.error.corrupt'],
    [forged({ v: 1, server: 'http://remote.example.com', token: TOKEN }), 'invite.error.bad_server'],
    [forged({ v: 1, server: 'https://ok.example.com', token: 'short\u0000' }), 'invite.error.bad_token'],
    [forged({ v: 2, server: 'https://ok.example.com', token: TOKEN }), 'invite.error.corrupt'],
    [`${INVITE_PREFIX}${'A'.repeat(1_000_000)}`, 'invite.error.too_long'],
  ] as const)('refuses %# with its own words and sends nothing', async (code, key) => {
    const { server, user } = setup();
    const box = screen.getByTestId('sync-invite');
    if (code !== '') {
      await user.click(box);
      await user.paste(code);
    }
    await user.click(screen.getByTestId('sync-invite-connect'));
    expect((await screen.findByTestId('sync-error')).textContent).toBe(MESSAGES_EN[key]);
    expect(server.fetchMe).not.toHaveBeenCalled();
    expect(server.configure).not.toHaveBeenCalled();
  });

  it('speaks Russian too', async () => {
    const { user } = setup('ru');
    await user.click(screen.getByTestId('sync-invite'));
    await user.paste('hello');
    await user.click(screen.getByTestId('sync-invite-connect'));
    expect((await screen.findByTestId('sync-error')).textContent).toBe(MESSAGES_RU['invite.error.not_invite']);
  });
});
