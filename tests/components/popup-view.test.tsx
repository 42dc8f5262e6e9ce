// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupViewProps } from '../../components/popup/PopupView';
import { makeState, makeSync } from './factories';

const NOW = Date.UTC(2026, 2, 10, 12);

function setup(overrides: Partial<PopupViewProps> = {}) {
  const props = {
    state: makeState({}, { lang: 'en' }),
    canOpenSidePanel: true,
    onOpenPanel: vi.fn(() => Promise.resolve()),
    onSyncNow: vi.fn(() => Promise.resolve()),
    onOpenSettings: vi.fn(),
    now: NOW,
    ...overrides,
  };
  render(<PopupView {...props} />);
  return { props, user: userEvent.setup() };
}

describe('PopupView', () => {
  it('waits for the background before showing anything about sync', () => {
    setup({ state: null, navigatorLanguage: 'ru-RU' });
    expect(screen.getByTestId('popup-status').textContent).toBe('Подключаемся к расширению…');
    expect(screen.getByTestId('popup-sync-now')).toHaveProperty('disabled', true);
  });

  it('without a server says the data stays local and cannot sync', () => {
    setup();
    expect(screen.getByTestId('popup-state').textContent).toBe('This browser only');
    expect(screen.getByTestId('popup-local').textContent).toContain('does not leave this browser');
    expect(screen.getByTestId('popup-sync-now')).toHaveProperty('disabled', true);
  });

  it('shows pending items, the last sync and the last error, and syncs on request', async () => {
    const { props, user } = setup({
      state: makeState(
        {
          sync: makeSync({
            state: 'error',
            pending: 4,
            lastSuccessAt: NOW - 3 * 3_600_000,
            lastError: { code: 'unauthorized', message: 'token revoked', at: NOW - 60_000 },
            rejectedCount: 2,
          }),
        },
        { lang: 'en' },
      ),
    });
    expect(screen.getByTestId('popup-state').textContent).toBe('Paused');
    expect(screen.getByTestId('popup-pending').textContent).toBe('4 items waiting to sync');
    expect(screen.getByTestId('popup-last-success').textContent).toBe('Last synced: 3 hours ago');
    // The panel's words exactly, the technical reason behind "Details".
    expect(screen.getByTestId('sync-problem-text').textContent).toBe('Sync is paused — your admin needs to take a look. Everything you logged is kept.');
    expect(screen.getByTestId('sync-problem-reason').textContent).toContain('The token is wrong or has been revoked');
    expect(screen.getByTestId('sync-problem-more').closest('details')?.open).toBe(false);
    expect(screen.getByTestId('popup-rejected').textContent).toBe('The server refused 2 items');

    await user.click(screen.getByTestId('popup-sync-now'));
    expect(props.onSyncNow).toHaveBeenCalledTimes(1);
    expect((await screen.findByTestId('popup-notice')).textContent).toBe('Sync started');
  });

  it('opens the side panel where the browser has one', async () => {
    const { props, user } = setup();
    await user.click(screen.getByTestId('popup-open-panel'));
    expect(props.onOpenPanel).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('popup-notice')).toBeNull();
  });

  it('says the panel is docked in the CRM tab where there is no side panel', async () => {
    const { props, user } = setup({ canOpenSidePanel: false, state: makeState({}, { lang: 'ru' }) });
    await user.click(screen.getByTestId('popup-open-panel'));
    expect(props.onOpenPanel).not.toHaveBeenCalled();
    expect(screen.getByTestId('popup-notice').textContent).toContain('встроена справа во вкладку CRM');
  });

  it('explains when the side panel would not open', async () => {
    const { user } = setup({ onOpenPanel: vi.fn(() => Promise.reject(new Error('No active side panel'))) });
    await user.click(screen.getByTestId('popup-open-panel'));
    expect((await screen.findByTestId('popup-notice')).textContent).toBe('Could not open the panel: No active side panel');
  });

  it('opens the settings', async () => {
    const { props, user } = setup();
    await user.click(screen.getByTestId('popup-settings'));
    expect(props.onOpenSettings).toHaveBeenCalledTimes(1);
  });
});
