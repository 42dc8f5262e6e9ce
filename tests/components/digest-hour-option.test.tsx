// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OptionsView } from '../../components/options/OptionsView';
import type { ServerDeps } from '../../components/options/server-deps';
import { MESSAGES_RU } from '../../lib/i18n/messages';
import { DEFAULT_SETTINGS, parseSettings, type SettingsPatch } from '../../lib/settings/settings';
import { SYNC_OFF } from '../../lib/sync/sync-status';

const server: ServerDeps = { fetchMe: vi.fn(), configure: vi.fn(), disconnect: vi.fn(), syncNow: vi.fn() };

describe('the digest hour on the options page', () => {
  it('shows 19:00 until chosen, is labelled in Russian and sends the chosen hour', async () => {
    const user = userEvent.setup();
    const onSettingsChange = vi.fn((_p: SettingsPatch) => Promise.resolve());
    render(<OptionsView settings={{ ...DEFAULT_SETTINGS, lang: 'ru' }} onSettingsChange={onSettingsChange} onImportPlaybook={vi.fn()} onResetPlaybook={vi.fn()} sync={SYNC_OFF} server={server} />);
    const select = screen.getByLabelText(MESSAGES_RU['options.digestHour']) as HTMLSelectElement;
    expect(select.value).toBe('19');
    expect(select.selectedOptions[0]?.textContent).toBe('19:00');
    await user.selectOptions(select, '8');
    expect(onSettingsChange).toHaveBeenCalledWith({ digestHour: 8 });
  });

  it('a stored hour out of range or of the wrong type falls back to the default, keeping the other settings', () => {
    for (const bad of [24, -1, 7.5, '19', null, Number.NaN]) {
      expect(parseSettings({ lang: 'en', outline: false, panelCollapsed: false, digestHour: bad })).toMatchObject({ lang: 'en', outline: false, digestHour: undefined });
    }
    expect(parseSettings({ ...DEFAULT_SETTINGS, digestHour: 0 }).digestHour).toBe(0);
  });
});
