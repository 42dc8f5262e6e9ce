// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
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

  it('shows an error badge with the reason, what waits, and what was refused', () => {
    renderPanel(
      makeSync({
        state: 'backoff',
        pending: 5,
        rejectedCount: 1,
        lastError: { code: 'offline', message: 'fetch failed', at: NOW - 10_000 },
      }),
      'en',
    );
    expect(screen.getByTestId('sync-line-main').textContent).toBe('Sync error');
    expect(screen.getByTestId('sync-line-reason').textContent).toContain('Can’t reach https://sufler.example.com');
    expect(screen.getByTestId('sync-line').textContent).toContain('5 waiting to sync');
    expect(screen.getByTestId('sync-line-rejected').textContent).toBe('1 refused by the server');
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
