// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PanelView } from '../../components/panel/PanelView';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { makeState, makeSync } from './factories';

const NOW = Date.UTC(2026, 2, 10, 12);

function renderPanel(sync: SyncStatus | null, lang: 'ru' | 'en' = 'ru') {
  const state = sync === null ? makeState({}, { lang }) : makeState({ sync }, { lang });
  render(<PanelView state={state} status="connected" mode="docked" onLogTouch={vi.fn()} onSettingsChange={vi.fn()} now={NOW} />);
  return screen.getByTestId('sync-line');
}

describe('Panel sync status line', () => {
  it('says touches are saved locally when no server is set', () => {
    const line = renderPanel(null);
    expect(line.textContent).toBe('Сохранено локально');
    expect(line.getAttribute('title')).toContain('не покидают этот браузер');
  });

  it('counts what waits to be sent', () => {
    expect(renderPanel(makeSync({ pending: 3, lastSuccessAt: NOW - 60_000 })).textContent).toBe('3 ждут отправки');
  });

  it('says how long ago the last sync was', () => {
    expect(renderPanel(makeSync({ lastSuccessAt: NOW - 2 * 60_000 }), 'en').textContent).toBe('Synced 2 minutes ago');
  });

  it('shows syncing while a sync runs', () => {
    expect(renderPanel(makeSync({ state: 'syncing', pending: 2 }), 'en').textContent).toBe('Syncing…');
  });

  it('says a failure calmly, with the reason on demand, what waits, and what was refused', async () => {
    const user = userEvent.setup();
    renderPanel(
      makeSync({
        state: 'backoff',
        pending: 5,
        rejectedCount: 1,
        lastError: { code: 'offline', message: 'fetch failed', at: NOW - 10_000 },
      }),
      'en',
    );
    expect(screen.getByTestId('sync-problem-text').textContent).toBe('Couldn’t sync — we’ll retry later. Everything you logged is kept.');
    const details = screen.getByTestId('sync-problem-more').closest('details')!;
    expect(details.open).toBe(false);
    await user.click(screen.getByTestId('sync-problem-more'));
    expect(details.open).toBe(true);
    expect(screen.getByTestId('sync-problem-reason').textContent).toContain('Can’t reach https://sufler.example.com');
    expect(screen.getByTestId('sync-line').textContent).toContain('5 waiting to sync');
    expect(screen.getByTestId('sync-line-rejected').textContent).toBe('1 refused by the server');
    expect(screen.getByTestId('sync-line').querySelector('.sf-pill--danger:not([data-testid="sync-line-rejected"])')).toBeNull();
  });

  it('never says the last sync is in the future when clocks differ', () => {
    expect(renderPanel(makeSync({ lastSuccessAt: NOW + 12_000 }), 'en').textContent).toBe('Synced just now');
  });

  it('says the same words as the popup when sync has stopped for good', () => {
    renderPanel(makeSync({ state: 'error', lastError: { code: 'unauthorized', message: 'revoked', at: NOW } }), 'ru');
    expect(screen.getByTestId('sync-problem-text').textContent).toBe(
      'Синхронизация приостановлена — нужна помощь администратора. Всё записанное сохранено.',
    );
  });

  it('shows the line on the empty panel too', () => {
    render(
      <PanelView
        state={makeState({ context: null, model: null, sync: makeSync({ pending: 1 }) }, { lang: 'en' })}
        status="connected"
        mode="side"
        onLogTouch={vi.fn()}
        onSettingsChange={vi.fn()}
        now={NOW}
      />,
    );
    expect(screen.getByTestId('sync-line').textContent).toBe('1 waiting to sync');
  });
});
