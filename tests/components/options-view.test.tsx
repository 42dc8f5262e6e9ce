// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OptionsView } from '../../components/options/OptionsView';
import type { ServerDeps } from '../../components/options/server-deps';
import { DEFAULT_SETTINGS, type SettingsPatch } from '../../lib/settings/settings';
import { SYNC_OFF } from '../../lib/sync/sync-status';

const settings = { ...DEFAULT_SETTINGS, lang: 'en' as const };
const server: ServerDeps = {
  fetchMe: vi.fn(),
  configure: vi.fn(),
  disconnect: vi.fn(),
  syncNow: vi.fn(),
};

describe('OptionsView', () => {
  it('sends the language and outline choices', async () => {
    const user = userEvent.setup();
    const onSettingsChange = vi.fn((_p: SettingsPatch) => Promise.resolve());
    render(
      <OptionsView settings={settings} onSettingsChange={onSettingsChange} onImportPlaybook={vi.fn()} onResetPlaybook={vi.fn()} sync={SYNC_OFF} server={server} />,
    );
    await user.selectOptions(screen.getByTestId('options-lang'), 'auto');
    await user.click(screen.getByTestId('options-outline'));
    expect(onSettingsChange.mock.calls.map((c) => c[0])).toEqual([{ lang: null }, { outline: false }]);
    expect((await screen.findByTestId('options-saved')).textContent).toBe('Saved');
  });

  it('imports a playbook file and lists every problem the background found', async () => {
    const user = userEvent.setup();
    const onImportPlaybook = vi
      .fn((_text: string) => Promise.resolve())
      .mockRejectedValueOnce(new Error('stages[3].requiredFields[1]: unknown field "budjet"\nscripts[0].nodes.start.say.ru: required\n'));
    render(
      <OptionsView settings={settings} onSettingsChange={vi.fn()} onImportPlaybook={onImportPlaybook} onResetPlaybook={vi.fn()} sync={SYNC_OFF} server={server} />,
    );
    const file = new File(['{"version":1}'], 'team.json', { type: 'application/json' });
    await user.upload(screen.getByTestId('playbook-file'), file);

    expect(onImportPlaybook).toHaveBeenCalledWith('{"version":1}');
    const errors = await screen.findByTestId('playbook-errors');
    expect(errors.textContent).toContain('“team.json” has 2 problems');
    expect(screen.getAllByTestId('playbook-error').map((li) => li.textContent)).toEqual([
      'stages[3].requiredFields[1]: unknown field "budjet"',
      'scripts[0].nodes.start.say.ru: required',
    ]);

    await user.upload(screen.getByTestId('playbook-file'), file);
    expect((await screen.findByText(/is loaded and in effect/)).textContent).toContain('team.json');
    expect(screen.queryByTestId('playbook-errors')).toBeNull();
  });

  it('resets to the default playbook', async () => {
    const user = userEvent.setup();
    const onResetPlaybook = vi.fn(() => Promise.resolve());
    render(
      <OptionsView settings={{ ...settings, lang: 'ru' }} onSettingsChange={vi.fn()} onImportPlaybook={vi.fn()} onResetPlaybook={onResetPlaybook} sync={SYNC_OFF} server={server} />,
    );
    await user.click(screen.getByTestId('playbook-reset'));
    expect(onResetPlaybook).toHaveBeenCalledTimes(1);
    expect((await screen.findByText(/Снова действует плейбук по умолчанию/))).toBeTruthy();
  });
});
